package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsSsnRecognizerTest {

  private final UsSsnRecognizer recognizer = new UsSsnRecognizer();

  private List<String> found(String text) {
    return Found.texts(recognizer, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"078-05-1123", "078 05 1123", "078.05.1123", "308-63-0237", "899-99-9999", "001-01-0001"})
  void separatedNumbersAreFound(String ssn) {
    assertThat(found(ssn)).containsExactly(ssn);
    assertThat(found("His number is " + ssn + ".")).containsExactly(ssn);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "123-45-0000", "078-05-1120",
      "219-09-9999", "457-55-5462", "123-45-6789", "111-11-1111", "078-05.1123", "078-051123", "07805-1123",
      "078-05-11234", "1078-05-1123", "078-05-112"})
  void invalidOrPublicNumbersAreNotFound(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void bareDigitsNeedAContextWordBefore() {
    assertThat(found("078051123")).isEmpty();
    assertThat(found("order 078051123")).isEmpty();
    assertThat(found("SSN: 078051123")).containsExactly("078051123");
    assertThat(found("my social security number is 078051123")).containsExactly("078051123");
    assertThat(found("ssn#078051123")).containsExactly("078051123");
    assertThat(found("SSN 666051123")).isEmpty();
    assertThat(found("ssn" + " ".repeat(41) + "078051123")).isEmpty();
    assertThat(found("ssn" + " ".repeat(40) + "078051123")).containsExactly("078051123");
    assertThat(found("assn: 078051123")).isEmpty();
    assertThat(found("SSN: 0780511234")).isEmpty();
  }

  @Test
  void publicNumbersCountAfterAContextWord() {
    assertThat(found("Social Security Number (SSN): 123-45-6789.")).containsExactly("123-45-6789");
    assertThat(found("SSN 078-05-1120")).containsExactly("078-05-1120");
    assertThat(found("ssn: 123456789")).containsExactly("123456789");
    assertThat(found("for example 123-45-6789")).isEmpty();
    assertThat(found("SSN: 123-00-6789")).isEmpty();
  }

  @Test
  void offsetsAreExact() {
    String text = "SSN 078-05-1123 and 308 63 0237; ssn: 455996622";
    assertThat(Found.spans(recognizer, text)).containsExactly(
        new Span("US_SSN", 4, 15), new Span("US_SSN", 20, 31), new Span("US_SSN", 38, 47));
  }

  @Test
  void gluedOrContinuedNumbersAreNotFound() {
    assertThat(found("a078-05-1123")).isEmpty();
    assertThat(found("078-05-1123b")).isEmpty();
    assertThat(found("1-078-05-1123")).isEmpty();
    assertThat(found("078-05-1123-4")).isEmpty();
    assertThat(found("(078-05-1123)")).containsExactly("078-05-1123");
  }

  @Test
  void anAddressUnitIsNotAnSsn() {
    assertThat(found("Suite 680 36 4022 Oakridge")).isEmpty();
    assertThat(found("Suite 680-36-4022")).containsExactly("680-36-4022");
  }

  @Test
  void unicodeTextAround() {
    String japanese = "社会保障番号078-05-1123です";
    assertThat(Found.spans(recognizer, japanese)).containsExactly(new Span("US_SSN", 6, 17));
    assertThat(found("Sozialversicherungsnummer (US): 078-05-1123, danke")).containsExactly("078-05-1123");
    assertThat(found("😀078-05-1123😀")).containsExactly("078-05-1123");
    assertThat(found("ü078-05-1123")).isEmpty();
  }
}
