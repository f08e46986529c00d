package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCardRecognizerTest {

  private final CreditCardRecognizer recognizer = new CreditCardRecognizer();

  private List<String> found(String text) {
    return Found.texts(recognizer, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "4111111111111111", "4012888888881881", "4222222222222", "5555555555554444", "2221000000000009",
      "378282246310005", "371449635398431", "6011111111111117", "3530111333300000", "30569309025904",
      "6200000000000005", "6759649826438453", "5019717010103742", "122000000000003", "4000000000000000006"})
  void validNumbersOfEachIssuerAreFound(String card) {
    assertThat(found(card)).containsExactly(card);
    assertThat(found("card: " + card + ".")).containsExactly(card);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "4111 1111 1111 1111", "4111-1111-1111-1111", "3782 822463 10005", "3056 930902 5904",
      "4000-0000-0000-0000-006"})
  void groupedNumbersAreFound(String card) {
    assertThat(found("pay with " + card + " now")).containsExactly(card);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "4111111111111112", "4012-8888-8888-1882", "36168002586008", "4567-8901-2345-6789",
      "9111111111111110", "7011111111111115", "1234567812345670", "1748503543012", "5555555555554",
      "341111111111111111", "41111111111111", "4111 1111 1111 111 1", "4111-1111 1111-1111", "411 1111 1111 11111",
      "41111 11111 11111 1", "4111111111111111111111"})
  void invalidNumbersAreNotFound(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void offsetsAreExactAndSeveralAreFound() {
    String text = "4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881";
    assertThat(Found.spans(recognizer, text)).containsExactly(
        new Span("CREDIT_CARD", 0, 16), new Span("CREDIT_CARD", 17, 36), new Span("CREDIT_CARD", 37, 56));
  }

  @Test
  void gluedOrLongerNumbersAreNotCards() {
    assertThat(found("x4111111111111111")).isEmpty();
    assertThat(found("4111111111111111x")).isEmpty();
    assertThat(found("94111111111111111")).isEmpty();
    assertThat(found("1.4111111111111111")).isEmpty();
    assertThat(found("4111111111111111-2")).isEmpty();
    assertThat(found("4111-1111-1111-1111-2222")).isEmpty();
    assertThat(found("4111111111111111,5")).isEmpty();
  }

  @Test
  void numbersBeforeOrAfterDoNotHideACard() {
    assertThat(found("order 12 4111 1111 1111 1111 exp 12 27")).containsExactly("4111 1111 1111 1111");
    assertThat(found("2 cards: 4111111111111111 5555555555554444")).containsExactly("4111111111111111", "5555555555554444");
    assertThat(found("ref 0958 4111111111111111")).containsExactly("4111111111111111");
  }

  @Test
  void unicodeTextAround() {
    String japanese = "カード番号は4111111111111111です";
    assertThat(Found.spans(recognizer, japanese)).containsExactly(new Span("CREDIT_CARD", 6, 22));
    assertThat(found("Meine Kreditkarte: 4111-1111-1111-1111, gültig bis 12/27")).containsExactly("4111-1111-1111-1111");
    assertThat(found("Numéro de carte : 5555 5555 5555 4444 — merci")).containsExactly("5555 5555 5555 4444");
    String emoji = "💳4111111111111111💳";
    assertThat(Found.spans(recognizer, emoji)).containsExactly(new Span("CREDIT_CARD", 2, 18));
    assertThat(found("é4111111111111111")).isEmpty();
  }
}
