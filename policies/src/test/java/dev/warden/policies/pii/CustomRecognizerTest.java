package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomRecognizerTest {

  private static List<String> found(Recognizer recognizer, String text) {
    return Found.texts(recognizer, text);
  }

  @Test
  void patternMatchesAreReportedWithTheEntityName() {
    CustomRecognizer employee = CustomRecognizer.compile("EMPLOYEE_ID", "E-\\d{6}", null, null);
    String text = "Ask E-123456 or E-654321.";
    assertThat(employee.type()).isEqualTo("EMPLOYEE_ID");
    assertThat(Found.spans(employee, text)).containsExactly(
        new Span("EMPLOYEE_ID", 4, 12), new Span("EMPLOYEE_ID", 16, 24));
  }

  @Test
  void matchesGluedToWordCharsAreDropped() {
    CustomRecognizer employee = CustomRecognizer.compile("EMPLOYEE_ID", "E-\\d{6}", List.of(), null);
    assertThat(found(employee, "XE-123456")).isEmpty();
    assertThat(found(employee, "E-1234567")).isEmpty();
    assertThat(found(employee, "(E-123456)")).containsExactly("E-123456");
    assertThat(found(employee, "社員番号E-123456です")).containsExactly("E-123456");
    CustomRecognizer hash = CustomRecognizer.compile("TAG", "#\\w+", null, null);
    assertThat(found(hash, "x#tag")).containsExactly("#tag");
  }

  @Test
  void contextWordsMustBeNear() {
    CustomRecognizer employee = CustomRecognizer.compile("EMPLOYEE_ID", "E-\\d{6}", List.of("employee", "Staff ID"), null);
    assertThat(found(employee, "E-123456")).isEmpty();
    assertThat(found(employee, "Employee E-123456")).containsExactly("E-123456");
    assertThat(found(employee, "E-123456 is our new staff id")).containsExactly("E-123456");
    assertThat(found(employee, "employees E-123456")).isEmpty();
    assertThat(found(employee, "employee" + " ".repeat(60) + "E-123456")).containsExactly("E-123456");
    assertThat(found(employee, "employee" + " ".repeat(70) + "E-123456")).isEmpty();
    assertThat(found(employee, "E-123456" + " ".repeat(70) + "employee")).isEmpty();
  }

  @Test
  void validators() {
    CustomRecognizer card = CustomRecognizer.compile("CARD", "\\d{4}( ?\\d{4}){3}", null, "luhn");
    assertThat(found(card, "4111 1111 1111 1111 and 4111 1111 1111 1112")).containsExactly("4111 1111 1111 1111");
    CustomRecognizer account = CustomRecognizer.compile("ACCOUNT", "[A-Z]{2}\\d{2}[A-Z0-9 ]{11,30}[A-Z0-9]", null, "mod97");
    assertThat(found(account, "DE89 3704 0044 0532 0130 00 vs DE88 3704 0044 0532 0130 00"))
        .containsExactly("DE89 3704 0044 0532 0130 00");
  }

  @Test
  void invalidDefinitionsAreRejectedWithShortMessages() {
    assertThatThrownBy(() -> CustomRecognizer.compile("X", "(unclosed", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid pattern: missing closing )")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("Exception");
    assertThatThrownBy(() -> CustomRecognizer.compile("X", "a**", null, null))
        .hasMessageStartingWith("invalid pattern: invalid nested repetition operator");
    assertThatThrownBy(() -> CustomRecognizer.compile("X", "(?<=x)y", null, null))
        .hasMessageStartingWith("invalid pattern: ");
    assertThatThrownBy(() -> CustomRecognizer.compile("X", "a".repeat(1001), null, null))
        .hasMessage("pattern is 1001 chars long; at most 1000 are allowed");
    assertThatThrownBy(() -> CustomRecognizer.compile("X", "a*", null, null))
        .hasMessage("pattern matches the empty text; it must match at least one char");
    assertThatThrownBy(() -> CustomRecognizer.compile("X", "", null, null))
        .hasMessage("a custom entity needs a non-empty pattern");
    assertThatThrownBy(() -> CustomRecognizer.compile(" ", "a", null, null))
        .hasMessage("a custom entity needs a name");
    assertThatThrownBy(() -> CustomRecognizer.compile("X", "a", null, "crc32"))
        .hasMessage("unknown validator 'crc32'; use one of: luhn, mod97");
    assertThatThrownBy(() -> CustomRecognizer.compile("X", "a", List.of(" "), null))
        .hasMessage("context words must not be empty");
    assertThat(CustomRecognizer.compile("X", "a".repeat(1000), null, null)).isNotNull();
  }

  @Test
  void zeroWidthMatchesAreSkipped() {
    CustomRecognizer optional = CustomRecognizer.compile("X", "\\bb?", null, null);
    assertThat(found(optional, "a b c")).containsExactly("b");
  }

  @Test
  void hostilePatternsStayLinear() {
    CustomRecognizer evil = CustomRecognizer.compile("EVIL", "(a+)+b", null, null);
    assertThat(found(evil, "a".repeat(200_000))).isEmpty();
    CustomRecognizer glued = CustomRecognizer.compile("DIGITS", "\\d+", null, null);
    assertThat(found(glued, "x" + "1".repeat(200_000))).isEmpty();
  }

  @Test
  void unicodeOffsetsAreUtf16() {
    CustomRecognizer ticket = CustomRecognizer.compile("TICKET", "TK-[0-9]+", List.of("ticket"), null);
    String text = "😀 ticket TK-42 😀";
    assertThat(Found.spans(ticket, text)).containsExactly(new Span("TICKET", 10, 15));
    assertThat(found(ticket, "Ticket：TK-7")).containsExactly("TK-7");
  }
}
