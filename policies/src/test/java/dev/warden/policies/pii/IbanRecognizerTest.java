package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanRecognizerTest {

  private final IbanRecognizer recognizer = new IbanRecognizer();

  private List<String> found(String text) {
    return Found.texts(recognizer, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300",
      "BE68539007547034", "CH9300762011623852957", "AT611904300234573201", "ES9121000418450200051332",
      "IT60X0542811101000000123456", "NO9386011117947", "MT84MALT011000012345MTLCAST001S", "SA0380000000608010167519",
      "PL61109010140000071219812874", "SE4550000000058398257466", "gb82west12345698765432",
      "DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "FR14 2004 1010 0505 0001 3M02 606", "NO93 8601 1117 947"})
  void validIbansAreFound(String iban) {
    assertThat(found(iban)).containsExactly(iban);
    assertThat(found("IBAN: " + iban + ", thanks")).containsExactly(iban);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DE88370400440532013000", "DE8937040044053201300", "DE893704004405320130001", "XX89370400440532013000",
      "US12345678901234567890", "DE00370400440532013000", "De89370400440532013000", "DE89 3704 0044 0532 0130 0",
      "DE89 37040044 0532 0130 00", "DE8937040044 0532013000", "GB82 WEST 12345698 7654 32",
      "DE89-3704-0044-0532-0130-00"})
  void invalidIbansAreNotFound(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void offsetsAreExact() {
    String text = "Überweisung an DE89 3704 0044 0532 0130 00 oder GB82WEST12345698765432.";
    assertThat(Found.spans(recognizer, text)).containsExactly(
        new Span("IBAN", 15, 42), new Span("IBAN", 48, 70));
  }

  @Test
  void gluedIbansAreNotFound() {
    assertThat(found("XDE89370400440532013000")).isEmpty();
    assertThat(found("DE89370400440532013000X")).isEmpty();
    assertThat(found("DE893704004405320130009")).isEmpty();
    assertThat(found("_DE89370400440532013000")).containsExactly("DE89370400440532013000");
  }

  @Test
  void aNumberAfterThePrintedFormIsNotPartOfIt() {
    assertThat(found("DE89 3704 0044 0532 0130 00 1234")).containsExactly("DE89 3704 0044 0532 0130 00");
  }

  @Test
  void unicodeTextAround() {
    String japanese = "口座DE89370400440532013000へ";
    assertThat(Found.spans(recognizer, japanese)).containsExactly(new Span("IBAN", 2, 24));
    assertThat(found("Mon IBAN est FR14 2004 1010 0505 0001 3M02 606 — merci 🙏"))
        .containsExactly("FR14 2004 1010 0505 0001 3M02 606");
    assertThat(found("éDE89370400440532013000")).isEmpty();
  }

  @Test
  void countryLengths() {
    assertThat(IbanRecognizer.lengthOf('D', 'E')).isEqualTo(22);
    assertThat(IbanRecognizer.lengthOf('N', 'O')).isEqualTo(15);
    assertThat(IbanRecognizer.lengthOf('R', 'U')).isEqualTo(33);
    assertThat(IbanRecognizer.lengthOf('U', 'S')).isZero();
  }
}
