package io.labelledger.identity.read;

/** A person referenced by id (an author, a reviewer, an audit entry's actor): the GraphQL {@code User}. */
public record UserView(String id, String displayName) {
    /** The name shown for an id whose account is gone. */
    public static final String UNKNOWN = "(unknown user)";
}
