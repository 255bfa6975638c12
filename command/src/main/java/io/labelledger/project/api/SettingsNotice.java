package io.labelledger.project.api;

/** What a settings change accepted but people should know. */
public enum SettingsNotice {
    /** The overlap went down: tasks already handed out or annotated keep what they have; new hand-outs follow it. */
    LOWER_OVERLAP_APPLIES_TO_NEW_HAND_OUTS,
    /** The annotation limit is above the project's task count: it limits nobody today. */
    LIMIT_ABOVE_TASK_COUNT,
    /** A shorter reservation applies to new hand-outs; live reservations keep their expiry. */
    SHORTER_RESERVATION_APPLIES_TO_NEW_HAND_OUTS
}
