package io.labelledger.review.api;

/** A reviewer's verdict on one annotation. */
public enum ReviewDecision { ACCEPTED, REJECTED }
