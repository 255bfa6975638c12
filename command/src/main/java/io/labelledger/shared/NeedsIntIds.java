package io.labelledger.shared;

import java.util.PrimitiveIterator;

/**
 * A command that creates things Label Studio's REST API addresses by integer (projects, tasks, annotations,
 * predictions). The numbers come from one sequence per installation and travel in the command, so the events that
 * create the things carry them (ADR 0050): the command gateway fills the missing ones before dispatch, once (a retry
 * resends the same numbers). A command built without them (a test fixture) records null, which the read side treats
 * as an event recorded before integer ids existed.
 */
public interface NeedsIntIds {
    /** How many numbers this command still lacks. */
    int intIdsNeeded();

    /** This command with its missing numbers taken, in order, from {@code ids}. */
    Object withIntIds(PrimitiveIterator.OfLong ids);
}
