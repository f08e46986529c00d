package dev.warden.policies.pseudonym;

import static dev.warden.policies.pseudonym.TestRecognizers.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.pii.CompletionRewriter;
import dev.warden.policies.pii.CompletionRewriter.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Streams attacked from many sides: whatever the chunking, a channel's output is {@code rewrite()}
 * of the whole text, what it releases is final, and what it holds stays bounded.
 */
class CompletionFilterStreamTest {

  private static final String[] WORDS = {
      "the", "answer", "is", "café", "日本語", "😀", "naïve", "x", "<", ">", "<<", "a<b>c", "<EMA", "<EMAIL_",
      "<EMAIL_0000>", "<email_abcd>", "<PHONE_", "@", "bob@example.com", "ann.lee+tag@mail.example.org", "a@b",
      "c@d.co.uk", "x@y.io.", "+1 555 123 4567", "555-123-4567", "0044 20 7946 0958", "42", "1990", "3.14", ".",
      ",", "(", ")", ":", "-----BEGIN PRIVATE KEY-----", "MIIEvQIBADANBgkqhkiG9w0BAQEF", "-----END PRIVATE KEY-----",
      "-----", "\n"};
  private static final String[] GAPS = {" ", " ", " ", " ", "", "\n", "  ", "\t", ", "};

  /** Placeholders of a real key: 4 hex. */
  private final PseudonymVault shortVault = new PseudonymVault(key(1));
  /** Placeholders that collide on purpose, up to 80 chars: longer than the redaction context. */
  private final PseudonymVault longVault = new PseudonymVault((type, value) -> "0".repeat(60) + "abcd");
  private final List<String> shortPlaceholders = new ArrayList<>();
  private final List<String> longPlaceholders = new ArrayList<>();

  CompletionFilterStreamTest() {
    for (String email : List.of("jane.doe@example.com", "j@x.io", "ops@example.net")) {
      shortPlaceholders.add(shortVault.placeholderFor("EMAIL", email));
    }
    shortPlaceholders.add(shortVault.placeholderFor("PHONE", "+1 555 010 9999"));
    shortPlaceholders.add(shortVault.placeholderFor("CREDIT_CARD", "4111 1111 1111 1111"));
    for (int i = 0; i < 30; i++) {
      longPlaceholders.add(longVault.placeholderFor("URL_CREDENTIALS", "https://u" + i + ":pw@example.com"));
    }
  }

  private List<CompletionRewriter> rewriters() {
    return List.of(
        CompletionFilter.restoring(shortVault, null),
        CompletionFilter.restoring(longVault, null),
        CompletionFilter.restoring(shortVault, TestRecognizers.scanner()),
        CompletionFilter.restoring(longVault, TestRecognizers.scanner()),
        CompletionFilter.restoring(null, TestRecognizers.scanner()));
  }

  @Test
  void aPlaceholderCutAnywhereIsRestored() {
    String jane = shortPlaceholders.get(0);
    String text = "Hi " + jane + "! Your card " + shortPlaceholders.get(4) + " and " + longPlaceholders.get(29) + ".";
    for (CompletionRewriter rewriter : rewriters()) {
      String whole = rewriter.rewrite(text);
      for (int cut = 0; cut <= text.length(); cut++) {
        assertThat(stream(rewriter, List.of(text.substring(0, cut), text.substring(cut)))).isEqualTo(whole);
      }
      assertThat(stream(rewriter, chars(text))).isEqualTo(whole);
    }
    assertThat(CompletionFilter.restoring(shortVault, null).rewrite(text)).startsWith("Hi jane.doe@example.com! ");
  }

