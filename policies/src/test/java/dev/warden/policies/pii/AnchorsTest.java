package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorsTest {

  @Test
  void digitsAreFoundInOrderAcrossWords() {
    String text = " ".repeat(63) + "7" + "8" + " ".repeat(62) + "9";
    Anchors anchors = Anchors.of(text);
    assertThat(anchors.nextDigit(0)).isEqualTo(63);
    assertThat(anchors.nextDigit(63)).isEqualTo(63);
    assertThat(anchors.nextDigit(64)).isEqualTo(64);
    assertThat(anchors.nextDigit(65)).isEqualTo(127);
    assertThat(anchors.nextDigit(128)).isEqualTo(128);
    assertThat(anchors.nextDigit(500)).isEqualTo(128);
  }

  @Test
  void onlyAsciiDigitsAreDigits() {
    Anchors anchors = Anchors.of("٣５ x1");
    assertThat(anchors.nextDigit(0)).isEqualTo(4);
  }

  @Test
  void numberStartsAreDigitsPlusAndParenthesis() {
    String text = "call +1 (415) now";
    Anchors anchors = Anchors.of(text);
    assertThat(anchors.nextNumberStart(0)).isEqualTo(5);
    assertThat(anchors.nextNumberStart(6)).isEqualTo(6);
    assertThat(anchors.nextNumberStart(7)).isEqualTo(8);
    assertThat(anchors.nextNumberStart(12)).isEqualTo(text.length());
    assertThat(anchors.nextDigit(0)).isEqualTo(6);
  }

  @Test
  void marksAreTheSeparatorsAndTheTwoCapitals() {
    String text = "ab-_.:=ABC,;/@";
    Anchors anchors = Anchors.of(text);
    int i = anchors.nextMark(0);
    StringBuilder marks = new StringBuilder();
    while (i < text.length()) {
      marks.append(text.charAt(i));
      i = anchors.nextMark(i + 1);
    }
    assertThat(marks).hasToString("-_.:=AB");
  }

  @Test
  void emptyAndAnchorFreeTextsHaveNone() {
    assertThat(Anchors.of("").nextDigit(0)).isZero();
    assertThat(Anchors.of("").nextMark(0)).isZero();
    String text = "no anchors in here, none at all; 😀 ümlaut";
    Anchors prose = Anchors.of(text);
    assertThat(prose.nextDigit(0)).isEqualTo(text.length());
    assertThat(prose.nextNumberStart(0)).isEqualTo(text.length());
    assertThat(prose.nextMark(0)).isEqualTo(text.length());
  }

  @Test
  void findingsAcrossEveryWordBoundaryAreFound() {
    List<String> values = List.of("4111 1111 1111 1111", "078-05-1123", "+44 20 7946 0958", "192.168.1.10",
        "00:1A:2B:3C:4D:5E", "DE89 3704 0044 0532 0130 00", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "born 12.03.1985", "password=\"Tr0ub4dor&3x\"", SecretRecognizerTest.GITHUB);
    PiiScanner scanner = new PiiScanner(BuiltInRecognizers.all(), List.of());
    for (String value : values) {
      for (int pad = 40; pad <= 140; pad++) {
        String text = "x".repeat(pad - 1) + " " + value + " and more words after it.";
        List<Span> alone = scanner.scan(value);
        assertThat(alone).as(value).hasSize(1);
        Span expected = alone.get(0);
        assertThat(scanner.scan(text)).as(value + " at " + pad)
            .containsExactly(new Span(expected.type(), expected.start() + pad, expected.end() + pad));
      }
    }
  }
}
