package io.labelledger.project.config;

import java.util.List;

/**
 * A required per-region control ({@code required="true" perRegion="true"}) has no result for one region of its
 * object; {@link #regionId()} names the region, the field path points at the region's item (ADR 0022).
 */
public class RegionResultMissing extends InvalidResult {
    private final String regionId;
    private final String control;

    public RegionResultMissing(List<String> field, String regionId, String control, String message) {
        super(field, message);
        this.regionId = regionId;
        this.control = control;
    }

    /** The region's result id, or null when the region item has none. */
    public String regionId() { return regionId; }

    /** The required per-region control. */
    public String control() { return control; }
}
