package io.labelledger.task.importing;

import io.labelledger.project.config.InvalidResult;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.ObjectTag;
import io.labelledger.project.config.ResultValidator;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.ImportedAnnotation;
import io.labelledger.task.api.NewTask;
import io.labelledger.task.api.Prediction;
import io.labelledger.task.api.TaskId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads a task import in one of the {@link ImportFormat}s. Label Studio task JSON is a list of tasks or one task; a
 * task is {"data": {...}, "predictions": [...]}, or, as Label Studio also accepts, a bare object that is the data
 * itself. Every record is checked against the labeling config (the fields it reads must be present, predictions must
 * fit it, so must the results of Label Studio export "annotations", which are imported too), and bad records are reported by index (0-based position among the records) and, for line-based formats,
 * by line. Records are read one at a time (JSON array elements, lines, CSV rows), never as one tree of the file.
 */
public final class LabelStudioTaskParser {
    public static final int MAX_TASKS_PER_REQUEST = 200_000;
    static final Set<String> TEXT_OBJECTS = Set.of("Text", "HyperText", "Markdown");
    static final Set<String> MEDIA_OBJECTS = Set.of("Image", "Audio", "AudioPlus", "Video");
    static final Set<String> URL_SCHEMES = Set.of("http", "https", "s3", "gs");

    private final JsonMapper json;
    private final Supplier<UUID> ids;

    public LabelStudioTaskParser(JsonMapper json, Supplier<UUID> ids) {
        this.json = json;
        this.ids = ids;
    }

    /** A record that was not imported: its 0-based index among the records, its 1-based line when known, why. */
    public record Rejection(int index, Integer line, String reason) {
        public Rejection(int index, String reason) { this(index, null, reason); }
    }

    public record Parsed(List<NewTask> tasks, List<Rejection> rejections, String error) {
        public static Parsed failed(String error) { return new Parsed(List.of(), List.of(), error); }
    }

    public Parsed parse(String text, LabelingConfig config) {
        return parse(ImportFormat.JSON, text, config);
    }

    public Parsed parse(ImportFormat format, String text, LabelingConfig config) {
        if (text == null || text.isBlank()) return Parsed.failed("The import is empty");
        List<NewTask> tasks = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Outcome outcome = read(format, new StringReader(text), config, MAX_TASKS_PER_REQUEST, new RecordSink() {
            @Override public void accepted(int index, Integer line, NewTask task) { tasks.add(task); }
            @Override public void rejected(Rejection rejection) { rejections.add(rejection); }
        });
        if (outcome.error() != null) return Parsed.failed(outcome.error());
        return new Parsed(tasks, rejections, null);
    }

    /** This parser with another source of task and annotation ids (a job that re-reads its file needs the same ids). */
    public LabelStudioTaskParser withIds(Supplier<UUID> ids) {
        return new LabelStudioTaskParser(json, ids);
    }

    /** Receives the records of a streamed import one at a time, in file order. */
    public interface RecordSink {
        void accepted(int index, Integer line, NewTask task);

        void rejected(Rejection rejection);
    }

    /** How a streamed read ended: the number of records seen, or why the file could not be read at all. */
    public record Outcome(long records, String error) {}

    /**
     * Reads an import from a character stream without holding it: each record goes to the sink as soon as it is
     * read and checked. A file with more than {@code maxRecords} records, or none, is refused as a whole.
     */
    public Outcome read(ImportFormat format, Reader source, LabelingConfig config, long maxRecords, RecordSink sink) {
        Records records = new Records(sink, maxRecords);
        try {
            Lines lines = new Lines(skipByteOrderMark(source));
            String error = switch (format == null ? ImportFormat.JSON : format) {
                case JSON -> readJson(lines, config, records);
                case NDJSON -> readNdjson(lines, config, records);
                case CSV -> readTable(lines, ',', config, records);
                case TSV -> readTable(lines, '\t', config, records);
                case TEXT -> readLines(lines, config, records, false);
                case URLS -> readLines(lines, config, records, true);
            };
            if (error != null) return new Outcome(records.count, error);
        } catch (TooMany e) {
            return new Outcome(records.count, "More than " + maxRecords + " tasks in one import");
        } catch (IOException | UncheckedIOException e) {
            return new Outcome(records.count, "The import could not be read");
        }
        if (records.count == 0) return new Outcome(0, "The import holds no task");
        return new Outcome(records.count, null);
    }

    /** Drops the byte order mark that files saved by spreadsheet tools start with. */
    private static Reader skipByteOrderMark(Reader source) throws IOException {
        PushbackReader reader = new PushbackReader(source instanceof BufferedReader || source instanceof StringReader
                ? source : new BufferedReader(source, 64 * 1024));
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') reader.unread(first);
        return reader;
    }

