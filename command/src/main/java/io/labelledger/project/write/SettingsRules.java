package io.labelledger.project.write;

import io.labelledger.project.api.ProjectSettings;
import io.labelledger.project.api.ProjectSettings.Annotating;
import io.labelledger.project.api.ProjectSettings.Distribution;
import io.labelledger.project.api.ProjectSettings.General;
import io.labelledger.project.api.ProjectSettings.Review;
import io.labelledger.project.api.ProjectSettings.Skipping;

import java.util.regex.Pattern;

/** The ranges of the project settings; each refusal names its section and field. Text is stripped. */
final class SettingsRules {
    static final int MAX_OVERLAP = 100;
    /** 30 days: a reservation is a lock, not an assignment (manual distribution assigns). */
    static final int MAX_RESERVATION_MINUTES = 30 * 24 * 60;
    static final int MAX_INSTRUCTIONS = 50_000;
    static final int MAX_LIMIT = 10_000_000;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private SettingsRules() {}

    static General checked(General g) {
        if (g == null) return null;
        String color = g.color() == null ? "" : g.color().strip();
        if (!color.isEmpty() && !COLOR.matcher(color).matches()) throw new InvalidSetting("general", "color", "A color is written #rrggbb");
        return new General(color.toLowerCase(java.util.Locale.ROOT), instructions("general", g.instructions()), g.showInstructionsBeforeLabeling());
    }

    static Distribution checked(Distribution d) {
        if (d == null) return null;
        if (d.mode() == null) throw new InvalidSetting("distribution", "mode", "Choose AUTO or MANUAL distribution");
        if (d.overlap() < 1 || d.overlap() > MAX_OVERLAP) {
            throw new InvalidSetting("distribution", "overlap", "The overlap is 1 to " + MAX_OVERLAP + " annotations per task");
        }
        if (d.overlapPercent() != null && (d.overlapPercent() < 1 || d.overlapPercent() > 100)) {
            throw new InvalidSetting("distribution", "overlapPercent", "The share of tasks with overlap is 1 to 100 percent");
        }
        if (d.reservationMinutes() < 1 || d.reservationMinutes() > MAX_RESERVATION_MINUTES) {
            throw new InvalidSetting("distribution", "reservationMinutes", "A reservation lasts 1 to " + MAX_RESERVATION_MINUTES + " minutes");
        }
        if (d.sampling() == null) throw new InvalidSetting("distribution", "sampling", "Choose SEQUENTIAL, UNIFORM or UNCERTAINTY sampling");
        if (d.limit() != null) {
            if (d.limit().unit() == null) throw new InvalidSetting("distribution", "limit", "A limit is a COUNT or a PERCENT of the tasks");
            int max = d.limit().unit() == ProjectSettings.LimitUnit.PERCENT ? 100 : MAX_LIMIT;
            if (d.limit().value() < 1 || d.limit().value() > max) {
                throw new InvalidSetting("distribution", "limit", "The annotation limit is 1 to " + max
                        + (d.limit().unit() == ProjectSettings.LimitUnit.PERCENT ? " percent" : " tasks"));
            }
        }
        // 100 percent is "every task": stored as null so that one state has one form
        Integer percent = d.overlapPercent() != null && d.overlapPercent() == 100 ? null : d.overlapPercent();
        return new Distribution(d.mode(), d.overlap(), percent, d.reservationMinutes(), d.sampling(), d.limit());
    }

    static Skipping checked(Skipping s) {
        if (s == null) return null;
        if (s.queue() == null) throw new InvalidSetting("skipping", "queue", "Choose REQUEUE_TO_OTHERS, REQUEUE_TO_ME_LAST or IGNORE");
        return s;
    }

    static Annotating checked(Annotating a) { return a; }

    static Review checked(Review r) {
        if (r == null) return null;
        if (r.onReject() == null) throw new InvalidSetting("review", "onReject", "Choose REQUEUE_TO_ANNOTATOR, REQUEUE_TO_GENERAL or MARK_ONLY");
        return new Review(instructions("review", r.instructions()), r.onReject(), r.requireCommentOnReject(), r.onlyOverlapReached(),
                r.reviewersSeeDataManager());
    }

    private static String instructions(String section, String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_INSTRUCTIONS) {
            throw new InvalidSetting(section, "instructions", "Instructions are at most " + MAX_INSTRUCTIONS + " characters");
        }
        return t;
    }
}
