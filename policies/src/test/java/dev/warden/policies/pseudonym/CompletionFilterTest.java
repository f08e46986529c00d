package dev.warden.policies.pseudonym;

import static dev.warden.policies.pseudonym.TestRecognizers.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.pii.CompletionRewriter;
import dev.warden.policies.pii.EmailRecognizer;
import dev.warden.policies.pii.PiiScanner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole texts; streams are in {@link CompletionFilterStreamTest}. */
class CompletionFilterTest {

  private final PseudonymVault vault = new PseudonymVault(key(1));
  private final String jane = vault.placeholderFor("EMAIL", "jane@example.com");
  private final String phone = vault.placeholderFor("PHONE", "+1 555 010 9999");

  @Test
  void nothingToDoIsNoRewriter() {
    PiiScanner scanner = TestRecognizers.scanner();
    assertThat(CompletionFilter.restoring(null, null)).isNull();
    assertThat(CompletionFilter.restoring(new PseudonymVault(key(1)), null)).isNull();
    assertThat(CompletionFilter.restoring(null, scanner)).isNotNull();
    assertThat(CompletionFilter.restoring(new PseudonymVault(key(1)), scanner)).isNotNull();
    assertThat(CompletionFilter.restoring(vault, null)).isNotNull();
  }

  @Test
  void everyPlaceholderOfTheCallIsRestored() {
    CompletionRewriter rewriter = CompletionFilter.restoring(vault, null);
    assertThat(rewriter.rewrite(jane + " can be called at " + phone + "." + jane + phone + "x" + jane))
        .isEqualTo("jane@example.com can be called at +1 555 010 9999."
            + "jane@example.com+1 555 010 9999xjane@example.com");
    assertThat(rewriter.rewrite("no placeholder here")).isEqualTo("no placeholder here");
    assertThat(rewriter.rewrite("")).isEmpty();
    assertThat(rewriter.rewrite(null)).isNull();
  }

  @Test
  void inventedCutOrAlteredPlaceholdersStayAsTheyAre() {
    CompletionRewriter rewriter = CompletionFilter.restoring(vault, null);
    String invented = jane.endsWith("0000>") ? "<EMAIL_0001>" : "<EMAIL_0000>";
    String cut = jane.substring(0, jane.length() - 1);
    String texts = String.join(" | ", invented, cut, jane.toLowerCase(), "< " + jane.substring(1),
        "<" + jane, jane.replace("EMAIL", "PHONE"), "<EMA");
    assertThat(rewriter.rewrite(texts)).isEqualTo(texts.replace("<" + jane, "<jane@example.com"));
    assertThat(rewriter.rewrite("see <EMA")).isEqualTo("see <EMA");
    assertThat(rewriter.rewrite("see " + cut)).isEqualTo("see " + cut);
  }

  @Test
  void personalDataTheModelProducedIsRedactedAndRestoredValuesAreNot() {
    CompletionRewriter rewriter = CompletionFilter.restoring(vault, TestRecognizers.scanner());
    String completion = "Dear " + jane + ", forward it to bob@evil.example.com or call +44 20 7946 0958; "
        + "your number " + phone + " is on file.";
    assertThat(rewriter.rewrite(completion)).isEqualTo("Dear jane@example.com, forward it to [EMAIL] or call [PHONE]; "
        + "your number +1 555 010 9999 is on file.");
  }

  @Test
  void theRealValueWrittenOutByTheModelIsItsOwnPersonalData() {
    CompletionRewriter rewriter = CompletionFilter.restoring(vault, TestRecognizers.scanner());
    assertThat(rewriter.rewrite(jane + " is jane@example.com")).isEqualTo("jane@example.com is [EMAIL]");
  }

  @Test
  void redactionAloneWorksWithoutAVault() {
    CompletionRewriter rewriter = CompletionFilter.restoring(null, TestRecognizers.scanner());
    assertThat(rewriter.rewrite("mail a.b@c.de now, " + jane)).isEqualTo("mail [EMAIL] now, " + jane);
    assertThat(rewriter.rewrite("nothing")).isEqualTo("nothing");
  }

  @Test
  void aFindingThatTouchesAPlaceholderIsNotRedacted() {
    PseudonymVault ids = new PseudonymVault((type, value) -> "1234" + "0".repeat(60));
    String id = ids.placeholderFor("ID", "E-778899");
    PiiScanner digits = new PiiScanner(List.of(TestRecognizers.digits()), List.of());
    CompletionRewriter rewriter = CompletionFilter.restoring(ids, digits);

    assertThat(id).isEqualTo("<ID_1234>");
    assertThat(rewriter.rewrite("badge " + id + " and 5678, also 99" + id + "9999"))
        .isEqualTo("badge E-778899 and [DIGITS], also 99E-778899[DIGITS]");
  }

  @Test
  void aFindingAroundAPlaceholderIsRedactedAroundIt() {
    CompletionRewriter rewriter = CompletionFilter.restoring(vault, TestRecognizers.scanner());
    String block = "-----BEGIN PRIVATE KEY-----\nMIIEvQ" + jane + "IBADAN\n-----END PRIVATE KEY-----";
    assertThat(rewriter.rewrite("key: " + block + " ok")).isEqualTo("key: [SECRET]jane@example.com[SECRET] ok");
  }

  @Test
  void theMarkerCanBeChosen() {
    CompletionRewriter rewriter = CompletionFilter.restoring(vault,
        new PiiScanner(List.of(new EmailRecognizer()), List.of()), type -> "<" + type + ">");
    assertThat(rewriter.rewrite("x@y.org wrote to " + jane)).isEqualTo("<EMAIL> wrote to jane@example.com");
  }

  @Test
  void toStringShowsNoValue() {
    assertThat(CompletionFilter.restoring(vault, null).toString()).doesNotContain("jane").doesNotContain(jane);
  }
}
