package io.labelledger.task.importing;

import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.LabelingConfigParser;
import io.labelledger.task.api.NewTask;
import io.labelledger.testing.Configs;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import static io.labelledger.testing.Json.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

/** The streaming read of an import: records reach the sink one by one, from a reader never held as a whole. */
class StreamingImportTest {
    static final LabelingConfig SENTIMENT = new LabelingConfigParser().parse(Configs.SENTIMENT);

    final LabelStudioTaskParser parser = new LabelStudioTaskParser(MAPPER, UUID::randomUUID);

    /** Counts what the sink receives and keeps only the rejections. */
    static final class Counting implements LabelStudioTaskParser.RecordSink {
        final AtomicLong accepted = new AtomicLong();
        final List<LabelStudioTaskParser.Rejection> rejected = new ArrayList<>();

        @Override public void accepted(int index, Integer line, NewTask task) { accepted.incrementAndGet(); }

        @Override public void rejected(LabelStudioTaskParser.Rejection rejection) { rejected.add(rejection); }
    }

    /** A reader producing {@code prefix, record(0), sep, record(1), ..., suffix} on demand: no whole text exists. */
    static Reader generated(String prefix, int records, String separator, String suffix, IntFunction<String> record) {
        return new Reader() {
            int next;
            StringReader current = new StringReader(prefix);
            boolean done;

            @Override
            public int read(char[] buffer, int offset, int length) throws java.io.IOException {
                while (true) {
                    int n = current.read(buffer, offset, length);
                    if (n > 0) return n;
                    if (done) return -1;
                    if (next < records) {
                        current = new StringReader((next > 0 ? separator : "") + record.apply(next));
                        next++;
                    } else {
                        current = new StringReader(suffix);
                        done = true;
                    }
                }
            }

            @Override public void close() {}
        };
    }

    @Test
    void aJsonArrayOfTwoHundredThousandTasksStreamsPastTheRequestCapAndNamesTheBadOne() {
        // given more records than one GraphQL request may hold, one of them without the "text" field
        int n = LabelStudioTaskParser.MAX_TASKS_PER_REQUEST + 5;
        Reader file = generated("[", n, ",\n", "]", i -> i == 150_001 ? "{\"other\":1}" : "{\"data\":{\"text\":\"t" + i + "\"}}");
        Counting sink = new Counting();

        // when it is read as a stream without a cap
        var outcome = parser.read(ImportFormat.JSON, file, SENTIMENT, Long.MAX_VALUE, sink);

        // then every record went through the sink and the bad one is named by its index
        assertThat(outcome.error()).isNull();
        assertThat(outcome.records()).isEqualTo(n);
        assertThat(sink.accepted.get()).isEqualTo(n - 1);
        assertThat(sink.rejected).singleElement().satisfies(r -> assertThat(r.index()).isEqualTo(150_001));
    }

    @Test
    void csvLineNumbersStayRightAcrossTheReadersBuffersAndMultiLineValues() {
        // given 20,000 rows, every 1,000th a quoted value spanning two lines, and a bad row (extra column) at the end
        Reader file = generated("text\n", 20_001, "\n", "\n", i -> i == 20_000 ? "a,b" : i % 1000 == 0 ? "\"two\nlines\"" : "row " + i);
        Counting sink = new Counting();

        var outcome = parser.read(ImportFormat.CSV, file, SENTIMENT, Long.MAX_VALUE, sink);

        // header on line 1, 20,000 rows of which 20 take two lines: the last row starts on line 2 + 20,000 + 20
        assertThat(outcome.error()).isNull();
        assertThat(sink.accepted.get()).isEqualTo(20_000);
        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(20_000);
            assertThat(r.line()).isEqualTo(2 + 20_000 + 20);
        });
    }

    @Test
    void aCapStopsTheReadAsAWholeAndAByteOrderMarkIsSkipped() {
        Counting sink = new Counting();
        var capped = parser.read(ImportFormat.NDJSON, new StringReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n"), SENTIMENT, 2, sink);
        assertThat(capped.error()).isNotNull();

        Counting bom = new Counting();
        var read = parser.read(ImportFormat.TEXT, new StringReader("\uFEFFfirst\nsecond\n"), SENTIMENT, 10, bom);
        assertThat(read.error()).isNull();
        assertThat(bom.accepted.get()).isEqualTo(2);
    }
}