  @Test
  void anyChunkingOfTrickyCompletionsGivesTheWholeRewrite() {
    List<String> texts = new ArrayList<>(List.of(
        "Contact " + shortPlaceholders.get(0) + " or bob@example.com, phone +44 20 7946 0958 or "
            + shortPlaceholders.get(3) + ".",
        "Trailing partial <EMA",
        "Trailing partial " + shortPlaceholders.get(1).substring(0, 8),
        "Invented <EMAIL_0000> and <EMAIL_zz> and <<" + shortPlaceholders.get(2) + ">>",
        "mail bob@example.com.uk.x then c@d.co",
        "Call 555 123 4567 ext 89 or 0044 20 7946 0958 now 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5",
        "Key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"
            + "VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n"
            + "-----END PRIVATE KEY-----\nDone, mail " + shortPlaceholders.get(0) + ".",
        "😀" + shortPlaceholders.get(0) + "😀 café 日本語 a@b.co😀",
        longPlaceholders.get(0) + longPlaceholders.get(29) + " " + longPlaceholders.get(15).substring(0, 40),
        // a chain of numbers far longer than the look-behind: matches must fall where they fall in the whole text
        "Numbers: " + "1 2 3 4 5 6 7 8 9 0 ".repeat(30) + "end",
        // a block that another end line does not close, and one opened inside it
        "-----BEGIN A KEY-----\nx -----END B KEY----- y bob@example.com -----BEGIN C KEY-----\n"
            + "z ".repeat(40) + "-----END A KEY----- w " + "q ".repeat(40) + "-----END C KEY----- done."));
    Random random = new Random(42);
    for (CompletionRewriter rewriter : rewriters()) {
      for (String text : texts) {
        String whole = rewriter.rewrite(text);
        assertSameText(stream(rewriter, chars(text)), whole, "1-char deltas of " + text);
        assertSameText(stream(rewriter, List.of(text)), whole, text);
        for (int cut = 0; cut <= text.length(); cut++) {
          assertSameText(stream(rewriter, List.of(text.substring(0, cut), text.substring(cut))), whole,
              "cut at " + cut + " of " + text);
        }
        for (int run = 0; run < 50; run++) {
          List<String> deltas = split(text, random);
          assertSameText(stream(rewriter, deltas), whole, "deltas " + deltas);
        }
      }
    }
    CompletionRewriter redacting = CompletionFilter.restoring(shortVault, TestRecognizers.scanner());
    assertThat(redacting.rewrite(texts.get(0))).isEqualTo(
        "Contact jane.doe@example.com or [EMAIL], phone [PHONE] or +1 555 010 9999.");
    assertThat(redacting.rewrite(texts.get(6))).isEqualTo("Key:\n[SECRET]\nDone, mail jane.doe@example.com.");
  }

  @Test
  void randomCompletionsInRandomChunksGiveTheWholeRewrite() {
    Random random = new Random(20261127);
    List<CompletionRewriter> rewriters = rewriters();
    for (int t = 0; t < 400; t++) {
      CompletionRewriter rewriter = rewriters.get(t % rewriters.size());
      String text = completion(random, t % 2 == 0 ? shortPlaceholders : longPlaceholders);
      String whole = rewriter.rewrite(text);
      assertSameText(stream(rewriter, chars(text)), whole, "1-char deltas of " + text);
      for (int run = 0; run < 20; run++) {
        List<String> deltas = split(text, random);
        assertSameText(stream(rewriter, deltas), whole, "deltas " + deltas);
      }
    }
  }

  @Test
  void releasedTextIsFinalWhateverComesNext() {
    Random random = new Random(7);
    List<CompletionRewriter> rewriters = rewriters();
    List<String> endings = List.of("", "mple.com", ".uk", "4567", " 4567", "_abcd>", ">", "-----END PRIVATE KEY-----",
        "@example.com", "0>", "000>");
    for (int t = 0; t < 300; t++) {
      CompletionRewriter rewriter = rewriters.get(t % rewriters.size());
      List<String> placeholders = t % 2 == 0 ? shortPlaceholders : longPlaceholders;
      String text = completion(random, placeholders);
      String prefix = text.substring(0, random.nextInt(text.length() + 1));
      Channel channel = rewriter.channel();
      StringBuilder released = new StringBuilder();
      for (String delta : split(prefix, random)) {
        released.append(channel.feed(delta));
      }
      List<String> continuations = new ArrayList<>(endings);
      continuations.add(completion(random, placeholders));
      String placeholder = placeholders.get(random.nextInt(placeholders.size()));
      continuations.add(placeholder.substring(random.nextInt(placeholder.length())));
      for (String next : continuations) {
        assertThat(rewriter.rewrite(prefix + next)).as("%s + %s", prefix, next).startsWith(released.toString());
      }
    }
  }

