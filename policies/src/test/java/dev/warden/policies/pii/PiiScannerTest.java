package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiiScannerTest {

  /** Reports fixed spans, whatever the text. */
  private static Recognizer fixed(Span... spans) {
    return (text, out) -> out.addAll(List.of(spans));
  }

  @Test
  void resultIsSortedAndOverlapsGoToTheLongerMatch() {
    PiiScanner scanner = new PiiScanner(List.of(
        fixed(new Span("B", 6, 9), new Span("A", 0, 5)),
        fixed(new Span("C", 2, 4), new Span("D", 6, 12))), List.of());
    assertThat(scanner.scan("hello big world")).containsExactly(new Span("A", 0, 5), new Span("D", 6, 12));
  }

  @Test
  void allowedLiteralsAreNeverFindings() {
    PiiScanner scanner = new PiiScanner(List.of(new EmailRecognizer()), List.of("support@example.com"));
    String text = "write to support@example.com or jane@example.com";
    assertThat(scanner.scan(text)).containsExactly(new Span("EMAIL", 32, 48));
  }

  @Test
  void nothingFoundIsEmpty() {
    assertThat(new PiiScanner(List.of(new EmailRecognizer()), List.of()).scan("no personal data here")).isEmpty();
  }
}
