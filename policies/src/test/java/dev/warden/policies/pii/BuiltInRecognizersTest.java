package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInRecognizersTest {

  @Test
  void typesAreListedInTheirDocumentedOrder() {
    assertThat(BuiltInRecognizers.TYPES).containsExactly(
        "EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "IP_ADDRESS", "SECRET", "JWT", "URL_CREDENTIALS",
        "CRYPTO_ADDRESS", "MAC_ADDRESS", "DATE_OF_BIRTH");
  }

  @Test
  void eachTypeHasARecognizerThatReportsThatType() {
    String text = "jane@example.com +44 20 7946 0958 4111111111111111 DE89370400440532013000 078-05-1123 10.0.0.1 "
        + SecretRecognizerTest.GITHUB + " " + JwtRecognizerTest.JWT + " https://u:pw@host "
        + "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 00:1A:2B:3C:4D:5E born 12.03.1985";
    for (String type : BuiltInRecognizers.TYPES) {
      List<Span> spans = Found.spans(BuiltInRecognizers.forType(type), text);
      assertThat(spans).as(type).hasSize(1);
      assertThat(spans.get(0).type()).isEqualTo(type);
    }
    assertThat(BuiltInRecognizers.all()).hasSize(BuiltInRecognizers.TYPES.size());
  }

  @Test
  void unknownTypesAreRejected() {
    assertThatThrownBy(() -> BuiltInRecognizers.forType("SHOE_SIZE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no built-in recognizer for SHOE_SIZE");
  }

  @Test
  void allBuiltInsTogetherOnMultilingualText() {
    PiiScanner scanner = new PiiScanner(BuiltInRecognizers.all(), List.of("support@example.com"));
    String text = "Hallo! Ich bin unter +49 30 1234567 oder jane.doe@example.de erreichbar; "
        + "IBAN DE89 3704 0044 0532 0130 00. "
        + "Écrivez à support@example.com, carte 4111-1111-1111-1111 😀 "
        + "連絡先：090-1234-5678、IP 192.168.1.10です。"
        + "key=" + SecretRecognizerTest.OPENAI + " url https://admin:s3cret@db.example.com/x "
        + "geboren am 12.03.1985, wallet 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.";
    List<Span> spans = scanner.scan(text);
    assertThat(spans).containsExactly(
        Found.at("PHONE", text, "+49 30 1234567"),
        Found.at("EMAIL", text, "jane.doe@example.de"),
        Found.at("IBAN", text, "DE89 3704 0044 0532 0130 00"),
        Found.at("CREDIT_CARD", text, "4111-1111-1111-1111"),
        Found.at("PHONE", text, "090-1234-5678"),
        Found.at("IP_ADDRESS", text, "192.168.1.10"),
        Found.at("SECRET", text, SecretRecognizerTest.OPENAI),
        Found.at("URL_CREDENTIALS", text, "admin:s3cret"),
        Found.at("DATE_OF_BIRTH", text, "12.03.1985"),
        Found.at("CRYPTO_ADDRESS", text, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    assertThat(spans.get(3)).isEqualTo(new Span("CREDIT_CARD", 144, 163));
  }

  @Test
  void proseWithoutPersonalDataHasNoFindings() {
    PiiScanner scanner = new PiiScanner(BuiltInRecognizers.all(), List.of());
    String prose = "Version 1.2.3.4.5 shipped on 2024-01-02 at 14:30 to 1,024 users in 3 regions; "
        + "see section 4.2, RFC 7231, ISO 8601 and pages 100-250. The ratio was 3:2 and the std::map held "
        + "1024 2048 4096 entries. Der Preis beträgt 1.234.567 € (Stand 12.03.2024). Réunion à 10h30. "
        + "価格は1,200円です。Set password: required and token: your_api_key_here in the config.";
    assertThat(scanner.scan(prose)).isEmpty();
  }

  @Test
  void everyRecognizerStaysLinearOnHostileText() {
    String[] units = {
        "1", "1 ", "1-", "1.", "12:", "a:", "+1 ", "(1) ", "(12)", "a@", "@", "eyJ", "eyJhbGciOiJIUzI1NiJ9.", "://",
        "http://a:b@", "-----BEGIN PRIVATE KEY-----\n", "token:", "token:\"", "password=", "sk-", "ghp_", "AKIA", "bc1",
        "0x", "DE89", "00:", "ab:", "::", "1.1.", "born 12.03.", "March 1 ", "Bearer ", "x", "1a", "A1 ", "ssn 1",
        "415-555-0132 ", "4111 ", "fe80::1%", "sk-ant-", "xoxb-1", "hooks.slack.com/services/a", "-", "_", "=",
        "geboren 1. März ", "生年月日1985年", "😀1", "a b c d e f 1 2 3 4 5 6 "};
    int n = 256 * 1024;
    List<Recognizer> recognizers = new ArrayList<>(BuiltInRecognizers.all());
    recognizers.add(CustomRecognizer.compile("EMPLOYEE_ID", "E-\\d{6}", List.of("employee"), "luhn"));
    for (String unit : units) {
      CountingText text = new CountingText(unit.repeat(n / unit.length() + 1).substring(0, n));
      for (Recognizer recognizer : recognizers) {
        text.reads = 0;
        Found.spans(recognizer, text);
        assertThat(text.reads)
            .as("%s on '%s' repeated", recognizer.getClass().getSimpleName(), unit)
            .isLessThan(32L * n);
      }
    }
  }

  @Test
  void scanningAMegabyteOfProseWithAllBuiltInsCompletes() {
    String paragraph = "Dear team, please call Jane at (415) 555-0132 or mail jane.doe@example.com about invoice "
        + "4711 from 2024-01-02. Her card 4111 1111 1111 1111 was charged twice; the server at 10.0.0.7 logged it. "
        + "Nothing else to report in this paragraph, which is mostly ordinary English prose without data. ";
    StringBuilder prose = new StringBuilder();
    while (prose.length() < 1 << 20) {
      prose.append(paragraph);
    }
    CountingText text = new CountingText(prose.toString());
    PiiScanner scanner = new PiiScanner(BuiltInRecognizers.all(), List.of());
    List<Span> spans = scanner.scan(text);
    int paragraphs = (prose.length() + paragraph.length() - 1) / paragraph.length();
    assertThat(spans).hasSize(4 * paragraphs);
    assertThat(text.reads).isLessThan(40L * prose.length());
  }

  /** A text that counts how many chars recognizers read from it. */
  private static final class CountingText implements CharSequence {

    private final String text;
    long reads;

    CountingText(String text) {
      this.text = text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      reads++;
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      reads += end - start;
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
