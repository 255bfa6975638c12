package io.labelledger.task.export.text;

import io.labelledger.task.export.text.Conll2003.Span;
import io.labelledger.task.export.text.Conll2003.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Conll2003Test {
    static List<String> tags(String text, Span... spans) {
        return Conll2003.tags(Conll2003.tokenize(text), List.of(spans));
    }

    @Test
    void splitsOnWhitespaceAndSplitsOffSimplePunctuationAtTheEnds() {
        assertThat(Conll2003.tokenize("  (Paris),\tis  nice.\n3,000 U.S."))
                .extracting(Token::text).containsExactly("(", "Paris", ")", ",", "is", "nice", ".", "3,000", "U.S", ".");
        assertThat(Conll2003.tokenize("(Paris)")).containsExactly(new Token("(", 0, 1), new Token("Paris", 1, 6), new Token(")", 6, 7));
        assertThat(Conll2003.tokenize("...")).extracting(Token::text).containsExactly(".", ".", ".");
    }

    @Test
    void anEmptyTextHasNoTokensAndNoLines() {
        assertThat(Conll2003.tokenize("")).isEmpty();
        assertThat(Conll2003.tokenize(" \n\t ")).isEmpty();
        assertThat(Conll2003.tokenize(null)).isEmpty();
        assertThat(Conll2003.lines("", List.of(new Span(0, 3, "PER")))).isEmpty();
    }

    @Test
    void tagsTokensBioFromSpans() {
        String text = "John Smith lives in New York .";
        assertThat(tags(text, new Span(0, 10, "PER"), new Span(20, 28, "LOC")))
                .containsExactly("B-PER", "I-PER", "O", "O", "B-LOC", "I-LOC", "O");
        assertThat(Conll2003.lines("John Smith went", List.of(new Span(0, 10, "PER"))))
                .isEqualTo("John -X- _ B-PER\nSmith -X- _ I-PER\nwent -X- _ O\n\n");
    }

    @Test
    void adjacentSpansWithTheSameLabelAreTwoEntities() {
        assertThat(tags("Paris London", new Span(0, 5, "LOC"), new Span(6, 12, "LOC"))).containsExactly("B-LOC", "B-LOC");
        assertThat(tags("ParisLondon x", new Span(0, 5, "LOC"), new Span(5, 11, "ORG"))).containsExactly("B-LOC", "O");
    }

    @Test
    void aSpanCoveringPartOfATokenTagsTheToken() {
        assertThat(tags("the Germany-based firm", new Span(4, 11, "LOC"))).containsExactly("O", "B-LOC", "O");
        assertThat(tags("xx Obama's yy", new Span(4, 6, "PER"))).containsExactly("O", "B-PER", "O");
        // a span ending inside a token still covers it, starting inside the next one extends it
        assertThat(tags("aa bb cc dd", new Span(1, 7, "ORG"))).containsExactly("B-ORG", "I-ORG", "I-ORG", "O");
    }

    @Test
    void overlappingSpansGoToTheOneStartingFirstThenTheLonger() {
        String text = "Bank of New York Mellon";
        assertThat(tags(text, new Span(8, 16, "LOC"), new Span(0, 23, "ORG")))
                .containsExactly("B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG");
        assertThat(tags(text, new Span(0, 4, "ORG"), new Span(0, 16, "LOC"), new Span(8, 23, "PER")))
                .containsExactly("B-LOC", "I-LOC", "I-LOC", "I-LOC", "B-PER");
    }

    @Test
    void emptyReversedAndUnlabeledSpansAreIgnoredAndLabelsKeepTheColumns() {
        assertThat(tags("a b c", new Span(2, 2, "X"), new Span(4, 2, "X"), new Span(0, 1, " "))).containsExactly("O", "O", "O");
        assertThat(tags("New York", new Span(0, 8, "big city"))).containsExactly("B-big_city", "I-big_city");
    }

    @Test
    void offsetsAreUtf16IndexesLikeLabelStudios() {
        String text = "😀 Zoë Æsir\u00a0Straße 東京 x";
        List<Token> tokens = Conll2003.tokenize(text);
        assertThat(tokens).extracting(Token::text).containsExactly("😀", "Zoë", "Æsir", "Straße", "東京", "x");
        int zoe = text.indexOf("Zoë"), tokyo = text.indexOf("東京");
        assertThat(zoe).isEqualTo(3);
        assertThat(Conll2003.tags(tokens, List.of(new Span(zoe, zoe + 3, "PER"), new Span(tokyo, tokyo + 2, "LOC"))))
                .containsExactly("O", "B-PER", "O", "O", "B-LOC", "O");
    }
}
