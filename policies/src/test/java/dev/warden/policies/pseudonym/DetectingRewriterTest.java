package dev.warden.policies.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.pii.BuiltInRecognizers;
import dev.warden.policies.pii.CompletionRewriter;
import dev.warden.policies.pii.PiiScanner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectingRewriterTest {

  private final PiiScanner scanner = new PiiScanner(
      List.of(BuiltInRecognizers.forType("EMAIL"), BuiltInRecognizers.forType("PHONE")), List.of());

  @Test
  void aStreamIsReleasedAsReceivedAndCountedWhenItFinishes() {
    CompletionRewriter detect = DetectingRewriter.of(scanner, null);
    CompletionRewriter.Channel channel = detect.channel();
    assertThat(channel.feed("mail bob@exa")).isEqualTo("mail bob@exa");
    assertThat(detect.findings()).isEmpty();
    assertThat(channel.feed("mple.com now")).isEqualTo("mple.com now");
    assertThat(channel.finish()).isEmpty();
    assertThat(detect.findings()).containsExactly(Map.entry("EMAIL", 1));
  }

  @Test
  void channelsAndTheJsonVariantShareTheCounts() {
    CompletionRewriter detect = DetectingRewriter.of(scanner, null);
    CompletionRewriter.Channel one = detect.channel();
    CompletionRewriter.Channel two = detect.forJsonText().channel();
    one.feed("a@example.com");
    two.feed("{\"to\":\"b@example.com\"}");
    one.finish();
    two.finish();
    assertThat(detect.rewrite("call 415-555-0132")).isEqualTo("call 415-555-0132");
    assertThat(detect.findings()).isEqualTo(Map.of("EMAIL", 2, "PHONE", 1));
  }

  @Test
  void longStreamsAreCountedChunkByChunkEachFindingOnce() {
    CompletionRewriter detect = DetectingRewriter.of(scanner, null);
    CompletionRewriter.Channel channel = detect.channel();
    String filler = "x".repeat(97) + " ";
    int emails = 0;
    StringBuilder released = new StringBuilder();
    StringBuilder sent = new StringBuilder();
    for (int i = 0; i < 3 * DetectingRewriter.SCAN_CHUNK / 100; i++) {
      String delta = i % 7 == 0 ? "u" + i + "@example.com " : filler;
      emails += i % 7 == 0 ? 1 : 0;
      sent.append(delta);
      // split deltas so that some addresses cross a chunk boundary
      released.append(channel.feed(delta.substring(0, delta.length() / 2)));
      released.append(channel.feed(delta.substring(delta.length() / 2)));
    }
    released.append(channel.finish());
    assertThat(released.toString()).isEqualTo(sent.toString());
    assertThat(detect.findings()).containsExactly(Map.entry("EMAIL", emails));
  }
}
