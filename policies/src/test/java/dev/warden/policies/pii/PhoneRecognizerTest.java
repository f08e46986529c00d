package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneRecognizerTest {

  private final PhoneRecognizer recognizer = new PhoneRecognizer();

  private List<String> found(String text) {
    return Found.texts(recognizer, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "(415) 555-0132", "(415)555-0132", "415-555-0132", "415.555.0132", "415 555 0132", "1-800-555-0199",
      "+1 415 555 0132", "+1-415-555-0132", "+1 (415) 555-0132", "+14155550132", "4155550132",
      "+44 20 7946 0958", "+44 (0)20 7946 0958", "020 7946 0958", "07911 123456", "+44 7911 123456",
      "+49 30 1234567", "030 1234567", "030/1234567", "089 72 63 41", "+49 (0) 30 1234567",
      "+33 1 42 68 53 00", "01 42 68 53 00", "01.42.68.53.00", "+91 98765 43210", "98765 43210", "09876543210",
      "+55 11 98456 5666", "090-1234-5678", "13812345678", "+30 21 0 1234567", "09-7625400", "555-0132",
      "0044 20 7946 0958", "001-748-088-2851", "(88) 684-334"})
  void wholeNumbersAreFound(String phone) {
    assertThat(found(phone)).containsExactly(phone);
    assertThat(found("Call " + phone + " today.")).containsExactly(phone);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "415-555-0132x123", "415-555-0132 x123", "415-555-0132 ext. 123", "415-555-0132 ext 45", "+1-743-438-6774x62406",
      "001-748-088-2851x818"})
  void extensionsBelongToTheNumber(String phone) {
    assertThat(found("tel: " + phone + ", thanks")).containsExactly(phone);
  }

  @Test
  void offsetsAreExact() {
    String text = "My US number is (415) 555-0132, and my international one is +1 415 555 0132";
    assertThat(Found.spans(recognizer, text)).containsExactly(
        new Span("PHONE", 16, 30), new Span("PHONE", 60, 75));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-01-02", "on 12.03.1985", "03/12/1985", "2024-01-02 14:56:41", "1993/01/04", "at 14:30", "12:30:45",
      "192.168.1.10", "10.0.19041.1", "version 1.2.3.4.5", "v4.15.0.112", "4111 1111 1111 1111", "4111-1111-1111-1111",
      "5210402405591275", "078-05-1120", "1 234 567", "10.000.000", "1.234.567", "1990-2000", "100-250", "1234-5678",
      "1024 2048 4096", "between 1990 and 2000 there were 1000 2000 3000", "$ 415 555 0132", "$415-555-0132",
      "€ 12 34 56 78", "415-555-0132%", "1111111111", "555-55", "12345", "123456", "61 51 81", "2023 5678",
      "1234567890123", "12345678901234567890", "ISBN 978-3-16-148410-0", "1.000.000,00", "3.14159265",
      "Apt. 722 20 40", "Suite 680 36 4022", "#4155550132x", "\"amount\":25609.64,", "1234567.89"})
  void nonPhonesAreNotFound(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void bareDigitRunsNeedAPhoneShape() {
    assertThat(found("id 4155550132")).containsExactly("4155550132");
    assertThat(found("id 1155550132")).isEmpty();
    assertThat(found("id 4151550132")).isEmpty();
    assertThat(found("mobile 9810123456")).containsExactly("9810123456");
    assertThat(found("ts 1700000000")).isEmpty();
    assertThat(found("order 12345678901")).isEmpty();
    assertThat(found("CN 13912345678, UK 07911123456")).containsExactly("13912345678", "07911123456");
  }

  @Test
  void gluedToLettersOrDigitsIsNotAPhone() {
    assertThat(found("is415-555-0132")).isEmpty();
    assertThat(found("415-555-0132abc")).isEmpty();
    assertThat(found("ID-415-555-0132")).isEmpty();
    assertThat(found("x1.415.555.0132")).isEmpty();
    assertThat(found("a+1 415 555 0132")).isEmpty();
  }

  @Test
  void punctuationAroundIsNotPartOfTheNumber() {
    assertThat(found("(call 415-555-0132)")).containsExactly("415-555-0132");
    assertThat(found("\"+44 20 7946 0958\",")).containsExactly("+44 20 7946 0958");
    assertThat(found("Tel:+49 30 1234567;")).containsExactly("+49 30 1234567");
    assertThat(found("[030/1234567]")).containsExactly("030/1234567");
  }

  @Test
  void separatorsMustAgree() {
    assertThat(found("415-555.0132")).isEmpty();
    assertThat(found("call 415-555-0132 24 hours a day")).containsExactly("415-555-0132");
    assertThat(found("call 415 555-0132")).containsExactly("415 555-0132");
    assertThat(found("call 415-555 0132")).isEmpty();
  }

  @Test
  void severalNumbersInOneRunAreFoundSeparately() {
    assertThat(found("415-555-0132 415-555-0199")).containsExactly("415-555-0132", "415-555-0199");
    assertThat(found("2024-01-02 415-555-0132")).containsExactly("415-555-0132");
  }

  @Test
  void aDateFollowedByATimeIsNotAPhone() {
    assertThat(found("created 2024-01-02 14:56:41 by 415 555 0132 14:30")).containsExactly("415 555 0132");
  }

  @Test
  void unicodeTextAround() {
    String japanese = "電話番号は090-1234-5678です";
    assertThat(Found.spans(recognizer, japanese)).containsExactly(new Span("PHONE", 5, 18));
    String chinese = "电话号码13011112222，谢谢";
    assertThat(Found.spans(recognizer, chinese)).containsExactly(new Span("PHONE", 4, 15));
    assertThat(found("Rufen Sie mich unter 030 1234567 an, bitte.")).containsExactly("030 1234567");
    assertThat(found("Appelez le 01 42 68 53 00 ou écrivez-moi")).containsExactly("01 42 68 53 00");
    assertThat(found("Llámame al +34 612 345 678 ¡gracias!")).containsExactly("+34 612 345 678");
    String emoji = "📞 +1 415 555 0132 📞";
    assertThat(Found.spans(recognizer, emoji)).containsExactly(new Span("PHONE", 3, 18));
    assertThat(found("Tél. 415-555-0132é")).isEmpty();
    assertThat(found("Nummer: ５５５-０１３２")).isEmpty();
  }

  @Test
  void noBreakSpacesSeparateGroups() {
    assertThat(found("+33\u00A01\u00A042\u00A068\u00A053\u00A000")).containsExactly("+33\u00A01\u00A042\u00A068\u00A053\u00A000");
  }

  @Test
  void worksOnAnyCharSequence() {
    assertThat(Found.spans(recognizer, new StringBuilder("ring 415-555-0132"))).containsExactly(new Span("PHONE", 5, 17));
  }

  @Test
  void sixDigitsInPairsNeedAPhoneWord() {
    assertThat(found("You can call 33 93 31 after six")).containsExactly("33 93 31");
    assertThat(found("Tel. 61-51-81")).containsExactly("61-51-81");
    assertThat(found("61 51 81 office")).containsExactly("61 51 81");
    assertThat(found("92 34 70-Office")).containsExactly("92 34 70");
    assertThat(found("scores 33 93 31")).isEmpty();
    assertThat(found("call 339 331")).isEmpty();
    assertThat(found("call 12.03.85")).isEmpty();
    assertThat(found("call 33 93-31")).isEmpty();
  }

  @Test
  void aShortFirstGroupAndFewDigitsNeedAPhoneWord() {
    assertThat(found("Cite De L'Interieur 13 70486")).isEmpty();
    assertThat(found("phone: 13 70486")).containsExactly("13 70486");
    assertThat(found("office 020 7946 0958")).containsExactly("020 7946 0958");
    assertThat(found("not answering at 96 237271")).containsExactly("96 237271");
    assertThat(found("555-0132 or 415 5550132")).containsExactly("555-0132", "415 5550132");
  }
}