  @Test
  void onlyRestoringHoldsNothingButAPossiblePlaceholder() {
    Channel channel = CompletionFilter.restoring(shortVault, null).channel();
    String jane = shortPlaceholders.get(0);
    assertThat(channel.feed("Hello world, 3 a@b")).isEqualTo("Hello world, 3 a@b");
    assertThat(channel.feed(" x <")).isEqualTo(" x ");
    assertThat(channel.feed(jane.substring(1, 5))).isEmpty();
    assertThat(channel.feed(jane.substring(5))).isEqualTo("jane.doe@example.com");
    assertThat(channel.feed(" 1 < 2 <a")).isEqualTo(" 1 < 2 <a");
    assertThat(channel.feed(" <EMAIL_12")).isEqualTo(" ");
    assertThat(channel.feed("34 ok")).isEqualTo("<EMAIL_1234 ok");
    assertThat(channel.feed("<EMAIL")).isEmpty();
    assertThat(channel.finish()).isEqualTo("<EMAIL");
    assertThat(channel.finish()).isEmpty();
  }

  @Test
  void onlyRestoringHoldsLessThanAPlaceholder() {
    Random random = new Random(11);
    for (PseudonymVault vault : List.of(shortVault, longVault)) {
      HoldBackChannel channel = (HoldBackChannel) CompletionFilter.restoring(vault, null).channel();
      List<String> placeholders = vault == shortVault ? shortPlaceholders : longPlaceholders;
      for (int t = 0; t < 50; t++) {
        for (String delta : split(completion(random, placeholders), random)) {
          channel.feed(delta);
          assertThat(channel.held()).isLessThan(vault.maxPlaceholderLength());
        }
      }
    }
  }

  @Test
  void redactingHoldsTheLastWordsAndNoMore() {
    HoldBackChannel channel = (HoldBackChannel) CompletionFilter.restoring(shortVault, TestRecognizers.scanner())
        .channel();
    StringBuilder released = new StringBuilder();
    String sentence = "The quick brown fox jumps over the lazy dog while writing to someone. ";
    for (int i = 0; i < 50; i++) {
      for (String delta : chars(sentence)) {
        released.append(channel.feed(delta));
        assertThat(channel.held()).isLessThanOrEqualTo(CompletionFilter.CONTEXT_CHARS + "someone. ".length());
      }
    }
    assertThat(channel.held()).isGreaterThanOrEqualTo(CompletionFilter.CONTEXT_CHARS);
    released.append(channel.finish());
    assertThat(released.toString()).isEqualTo(sentence.repeat(50));
  }

