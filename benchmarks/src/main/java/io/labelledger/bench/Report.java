package io.labelledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One workload's result: printed as a text block and appended to the Markdown file as a section with the machine,
 * date, command and figures. Headline figures are also kept in a properties file so that later runs can report
 * ratios to the raw JDBC insert rate.
 */
public final class Report {
    private final String title;
    private final String command;
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String title, String command) {
        this.title = title;
        this.command = command;
    }

    public Report figure(String name, String value) {
        figures.put(name, value);
        return this;
    }

    public Report note(String text) {
        notes.add(text);
        return this;
    }

    public void print() {
        System.out.println();
        System.out.println("==== " + title + " ====");
        int w = figures.keySet().stream().mapToInt(String::length).max().orElse(10);
        figures.forEach((k, v) -> System.out.printf("  %-" + w + "s  %s%n", k, v));
        for (String n : notes) System.out.println("  note: " + n);
        System.out.println();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("\n## ").append(title).append(" — ")
          .append(ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n");
        md.append("- Machine: ").append(Machine.describe()).append('\n');
        md.append("- Command: `").append(command).append("`\n\n");
        md.append("| Figure | Value |\n|---|---|\n");
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        if (!notes.isEmpty()) {
            md.append('\n');
            for (String n : notes) md.append("- ").append(n).append('\n');
        }
        return md.toString();
    }

    /** Appends this report to the Markdown file, creating it with a short header if missing. */
    public void append(Path doc) throws IOException {
        if (doc.getParent() != null) Files.createDirectories(doc.getParent());
        if (!Files.exists(doc)) {
            Files.writeString(doc, """
                    # LabelLedger benchmarks

                    Results appended by `io.labelledger.bench.LoadGenerator` (see benchmarks/README.md).
                    """, StandardCharsets.UTF_8);
        }
        Files.writeString(doc, markdown(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        System.out.println("Appended to " + doc.toAbsolutePath().normalize());
    }

    /** Headline numbers of earlier runs (for ratios), kept next to the build output. */
    public static final class Store {
        private final Path file;
        private final Properties props = new Properties();

        public Store(Path file) {
            this.file = file;
            if (Files.exists(file)) {
                try (var in = Files.newBufferedReader(file)) {
                    props.load(in);
                } catch (IOException e) {
                    System.err.println("Cannot read " + file + ": " + e.getMessage());
                }
            }
        }

        public Double get(String key) {
            String v = props.getProperty(key);
            return v == null ? null : Double.valueOf(v);
        }

        public void put(String key, double value) {
            props.setProperty(key, Double.toString(value));
            try {
                if (file.getParent() != null) Files.createDirectories(file.getParent());
                try (var out = Files.newBufferedWriter(file)) {
                    props.store(out, "LabelLedger benchmark headline figures");
                }
            } catch (IOException e) {
                System.err.println("Cannot write " + file + ": " + e.getMessage());
            }
        }

        /** "0.12× JDBC inserts" or a hint to run pgref first. */
        public String ratioToJdbc(double rate) {
            Double jdbc = get(PgRef.JDBC_KEY);
            if (jdbc == null || jdbc <= 0) return "n/a (run `pgref` first)";
            return String.format(java.util.Locale.ROOT, "%.3f× (JDBC insert rate %s/s)", rate / jdbc, Latency.rate(jdbc));
        }
    }
}
