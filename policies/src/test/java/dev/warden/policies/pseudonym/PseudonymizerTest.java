package dev.warden.policies.pseudonym;

import static dev.warden.policies.pseudonym.TestRecognizers.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policies.pii.EmailRecognizer;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

  private final PiiScanner emails = new PiiScanner(List.of(new EmailRecognizer()), List.of());

  @Test
  void eachFindingBecomesItsPlaceholder() {
    PseudonymVault vault = new PseudonymVault(key(1));
    String text = "Mail jane@example.com or bob@example.org; jane@example.com again.";

    String sent = Pseudonymizer.apply(text, emails.scan(text), vault);

    String jane = vault.placeholderFor("EMAIL", "jane@example.com");
    String bob = vault.placeholderFor("EMAIL", "bob@example.org");
    assertThat(sent).isEqualTo("Mail " + jane + " or " + bob + "; " + jane + " again.")
        .doesNotContain("jane@").doesNotContain("bob@");
    assertThat(vault.size()).isEqualTo(2);
  }

  @Test
  void theCompletionGetsTheValuesBack() {
    PseudonymVault vault = new PseudonymVault(key(1));
    String text = "Write to jane@example.com and cc ops@example.net. Then jane@example.com.";

    String sent = Pseudonymizer.apply(text, emails.scan(text), vault);

    assertThat(CompletionFilter.restoring(vault, null).rewrite(sent)).isEqualTo(text);
  }

  @Test
  void withoutFindingsTheTextIsUntouched() {
    PseudonymVault vault = new PseudonymVault(key(1));
    String text = "nothing personal";
    assertThat(Pseudonymizer.apply(text, List.of(), vault)).isSameAs(text);
    assertThat(vault.isEmpty()).isTrue();
  }

  @Test
  void spansMustBeSortedDisjointAndInside() {
    PseudonymVault vault = new PseudonymVault(key(1));
    String text = "0123456789";
    assertThatThrownBy(() -> Pseudonymizer.apply(text, List.of(new Span("X", 0, 5), new Span("X", 4, 6)), vault))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pseudonymizer.apply(text, List.of(new Span("X", 5, 6), new Span("X", 0, 2)), vault))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pseudonymizer.apply(text, List.of(new Span("X", 8, 11)), vault))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Pseudonymizer.apply(text, List.of(new Span("X", 0, 2), new Span("X", 2, 4)), vault))
        .isEqualTo(vault.placeholderFor("X", "01") + vault.placeholderFor("X", "23") + "456789");
  }
}