    // ---- formats ------------------------------------------------------------------------------------------

    private String readJson(Reader text, LabelingConfig config, Records records) {
        try (JsonParser parser = json.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode record = parser.readValueAsTree();
                    records.add(() -> task(record, config), null);
                }
            } else if (first == JsonToken.START_OBJECT) {
                JsonNode record = parser.readValueAsTree();
                records.add(() -> task(record, config), null);
            } else {
                return "Expected a list of tasks or one task object";
            }
            if (parser.nextToken() != null) {
                return "Unexpected content after the tasks at line " + parser.currentLocation().getLineNr();
            }
            return null;
        } catch (JacksonException e) {
            return "Not valid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
    }

    private String readNdjson(Reader text, LabelingConfig config, Records records) {
        forEachLine(text, (line, number) -> records.add(() -> {
            JsonNode record;
            try {
                record = json.readTree(line);
            } catch (JacksonException e) {
                throw new BadRecord("Not valid JSON at column " + e.getLocation().getColumnNr());
            }
            return task(record, config);
        }, number));
        return null;
    }

    private String readTable(Lines lines, char delimiter, LabelingConfig config, Records records) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setAllowMissingColumnNames(false).get();
        String kind = delimiter == ',' ? "CSV" : "TSV";
        try (CSVParser parser = CSVParser.builder().setReader(lines).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) return "The " + kind + " has no header row";
            for (String name : header) {
                if (name.isBlank()) return "The " + kind + " header has a column without a name";
            }
            Iterator<CSVRecord> rows = parser.iterator();
            while (true) {
                CSVRecord row;
                try {
                    if (!rows.hasNext()) break;
                    row = rows.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    return "Malformed " + kind + " after line " + parser.getCurrentLineNumber() + " (check the quotes)";
                }
                int line = lines.lineAt(row.getCharacterPosition());
                records.add(() -> {
                    if (row.size() != header.size()) {
                        throw new BadRecord("The row has " + row.size() + " values; the header has " + header.size() + " columns");
                    }
                    ObjectNode data = json.createObjectNode();
                    for (int c = 0; c < header.size(); c++) data.put(header.get(c), row.get(c));
                    return task(data, config);
                }, line);
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "The " + kind + " header is not valid: " + e.getMessage();
        } catch (UncheckedIOException | IOException e) {
            return "Malformed " + kind + " (check the quotes)";
        }
    }

    private String readLines(Reader text, LabelingConfig config, Records records, boolean urls) {
        String field = urls ? mediaField(config) : textField(config);
        if (field == null) {
            return urls
                    ? "A list of URLs needs a labeling config with one Image, Audio or Video object and no other data field"
                    : "The labeling config reads several data fields " + config.dataFields() + "; plain text fills one, use JSON, NDJSON, CSV or TSV";
        }
        forEachLine(text, (line, number) -> records.add(() -> {
            String value = urls ? line.strip() : line;
            if (urls) checkUrl(value);
            ObjectNode data = json.createObjectNode();
            data.put(field, value);
            return task(data, config);
        }, number));
        return null;
    }

    /** The field plain text goes into: the config's only data field, else "text" for a config reading none. */
    static String textField(LabelingConfig config) {
        Set<String> fields = config.dataFields();
        if (fields.isEmpty()) return "text";
        if (fields.size() > 1) return null;
        return fields.iterator().next();
    }

    /** The field URLs go into: the only data field, read by an Image, Audio or Video object. */
    static String mediaField(LabelingConfig config) {
        Set<String> fields = config.dataFields();
        if (fields.size() != 1) return null;
        String field = fields.iterator().next();
        for (ObjectTag o : config.objects()) {
            if (field.equals(o.valueField()) && MEDIA_OBJECTS.contains(o.type())) return field;
        }
        return null;
    }

    private static void checkUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!URL_SCHEMES.contains(scheme) || uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new BadRecord("Not a URL with a host and one of the schemes " + URL_SCHEMES);
            }
        } catch (URISyntaxException e) {
            throw new BadRecord("Not a valid URL");
        }
    }

    @FunctionalInterface
    private interface LineHandler {
        void line(String line, int number);
    }

    /** Calls back for every non-blank line with its 1-based number. */
    private static void forEachLine(Reader text, LineHandler handler) {
        try {
            BufferedReader reader = new BufferedReader(text);
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) handler.line(line, number);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- one record -----------------------------------------------------------------------------------------

    private NewTask task(JsonNode record, LabelingConfig config) {
        if (!record.isObject()) throw new BadRecord("A task must be a JSON object");
        JsonNode data = record.has("data") ? record.get("data") : record;
        if (!data.isObject()) throw new BadRecord("\"data\" must be a JSON object");
        if (data == record) data = stripTaskKeys((ObjectNode) record.deepCopy());
        for (String field : config.dataFields()) {
            if (!data.has(field)) throw new BadRecord("The data has no field \"" + field + "\" that the labeling config reads");
        }
        List<Prediction> predictions = new ArrayList<>();
        JsonNode ps = record.get("predictions");
        if (ps != null && !ps.isNull() && record.has("data")) {
            if (!ps.isArray()) throw new BadRecord("\"predictions\" must be a list");
            for (int p = 0; p < ps.size(); p++) {
                JsonNode pred = ps.get(p);
                JsonNode result = pred.isArray() ? pred : pred.get("result");
                try {
                    ResultValidator.validate(config, result, "predictions[" + p + "].result", data);
                } catch (InvalidResult e) {
                    throw new BadRecord(e.getMessage());
                }
                String model = pred.isObject() && pred.hasNonNull("model_version") ? pred.get("model_version").asString() : null;
                Double score = pred.isObject() && pred.hasNonNull("score") && pred.get("score").isNumber() ? pred.get("score").asDouble() : null;
                predictions.add(new Prediction(model, score, result));
            }
        }
        List<ImportedAnnotation> annotations = new ArrayList<>();
        JsonNode as = record.get("annotations");
        if (as != null && !as.isNull() && record.has("data")) {
            if (!as.isArray()) throw new BadRecord("\"annotations\" must be a list");
            for (int a = 0; a < as.size(); a++) {
                JsonNode annotation = as.get(a);
                if (!annotation.isObject()) throw new BadRecord("annotations[" + a + "] must be an object");
                // a cancelled (skipped) annotation of Label Studio holds no labels: it is not imported
                if (annotation.path("was_cancelled").asBoolean(false)) continue;
                JsonNode result = annotation.get("result");
                try {
                    ResultValidator.validate(config, result, "annotations[" + a + "].result", data);
                } catch (InvalidResult e) {
                    throw new BadRecord(e.getMessage());
                }
                JsonNode lead = annotation.get("lead_time");
                Double leadTime = lead != null && lead.isNumber() && lead.asDouble() >= 0 ? lead.asDouble() : null;
                // Label Studio's ground-truth mark: only a JSON true counts (ADR 0022)
                boolean groundTruth = annotation.path("ground_truth").isBoolean() && annotation.get("ground_truth").asBoolean();
                // Label Studio's author, as given: the import maps it to a member by email or keeps it as it was (ADR 0030)
                annotations.add(new ImportedAnnotation(new AnnotationId(ids.get().toString()), result, leadTime, groundTruth,
                        annotation.get("completed_by")));
            }
        }
        return new NewTask(new TaskId(ids.get().toString()), data, predictions, annotations);
    }

    private static JsonNode stripTaskKeys(ObjectNode node) {
        node.remove("id");
        return node;
    }

    /** Numbers the records and hands each, accepted or rejected, to the sink in record order. */
    private static final class Records {
        final RecordSink sink;
        final long max;
        int count;

        Records(RecordSink sink, long max) {
            this.sink = sink;
            this.max = max;
        }

        void add(Supplier<NewTask> record, Integer line) {
            if (count == max) throw new TooMany();
            int index = count++;
            NewTask task;
            try {
                task = record.get();
            } catch (BadRecord e) {
                sink.rejected(new Rejection(index, line, e.getMessage()));
                return;
            }
            sink.accepted(index, line, task);
        }
    }

    /**
     * A reader that maps character offsets to 1-based line numbers, for offsets that only grow. It remembers only
     * the line breaks read ahead of the last offset asked about, so memory stays bounded by the reader's look-ahead.
     */
    private static final class Lines extends Reader {
        private final Reader in;
        private final ArrayDeque<Long> breaks = new ArrayDeque<>();
        private long position;
        private int line = 1;

        Lines(Reader in) { this.in = in; }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                if (buffer[offset + i] == '\n') breaks.addLast(position + i);
            }
            if (n > 0) position += n;
            return n;
        }

        @Override
        public void close() throws IOException { in.close(); }

        int lineAt(long offset) {
            while (!breaks.isEmpty() && breaks.peekFirst() < offset) {
                breaks.removeFirst();
                line++;
            }
            return line;
        }
    }

    private static final class TooMany extends RuntimeException {
        TooMany() { super(null, null, false, false); }
    }

    private static final class BadRecord extends RuntimeException {
        BadRecord(String message) {
            super(message, null, false, false);
        }
    }
}
