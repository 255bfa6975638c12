package io.labelledger.api;

/**
 * The API's name for {@link io.labelledger.projection.ReadYourWrites} (which moved beside the projections so that the
 * identity module can wait for them too): one interface, one bean.
 */
public interface ReadYourWrites extends io.labelledger.projection.ReadYourWrites {
}
