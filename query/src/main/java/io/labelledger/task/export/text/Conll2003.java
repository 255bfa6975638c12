package io.labelledger.task.export.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CoNLL 2003 lines of one text (pure): tokenization and BIO tagging from labeled character spans (ADR 0011).
 * <ul>
 * <li>Offsets are UTF-16 code unit indexes, as Label Studio's {@code start}/{@code end} (JavaScript string indexes),
 * so they index a Java {@code String} directly.</li>
 * <li>Tokens: runs of non-whitespace ({@link Character#isWhitespace} or a Unicode space separator such as NBSP);
 * then the simple punctuation {@value #PUNCTUATION} at the start or end of a run is split off, one token per
 * character ({@code "(Paris)."} → {@code ( Paris ) .}); punctuation inside a run stays ({@code 3,000}, {@code U.S}
 * {@code .}).</li>
 * <li>Tags: a token is inside a span when their character ranges overlap. When several spans overlap a token, the
 * one starting first wins (then the longer, then the first given). The first token of a span is {@code B-}, the next
 * tokens of the same span {@code I-}, so two adjacent spans with the same label stay two entities. Tokens outside
 * every span are {@code O}. Whitespace in a label becomes {@code _} so the columns stay intact.</li>
 * </ul>
 */
public final class Conll2003 {
    public static final String HEADER = "-DOCSTART- -X- O O\n\n";
    static final String PUNCTUATION = ".,;:!?()[]{}\"";

    private Conll2003() {}

    /** A token and its range [start, end) in the text. */
    public record Token(String text, int start, int end) {}

    /** A labeled range [start, end) of the text. */
    public record Span(int start, int end, String label) {}

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) return tokens;
        int i = 0, n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (space(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && !space(text.codePointAt(i))) i += Character.charCount(text.codePointAt(i));
            split(text, start, i, tokens);
        }
        return tokens;
    }

    private static void split(String text, int start, int end, List<Token> tokens) {
        List<Token> tail = new ArrayList<>();
        while (start < end && PUNCTUATION.indexOf(text.charAt(start)) >= 0) {
            tokens.add(new Token(text.substring(start, start + 1), start, start + 1));
            start++;
        }
        while (end > start && PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
            tail.addFirst(new Token(text.substring(end - 1, end), end - 1, end));
            end--;
        }
        if (start < end) tokens.add(new Token(text.substring(start, end), start, end));
        tokens.addAll(tail);
    }

    private static boolean space(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** The BIO tag of every token. */
    public static List<String> tags(List<Token> tokens, List<Span> spans) {
        List<Span> ordered = spans.stream().filter(s -> s.end() > s.start() && s.label() != null && !s.label().isBlank())
                                  .sorted(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()))
                                  .toList();
        List<String> tags = new ArrayList<>(tokens.size());
        Span previous = null;
        for (Token t : tokens) {
            Span span = null;
            for (Span s : ordered) {
                if (s.start() >= t.end()) break;
                if (s.end() > t.start()) {
                    span = s;
                    break;
                }
            }
            if (span == null) tags.add("O");
            else tags.add((span == previous ? "I-" : "B-") + span.label().strip().replaceAll("\\s+", "_"));
            previous = span;
        }
        return tags;
    }

    /** One {@code token -X- _ TAG} line per token and a closing blank line; empty when the text has no token. */
    public static String lines(String text, List<Span> spans) {
        List<Token> tokens = tokenize(text);
        if (tokens.isEmpty()) return "";
        List<String> tags = tags(tokens, spans);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            out.append(tokens.get(i).text()).append(" -X- _ ").append(tags.get(i)).append('\n');
        }
        return out.append('\n').toString();
    }
}
