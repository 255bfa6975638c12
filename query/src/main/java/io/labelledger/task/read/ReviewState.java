package io.labelledger.task.read;

/** A task's review state in the Data Manager (dm_task.review_state). */
public enum ReviewState { NONE, PENDING, REJECTED, ACCEPTED }
