package io.labelledger.identity.account;

/** What a password of a personal account must be: the same at sign-up and at a password change. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private PasswordPolicy() {}

    public static boolean acceptable(String password) {
        return password.length() >= MIN_LENGTH && password.length() <= MAX_LENGTH;
    }
}
