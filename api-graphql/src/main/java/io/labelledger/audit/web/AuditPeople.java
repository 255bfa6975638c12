package io.labelledger.audit.web;

import io.labelledger.identity.read.UserQueries;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People in audit summaries are {@code @{userId}} (ADR 0051: names are not kept in the log); shown with their current
 * name, or "unknown person" when there is no account (an erased person, later).
 */
final class AuditPeople {
    /** Same form as io.labelledger.audit.log.AuditSummaries.PERSON. */
    static final Pattern PERSON = Pattern.compile("@\\{([0-9A-Za-z:._-]{1,80})}");

    private AuditPeople() {}

    static Mono<Map<String, String>> names(UserQueries users, Collection<String> summaries) {
        Set<String> ids = new HashSet<>();
        for (String s : summaries) {
            if (s == null) continue;
            Matcher m = PERSON.matcher(s);
            while (m.find()) ids.add(m.group(1));
        }
        return users.displayNames(ids);
    }

    static String render(String summary, Map<String, String> names) {
        Matcher m = PERSON.matcher(summary);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(names.getOrDefault(m.group(1), "unknown person")));
        m.appendTail(out);
        return out.toString();
    }
}
