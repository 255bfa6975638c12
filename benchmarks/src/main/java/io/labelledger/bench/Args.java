package io.labelledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line: {@code <workload> [--name=value | --name value | --flag]...}. Unknown options are an error so that a
 * typo never silently runs the default.
 */
public final class Args {
    private final String command;
    private final Map<String, String> options;
    private final List<String> raw;

    private Args(String command, Map<String, String> options, List<String> raw) {
        this.command = command;
        this.options = options;
        this.raw = raw;
    }

    public static Args parse(String... argv) {
        List<String> raw = new ArrayList<>();
        for (String a : argv) {
            // exec:java passes -Dexec.args as one string split on spaces; tolerate blanks
            if (a != null && !a.isBlank()) raw.add(a.strip());
        }
        String command = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            if (a.startsWith("--")) {
                String body = a.substring(2);
                if (body.isEmpty()) throw new IllegalArgumentException("Empty option '--'");
                int eq = body.indexOf('=');
                if (eq >= 0) {
                    options.put(body.substring(0, eq), body.substring(eq + 1));
                } else if (i + 1 < raw.size() && !raw.get(i + 1).startsWith("--")) {
                    options.put(body, raw.get(++i));
                } else {
                    options.put(body, "true");
                }
            } else if (command == null) {
                command = a;
            } else {
                throw new IllegalArgumentException("Unexpected argument '" + a + "' (options start with --)");
            }
        }
        return new Args(command == null ? "help" : command, options, List.copyOf(raw));
    }

    public String command() { return command; }

    public List<String> raw() { return raw; }

    public boolean has(String name) { return options.containsKey(name); }

    public String string(String name, String def) { return options.getOrDefault(name, def); }

    public int integer(String name, int def) {
        String v = options.get(name);
        if (v == null) return def;
        try {
            return Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a whole number, got '" + v + "'");
        }
    }

    public boolean flag(String name) {
        String v = options.get(name);
        return v != null && !v.equalsIgnoreCase("false");
    }

    /** Durations as plain seconds ("60"), or with a unit: "500ms", "90s", "2m". */
    public Duration duration(String name, Duration def) {
        String v = options.get(name);
        return v == null ? def : parseDuration(name, v);
    }

    static Duration parseDuration(String name, String v) {
        String s = v.strip().toLowerCase();
        try {
            if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            if (s.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
            if (s.endsWith("m")) return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 60_000));
            return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a duration such as 60, 60s, 500ms or 2m; got '" + v + "'");
        }
    }

    /** Fails on options the workload does not know. */
    public void allowOnly(List<String> known) {
        for (String k : options.keySet()) {
            if (!known.contains(k)) throw new IllegalArgumentException("Unknown option --" + k + " for '" + command + "' (known: " + known + ")");
        }
    }
}
