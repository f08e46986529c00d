package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class AnchorsTest {

  /** Every position {@code next} visits in {@code text}, from 0 on. */
  private static List<Integer> visited(String text, IntUnaryOperator next) {
    List<Integer> positions = new ArrayList<>();
    for (int i = next.applyAsInt(0); i < text.length(); i = next.applyAsInt(i + 1)) {
      positions.add(i);
    }
    return positions;
  }

  @Test
  void digitRunsAreFoundWhereTheyStart() {
    String text = "a 12 x34 5-6";
    Anchors anchors = Anchors.of(text);
    assertThat(visited(text, anchors::nextDigitRun)).containsExactly(2, 6, 9, 11);
    assertThat(anchors.nextDigitRun(3)).isEqualTo(6);
  }

  @Test
  void numbersAreDigitRunsNotGluedToALetter() {
    String text = "a 12 x34 5-6 é7 _8";
    Anchors anchors = Anchors.of(text);
    assertThat(visited(text, anchors::nextNumber)).containsExactly(2, 9, 11, 14, 17);
    assertThat(visited(text, anchors::nextDigitRunAfterLetter)).containsExactly(6);
  }

  @Test
  void runsAcrossWordBoundariesStartOnce() {
    String text = " ".repeat(62) + "1234" + " ".repeat(60) + "5" + "x".repeat(63) + "6";
    Anchors anchors = Anchors.of(text);
    assertThat(visited(text, anchors::nextDigitRun)).containsExactly(62, 126, 190);
    assertThat(visited(text, anchors::nextNumber)).containsExactly(62, 126);
    assertThat(visited(text, anchors::nextDigitRunAfterLetter)).containsExactly(190);
    assertThat(anchors.nextDigitRun(500)).isEqualTo(text.length());
  }

  @Test
  void onlyAsciiDigitsAreDigits() {
    String text = "٣５ x 1";
    assertThat(Anchors.of(text).nextDigitRun(0)).isEqualTo(5);
  }

  @Test
  void digitRunsOrSignsAddPlusAndParenthesis() {
    String text = "call +1 (415) 555-0132";
    Anchors anchors = Anchors.of(text);
    assertThat(visited(text, anchors::nextDigitRunOrSign)).containsExactly(5, 6, 8, 9, 14, 18);
  }

  @Test
  void marksAreTheSeparatorsAndTheTwoCapitals() {
    String text = "ab-_.:=ABC,;/@+(";
    Anchors anchors = Anchors.of(text);
    StringBuilder marks = new StringBuilder();
    for (int i : visited(text, anchors::nextMark)) {
      marks.append(text.charAt(i));
    }
    assertThat(marks).hasToString("-_.:=AB");
  }

  @Test
  void emptyAndAnchorFreeTextsHaveNone() {
    assertThat(Anchors.of("").nextDigitRun(0)).isZero();
    assertThat(Anchors.of("").nextMark(0)).isZero();
    String text = "no anchors in here, none at all; 😀 ümlaut";
    Anchors prose = Anchors.of(text);
    assertThat(prose.nextDigitRun(0)).isEqualTo(text.length());
    assertThat(prose.nextNumber(0)).isEqualTo(text.length());
    assertThat(prose.nextDigitRunOrSign(0)).isEqualTo(text.length());
    assertThat(prose.nextMark(0)).isEqualTo(text.length());
  }

  @Test
  void findingsAcrossEveryWordBoundaryAreFound() {
    List<String> values = List.of("4111 1111 1111 1111", "078-05-1123", "+44 20 7946 0958", "192.168.1.10",
        "00:1A:2B:3C:4D:5E", "DE89 3704 0044 0532 0130 00", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "born 12.03.1985", "password=\"Tr0ub4dor&3x\"", SecretRecognizerTest.GITHUB);
    PiiScanner scanner = new PiiScanner(BuiltInRecognizers.all(), List.of());
    for (String value : values) {
      List<Span> alone = scanner.scan(value);
      assertThat(alone).as(value).hasSize(1);
      Span expected = alone.get(0);
      for (int pad = 40; pad <= 140; pad++) {
        String text = "x".repeat(pad - 1) + " " + value + " and more words after it.";
        assertThat(scanner.scan(text)).as(value + " at " + pad)
            .containsExactly(new Span(expected.type(), expected.start() + pad, expected.end() + pad));
      }
    }
  }
}