  @Test
  void holdBackNeverExceedsTheCap() {
    Random random = new Random(3);
    StringBuilder word = new StringBuilder();
    StringBuilder numbers = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      word.append((char) ('a' + random.nextInt(26)));
      numbers.append(random.nextInt(10)).append(' ');
    }
    for (String text : List.of(word.toString(), numbers.toString(), "-----BEGIN PRIVATE KEY-----\n" + word)) {
      CompletionRewriter rewriter = CompletionFilter.restoring(shortVault, TestRecognizers.scanner());
      HoldBackChannel channel = (HoldBackChannel) rewriter.channel();
      StringBuilder released = new StringBuilder();
      for (String delta : split(text, random)) {
        released.append(channel.feed(delta));
        assertThat(channel.held()).isLessThanOrEqualTo(CompletionFilter.MAX_HELD_CHARS);
      }
      released.append(channel.finish());
      assertSameText(released.toString(), rewriter.rewrite(text), "stream of a long text");
    }
  }

  @Test
  void aPrivateKeyBlockIsHeldWholeUntilItCloses() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      body.append("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R").append('\n');
    }
    String text = "Here it is:\n-----BEGIN RSA PRIVATE KEY-----\n" + body
        + "-----END RSA PRIVATE KEY-----\nKeep it safe.";
    CompletionRewriter rewriter = CompletionFilter.restoring(null, TestRecognizers.scanner());
    Channel channel = rewriter.channel();
    StringBuilder released = new StringBuilder();
    for (String line : text.split("(?<=\n)")) {
      released.append(channel.feed(line));
      assertThat(released.toString()).doesNotContain("MIIE").doesNotContain("-----BEGIN");
    }
    released.append(channel.finish());
    assertThat(released.toString()).isEqualTo(rewriter.rewrite(text)).isEqualTo("Here it is:\n[SECRET]\nKeep it safe.");
  }

  @Test
  void aBlockLongerThanTheCapIsReleasedAnyway() {
    String text = "-----BEGIN PRIVATE KEY-----\n" + "QUJDRA==\n".repeat(1000);
    Channel channel = CompletionFilter.restoring(null, TestRecognizers.scanner()).channel();
    StringBuilder released = new StringBuilder();
    for (String line : text.split("(?<=\n)")) {
      released.append(channel.feed(line));
    }
    assertThat(released.length()).isGreaterThan(text.length() - CompletionFilter.MAX_HELD_CHARS);
    assertThat(released.append(channel.finish()).toString()).isEqualTo(text);
  }

  @Test
  void surrogatePairsAreNeverSplit() {
    String text = "😀 " + shortPlaceholders.get(0) + "😀😀 a@b.co 𝄞𝄞 ".repeat(20);
    for (CompletionRewriter rewriter : rewriters()) {
      Channel channel = rewriter.channel();
      for (String delta : chars(text)) {
        String out = channel.feed(delta);
        if (!out.isEmpty()) {
          assertThat(Character.isHighSurrogate(out.charAt(out.length() - 1))).as(out).isFalse();
          assertThat(Character.isLowSurrogate(out.charAt(0))).as(out).isFalse();
        }
      }
    }
  }

  @Test
  void channelsAreIndependentAndReusableAfterFinish() {
    CompletionRewriter rewriter = CompletionFilter.restoring(shortVault, TestRecognizers.scanner());
    String a = "first " + shortPlaceholders.get(0) + " and bob@example.com";
    String b = "second " + shortPlaceholders.get(1) + " call 555-123-4567";
    Channel one = rewriter.channel();
    Channel two = rewriter.channel();
    StringBuilder outOne = new StringBuilder();
    StringBuilder outTwo = new StringBuilder();
    for (int i = 0; i < Math.max(a.length(), b.length()); i++) {
      outOne.append(one.feed(i < a.length() ? a.substring(i, i + 1) : ""));
      outTwo.append(two.feed(i < b.length() ? b.substring(i, i + 1) : ""));
    }
    assertThat(outOne.append(one.finish()).toString()).isEqualTo(rewriter.rewrite(a));
    assertThat(outTwo.append(two.finish()).toString()).isEqualTo(rewriter.rewrite(b));
    assertThat(one.feed(null)).isEmpty();
    assertThat(stream(one, chars(" again " + a))).isEqualTo(rewriter.rewrite(" again " + a));
  }

  /** Equality with a short message: where the texts part, not both whole texts. */
  private static void assertSameText(String actual, String expected, String context) {
    if (actual.equals(expected)) {
      return;
    }
    int i = 0;
    while (i < actual.length() && i < expected.length() && actual.charAt(i) == expected.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 40);
    throw new AssertionError("texts part at " + i
        + ": expected …" + expected.substring(from, Math.min(expected.length(), i + 40))
        + "… but was …" + actual.substring(from, Math.min(actual.length(), i + 40))
        + "… (" + (context.length() > 300 ? context.substring(0, 300) + "…" : context) + ")");
  }

  private static String stream(CompletionRewriter rewriter, List<String> deltas) {
    return stream(rewriter.channel(), deltas);
  }

  private static String stream(Channel channel, List<String> deltas) {
    StringBuilder out = new StringBuilder();
    for (String delta : deltas) {
      out.append(channel.feed(delta));
    }
    return out.append(channel.finish()).toString();
  }

  private static List<String> chars(String text) {
    List<String> deltas = new ArrayList<>(text.length());
    for (int i = 0; i < text.length(); i++) {
      deltas.add(text.substring(i, i + 1));
    }
    return deltas;
  }

  /** Random deltas: mostly token-sized, sometimes single chars, empty strings or long runs. */
  private static List<String> split(String text, Random random) {
    int maxSize = switch (random.nextInt(4)) {
      case 0 -> 1;
      case 1 -> 4;
      case 2 -> 12;
      default -> 80;
    };
    List<String> deltas = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int size = random.nextInt(maxSize + 1);
      int end = Math.min(text.length(), i + size);
      deltas.add(text.substring(i, end));
      i = end;
    }
    return deltas;
  }

  private static String completion(Random random, List<String> placeholders) {
    StringBuilder text = new StringBuilder();
    int tokens = random.nextInt(60);
    for (int i = 0; i < tokens; i++) {
      if (random.nextInt(4) == 0) {
        text.append(placeholders.get(random.nextInt(placeholders.size())));
      } else {
        text.append(WORDS[random.nextInt(WORDS.length)]);
      }
      text.append(GAPS[random.nextInt(GAPS.length)]);
    }
    return text.toString();
  }
}
