package io.labelledger.bench;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * A thread-safe latency recorder in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes), summarised
 * in milliseconds.
 */
public final class Latency {
    private static final long MAX_MICROS = 600_000_000L;
    private final Histogram histogram = new Histogram(MAX_MICROS, 3);

    public synchronized void recordNanos(long nanos) {
        long micros = Math.max(1, nanos / 1_000);
        histogram.recordValue(Math.min(micros, MAX_MICROS));
    }

    public synchronized void add(Latency other) {
        Histogram copy;
        synchronized (other) {
            copy = other.histogram.copy();
        }
        histogram.add(copy);
    }

    public synchronized Summary summary() {
        long n = histogram.getTotalCount();
        if (n == 0) return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return new Summary(n,
                ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(90)),
                ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()),
                histogram.getMean() / 1000.0);
    }

    /** One percentile (e.g. 95) in milliseconds; NaN without samples. */
    public synchronized double percentileMs(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : ms(histogram.getValueAtPercentile(percentile));
    }

    private static double ms(long micros) { return micros / 1000.0; }

    /** Percentiles in milliseconds. */
    public record Summary(long count, double p50, double p90, double p99, double max, double mean) {
        public String describe() {
            if (count == 0) return "no samples";
            return String.format(Locale.ROOT, "n=%d p50=%s p90=%s p99=%s max=%s ms", count, fmt(p50), fmt(p90), fmt(p99), fmt(max));
        }
    }

    /** Milliseconds with a precision that suits the magnitude. */
    public static String fmt(double ms) {
        if (Double.isNaN(ms)) return "n/a";
        if (ms < 10) return String.format(Locale.ROOT, "%.2f", ms);
        if (ms < 100) return String.format(Locale.ROOT, "%.1f", ms);
        return String.format(Locale.ROOT, "%,.0f", ms);
    }

    /** A rate with a thousands separator and one decimal below 100. */
    public static String rate(double perSecond) {
        if (Double.isNaN(perSecond) || Double.isInfinite(perSecond)) return "n/a";
        if (perSecond < 100) return String.format(Locale.ROOT, "%.1f", perSecond);
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }
}
