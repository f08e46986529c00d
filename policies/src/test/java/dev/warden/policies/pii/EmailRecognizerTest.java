package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRecognizerTest {

  private final EmailRecognizer recognizer = new EmailRecognizer();

  private List<Span> find(CharSequence text) {
    List<Span> out = new ArrayList<>();
    recognizer.find(text, out);
    return out;
  }

  private List<String> found(String text) {
    return find(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
  }

  @Test
  void wholeTextIsAnAddress() {
    assertThat(find("jane.doe@example.com")).containsExactly(new Span("EMAIL", 0, 20));
  }

  @Test
  void addressAtStartAndAtEnd() {
    String text = "a@b.io wrote to support+eu@mail.example.co.uk";
    assertThat(find(text)).containsExactly(new Span("EMAIL", 0, 6), new Span("EMAIL", 16, 45));
  }

  @Test
  void adjacentPunctuationIsNotPartOfTheAddress() {
    assertThat(found("(jane@example.com).")).containsExactly("jane@example.com");
    assertThat(found("<jane@example.com>,")).containsExactly("jane@example.com");
    assertThat(found("mail jane@example.com.")).containsExactly("jane@example.com");
    assertThat(found("\"jane@example.com\";")).containsExactly("jane@example.com");
    assertThat(found("mailto:jane@example.com?subject=x")).containsExactly("jane@example.com");
    assertThat(found("a@b.com,c@d.org;e@f.net")).containsExactly("a@b.com", "c@d.org", "e@f.net");
  }

  @Test
  void localPartCharactersAreKept() {
    assertThat(found("x first.last+tag_1%x-y@example.com y")).containsExactly("first.last+tag_1%x-y@example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a@b", "@x.com", "user@", "x@y.c", "@", "@@", "a@.com", "a@b..com", "a.@b.com", "a@-b.com", "a@b-.com",
      "a@b.c0m", "a@b.123", "user at example dot com", "", "no at sign here", "a@@b.com"})
  void nonAddressesAreNotFound(String text) {
    assertThat(find(text)).isEmpty();
  }

  @Test
  void leadingDotsOfTheLocalPartAreLeftOut() {
    assertThat(found("...jane@example.com")).containsExactly("jane@example.com");
  }

  @Test
  void domainIsCutBackToItsLastValidTld() {
    assertThat(found("a@b.com.x")).containsExactly("a@b.com");
    assertThat(found("a@b.com.123")).containsExactly("a@b.com");
    assertThat(found("a@b.com-")).isEmpty();
  }

  @Test
  void unicodeAroundAnAddressEndsIt() {
    String japanese = "連絡先はjohn@example.comです";
    assertThat(find(japanese)).containsExactly(new Span("EMAIL", 4, 20));
    assertThat(found("José: jose@example.es — merci")).containsExactly("jose@example.es");
    assertThat(found("é@example.com")).isEmpty();
    assertThat(found("😀a@b.de😀")).containsExactly("a@b.de");
    assertThat(find("😀a@b.de😀")).containsExactly(new Span("EMAIL", 2, 8));
  }

  @Test
  void twoAtSignsShareNoCharacters() {
    assertThat(found("a@b.com@c.org")).containsExactly("a@b.com");
    assertThat(found("a@b@c.org")).containsExactly("b@c.org");
  }

  @Test
  void worksOnAnyCharSequence() {
    assertThat(find(new StringBuilder("hi a@b.io"))).containsExactly(new Span("EMAIL", 3, 9));
  }

  @Test
  void appendsToWhatIsAlreadyInTheList() {
    List<Span> out = new ArrayList<>(List.of(new Span("OTHER", 0, 1)));
    recognizer.find("x a@b.io", out);
    assertThat(out).containsExactly(new Span("OTHER", 0, 1), new Span("EMAIL", 2, 8));
  }

  @Test
  void manyAtSignsStayLinear() {
    String text = "a.".repeat(100_000) + "@".repeat(100_000) + "b.".repeat(100_000);
    assertThat(find(text)).isEmpty();
    String many = "x@y.zz ".repeat(50_000);
    assertThat(find(many)).hasSize(50_000);
  }

  @Test
  void obfuscatedAddressesAreFound() {
    assertThat(found("Email: john.doe@protectai[DOT]com.")).containsExactly("john.doe@protectai[DOT]com");
    assertThat(found("write to jane (at) example (dot) org today")).containsExactly("jane (at) example (dot) org");
    assertThat(found("bob[at]mail.example.co.uk")).containsExactly("bob[at]mail.example.co.uk");
    assertThat(found("x{AT}y{dot}io")).containsExactly("x{AT}y{dot}io");
  }

  @Test
  void obfuscationNeedsMatchingBracketsAndAWholeDomain() {
    assertThat(found("look [at] this")).isEmpty();
    assertThat(found("bob[at)example.com")).isEmpty();
    assertThat(found("bob [at] example")).isEmpty();
    assertThat(found("bob at example dot com")).isEmpty();
    assertThat(found("bob[attic]example.com")).isEmpty();
    assertThat(found("a@b[dot]c")).isEmpty();
  }
}
