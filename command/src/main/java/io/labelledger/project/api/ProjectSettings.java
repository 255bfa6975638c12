package io.labelledger.project.api;

/**
 * A project's workflow settings (issue 11), in sections as the Settings tab shows them. The whole value travels in
 * {@link ProjectSettingsChanged}, so "under which rules" is answerable for any instant. Values are checked by
 * {@code io.labelledger.project.write.SettingsRules}; {@link #DEFAULTS} are Label Studio's.
 */
public record ProjectSettings(General general, Distribution distribution, Skipping skipping, Annotating annotating, Review review) {
    public static final ProjectSettings DEFAULTS = new ProjectSettings(
            new General("", "", false),
            new Distribution(DistributionMode.AUTO, 1, null, Distribution.DEFAULT_RESERVATION_MINUTES, Sampling.SEQUENTIAL, null),
            new Skipping(SkipQueue.REQUEUE_TO_OTHERS, false),
            new Annotating(true, false, false, true, false),
            new Review("", OnReject.REQUEUE_TO_ANNOTATOR, false, false, true));

    /** color: "#rrggbb" or "" (none); instructions: markdown, shown before labeling once per session when asked. */
    public record General(String color, String instructions, boolean showInstructionsBeforeLabeling) {}

    /**
     * overlap: annotations a task needs to be done; overlapPercent: the share of tasks (by number) that need
     * {@code overlap}, the others one (null: all of them); reservationMinutes: how long a handed-out task stays reserved;
     * limit: how many tasks one person may annotate (null: no limit).
     */
    public record Distribution(DistributionMode mode, int overlap, Integer overlapPercent, int reservationMinutes, Sampling sampling,
                               AnnotationLimit limit) {
        public static final int DEFAULT_RESERVATION_MINUTES = 24 * 60;

        /**
         * The annotations task number {@code number} needs: {@code overlap} for a spread share of the tasks ((number × 37)
         * mod 100 below the percent: exactly that share of every 100 consecutive numbers, not the first ones), 1 for the
         * others. The same formula runs in SQL in the Data Manager projection.
         */
        public int overlapOf(long number) {
            if (overlapPercent == null || overlap == 1) return overlap;
            return Math.floorMod(number * 37, 100) < overlapPercent ? overlap : 1;
        }
    }

    public record AnnotationLimit(LimitUnit unit, int value) {
        /** The number of tasks one person may annotate in a project of {@code taskCount} tasks (a percent rounds up). */
        public long tasksFor(long taskCount) {
            return unit == LimitUnit.COUNT ? value : (taskCount * value + 99) / 100;
        }
    }

    public record Skipping(SkipQueue queue, boolean requireComment) {}

    /**
     * showOthersAnnotations: annotators see their colleagues' annotations (off: blind labeling, the default);
     * annotatorsSeeDataManager: annotators may browse the task list, not only their stream.
     */
    public record Annotating(boolean showSkip, boolean allowEmptyAnnotations, boolean revealPredictionsInteractively,
                             boolean annotatorsSeeDataManager, boolean showOthersAnnotations) {}

    /**
     * onReject: what a rejection does to the task's queue (ADR 0042): REQUEUE_TO_ANNOTATOR hands the task back to its
     * author's stream first (they fix their annotation), REQUEUE_TO_GENERAL frees the rejected annotation's place in the
     * overlap (someone else labels the task), MARK_ONLY records the verdict and nothing more; onlyOverlapReached: the review
     * queue holds only tasks that have all the annotations their overlap asks for; reviewersSeeDataManager: people who
     * review here (and are not Managers) may browse the task list, else only their review queue (revision 2).
     */
    public record Review(String instructions, OnReject onReject, boolean requireCommentOnReject, boolean onlyOverlapReached,
                         boolean reviewersSeeDataManager) {}

    public enum DistributionMode { AUTO, MANUAL }

    public enum Sampling { SEQUENTIAL, UNIFORM, UNCERTAINTY }

    public enum LimitUnit { COUNT, PERCENT }

    public enum SkipQueue { REQUEUE_TO_OTHERS, REQUEUE_TO_ME_LAST, IGNORE }

    public enum OnReject { REQUEUE_TO_ANNOTATOR, REQUEUE_TO_GENERAL, MARK_ONLY }

    public ProjectSettings with(General g, Distribution d, Skipping s, Annotating a, Review r) {
        return new ProjectSettings(g == null ? general : g, d == null ? distribution : d, s == null ? skipping : s,
                a == null ? annotating : a, r == null ? review : r);
    }
}
