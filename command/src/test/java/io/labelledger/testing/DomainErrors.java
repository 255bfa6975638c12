package io.labelledger.testing;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;

/** Matches a {@link DomainException} by type, code and (optionally) field path; never by message text. */
public final class DomainErrors {
    private DomainErrors() {}

    public static Matcher<DomainException> error(Class<? extends DomainException> type, ErrorCode code, String... field) {
        return new TypeSafeMatcher<>(DomainException.class) {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return type.isInstance(e) && e.code() == code && (field.length == 0 || e.field().equals(List.of(field)));
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(type.getSimpleName() + " with code " + code + (field.length == 0 ? "" : " and field " + List.of(field)));
            }

            @Override
            protected void describeMismatchSafely(DomainException e, Description d) {
                d.appendText("was " + e.getClass().getSimpleName() + " with code " + e.code() + " and field " + e.field());
            }
        };
    }
}
