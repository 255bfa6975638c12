package io.labelledger.task.export.vision;

import io.labelledger.task.export.vision.ImageGeometry.Box;
import io.labelledger.task.export.vision.ImageGeometry.Point;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImageGeometryTest {
    @Test
    void percentagesOfTheImageSizeArePixels() {
        assertThat(ImageGeometry.toPixels(10, 800)).isEqualTo(80);
        assertThat(ImageGeometry.toPixels(12.5, 600)).isEqualTo(75);
        assertThat(ImageGeometry.toPixels(100, 1024)).isEqualTo(1024);
    }

    @Test
    void anUnrotatedRectangleHasItsFourCornersClockwiseFromTopLeft() {
        assertThat(ImageGeometry.corners(80, 120, 200, 300, 0)).containsExactly(
                new Point(80, 120), new Point(280, 120), new Point(280, 420), new Point(80, 420));
    }

    @Test
    void rotationTurnsClockwiseAroundTheTopLeftCorner() {
        // 90°: the width now points down, the height to the left
        assertThat(ImageGeometry.corners(100, 100, 200, 100, 90)).containsExactly(
                new Point(100, 100), new Point(100, 300), new Point(0, 300), new Point(0, 100));
        List<Point> c = ImageGeometry.corners(0, 0, 100, 50, 30);
        assertThat(c.get(1).x()).isCloseTo(100 * Math.sqrt(3) / 2, within(1e-9));
        assertThat(c.get(1).y()).isCloseTo(50, within(1e-9));
        assertThat(c.get(3).x()).isCloseTo(-25, within(1e-9));
        assertThat(c.get(3).y()).isCloseTo(50 * Math.sqrt(3) / 2, within(1e-9));
        // opposite sides stay parallel and equal
        assertThat(c.get(2).x() - c.get(3).x()).isCloseTo(c.get(1).x() - c.get(0).x(), within(1e-9));
    }

    @Test
    void boundsAndClampGiveTheVisiblePixelBox() {
        Box around = ImageGeometry.bounds(ImageGeometry.corners(100, 100, 200, 100, 90));
        assertThat(around).isEqualTo(new Box(0, 100, 100, 200));
        assertThat(ImageGeometry.clamp(new Box(-10, 550, 100, 100), 800, 600)).isEqualTo(new Box(0, 550, 90, 50));
        assertThat(ImageGeometry.clamp(new Point(900, -1), 800, 600)).isEqualTo(new Point(800, 0));
        assertThat(ImageGeometry.normalize(new Point(200, 150), 800, 600)).isEqualTo(new Point(0.25, 0.25));
    }

    @Test
    void polygonAreaIgnoresWinding() {
        List<Point> triangle = List.of(new Point(80, 60), new Point(400, 60), new Point(400, 360));
        assertThat(ImageGeometry.polygonArea(triangle)).isEqualTo(48_000);
        assertThat(ImageGeometry.polygonArea(triangle.reversed())).isEqualTo(48_000);
    }
}
