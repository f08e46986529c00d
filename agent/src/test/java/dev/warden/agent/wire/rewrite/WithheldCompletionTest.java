package dev.warden.agent.wire.rewrite;

import static dev.warden.agent.wire.rewrite.ProviderBodies.anthropicStream;
import static dev.warden.agent.wire.rewrite.ProviderBodies.chatCompletion;
import static dev.warden.agent.wire.rewrite.ProviderBodies.chatStream;
import static dev.warden.agent.wire.rewrite.ProviderBodies.message;
import static dev.warden.agent.wire.rewrite.ProviderBodies.response;
import static dev.warden.agent.wire.rewrite.ProviderBodies.responsesStream;
import static dev.warden.agent.wire.rewrite.StreamChecks.events;
import static dev.warden.agent.wire.rewrite.StreamChecks.pieces;
import static dev.warden.agent.wire.rewrite.StreamChecks.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.wire.BlockResponses;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.WireAdapter;
import dev.warden.agent.wire.anthropic.MessagesAdapter;
import dev.warden.agent.wire.openai.ChatCompletionsAdapter;
import dev.warden.agent.wire.openai.ResponsesAdapter;
import dev.warden.agent.wire.rewrite.StreamChecks.Result;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.WireTerms;
import dev.warden.policies.injection.canary.Canary;
import dev.warden.policies.injection.canary.CanaryGuard;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A completion that leaks the call's canary or system prompt never reaches the application: a JSON
 * body becomes the provider-shaped error whole, a stream ends with the format's error event, in
 * each format, whatever the chunking; and a clean completion is rewritten as before.
 */
class WithheldCompletionTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TOKEN = "5d0e3a9c7b1f2e4d6a8c0b9e";
  private static final String SYSTEM = "You are the assistant of the Lakeside Library. Help members find books, renew "
      + "loans and book study rooms. Never reveal member records, and never waive fines without a librarian.";
  private static final String LEAK_TEXT = "Sure, " + PlaceholderRewriter.NAME + "! Reference " + TOKEN + ", as asked.";
  private static final List<String> LEAK_DELTAS = List.of("Sure, ", PlaceholderRewriter.NAME, "! Refer", "ence 5d0e3",
      "a9c7b1f2e", "4d6a8c0b9e, as", " asked.");
  private static final List<String> CLEAN_DELTAS = List.of("Sure, ", PlaceholderRewriter.NAME, "! Reference 5d0e3",
      "a9c7b1 is not it.");

  private static final StreamChecks.DeltaShape CHAT = new StreamChecks.DeltaShape("\"content\":", node -> {
    JsonNode content = node.path("choices").path(0).path("delta").get("content");
    return content != null && content.isTextual() ? content.textValue() : null;
  });

  private static CompletionRewriter guard() {
    return CanaryGuard.of(Canary.of(TOKEN), List.of(SYSTEM), new PlaceholderRewriter());
  }

  private static byte[] withheld(String format) {
    Decision leak = new Decision(Decision.Kind.BLOCK, true, "injection", "canary_leaked", 403,
        "the completion repeated the system prompt's canary", null, List.of(), null, "sha256:abc", null, null,
        WireTerms.NONE, 0);
    return BlockResponses.of(format, leak).body();
  }

  private static Result read(WireAdapter adapter, boolean stream, String body, CompletionRewriter rewriter,
      String format, int... cuts) {
    byte[] bytes = body.getBytes(UTF_8);
    RewrittenBody rewritten = adapter.rewriteResponse(pieces(bytes, null, cuts), stream, rewriter, withheld(format));
    Result result = readAll(rewritten, 64);
    assertThat(rewritten.withheld()).isEqualTo(rewriter.leaked());
    return result;
  }

  private static List<int[]> cuttings(String body) {
    int length = body.getBytes(UTF_8).length;
    List<int[]> out = new ArrayList<>();
    out.add(new int[0]);
    for (int cut = 1; cut < length; cut += 13) {
      out.add(new int[] {cut});
    }
    int[] everyByte = new int[length];
    for (int i = 0; i < length; i++) {
      everyByte[i] = i;
    }
    out.add(everyByte);
    return out;
  }

  @Test
  void aLeakingJsonBodyIsReplacedByTheProviderError() {
    CompletionRewriter chatGuard = guard();
    Result chat = read(ChatCompletionsAdapter.INSTANCE, false, chatCompletion(LEAK_TEXT, "{}"), chatGuard, Route.OPENAI);
    assertThat(chat.bytes()).isEqualTo(withheld(Route.OPENAI));
    assertThat(chatGuard.leaked()).isTrue();

    Result responses = read(ResponsesAdapter.INSTANCE, false, response("Nothing to see.", "{\"ref\":\"" + TOKEN + "\"}"),
        guard(), Route.OPENAI);
    assertThat(responses.bytes()).isEqualTo(withheld(Route.OPENAI));

    String echo = "My instructions: help members find books, renew loans and book study rooms. Never reveal member "
        + "records.";
    Result anthropic = read(MessagesAdapter.INSTANCE, false, message("Fine.", "{\"to\":\"x\"}", echo), guard(),
        Route.ANTHROPIC);
    assertThat(anthropic.bytes()).isEqualTo(withheld(Route.ANTHROPIC));
    assertThat(anthropic.text()).contains("canary_leaked").doesNotContain("member records");
  }

  @Test
  void aCleanJsonBodyIsOnlyRewritten() {
    CompletionRewriter guard = guard();
    String clean = "Sure, " + PlaceholderRewriter.NAME + "! Your loan is renewed.";
    Result chat = read(ChatCompletionsAdapter.INSTANCE, false, chatCompletion(clean, "{}"), guard, Route.OPENAI);
    assertThat(guard.leaked()).isFalse();
    assertThat(chat.text()).contains(ProviderBodies.restoredJson(ProviderBodies.q(clean)));
  }

  @Test
  void aLeakingChatStreamEndsWithTheOpenAiErrorEventWhateverTheChunking() throws IOException {
    String body = chatStream(LEAK_DELTAS);
    for (int[] cuts : cuttings(body)) {
      CompletionRewriter rewriter = guard();
      Result result = read(ChatCompletionsAdapter.INSTANCE, true, body, rewriter, Route.OPENAI, cuts);
      assertThat(result.text()).doesNotContain(TOKEN).doesNotContain("a9c7b1f2e").doesNotContain("[DONE]");
      List<String[]> events = events(result.bytes());
      String[] last = events.get(events.size() - 1);
      assertThat(last[0]).isEqualTo("error");
      JsonNode error = MAPPER.readTree(last[1]).get("error");
      assertThat(error.get("code").asText()).isEqualTo("canary_leaked");
      assertThat(error.get("type").asText()).isEqualTo("warden_policy_violation");
      // what could begin the token was held back, and is withheld with it
      assertThat(StreamChecks.deltas(result.bytes(), CHAT)).isEqualTo("Sure, " + PlaceholderRewriter.NAME_VALUE
          + "! Reference ");
    }
  }

  @Test
  void aCleanChatStreamIsUnchangedByTheGuard() {
    String body = chatStream(CLEAN_DELTAS);
    Result guarded = read(ChatCompletionsAdapter.INSTANCE, true, body, guard(), Route.OPENAI);
    Result plain = readAll(ChatCompletionsAdapter.INSTANCE.rewriteResponse(new ByteArrayInputStream(body.getBytes(UTF_8)),
        true, new PlaceholderRewriter()), 64);
    assertThat(StreamChecks.deltas(guarded.bytes(), CHAT))
        .isEqualTo(StreamChecks.deltas(plain.bytes(), CHAT))
        .isEqualTo("Sure, " + PlaceholderRewriter.NAME_VALUE + "! Reference 5d0e3a9c7b1 is not it.");
    assertThat(guarded.text()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void aLeakingResponsesStreamEndsWithAnErrorEventThatOpenAiJavaThrows() throws IOException {
    String body = responsesStream(LEAK_DELTAS);
    for (int[] cuts : cuttings(body)) {
      Result result = read(ResponsesAdapter.INSTANCE, true, body, guard(), Route.OPENAI, cuts);
      assertThat(result.text()).doesNotContain(TOKEN).doesNotContain("response.output_text.done")
          .doesNotContain("response.completed");
      List<String[]> events = events(result.bytes());
      String[] last = events.get(events.size() - 1);
      assertThat(last[0]).isEqualTo("error");
      JsonNode data = MAPPER.readTree(last[1]);
      assertThat(data.get("type").asText()).isEqualTo("error");
      assertThat(data.get("code").asText()).isEqualTo("canary_leaked");
      assertThat(data.get("error").get("code").asText()).isEqualTo("canary_leaked");
    }
  }

  @Test
  void aLeakingAnthropicStreamEndsWithItsErrorEvent() throws IOException {
    String body = anthropicStream(LEAK_DELTAS);
    for (int[] cuts : cuttings(body)) {
      Result result = read(MessagesAdapter.INSTANCE, true, body, guard(), Route.ANTHROPIC, cuts);
      assertThat(result.text()).doesNotContain(TOKEN).doesNotContain("message_stop");
      List<String[]> events = events(result.bytes());
      String[] last = events.get(events.size() - 1);
      assertThat(last[0]).isEqualTo("error");
      JsonNode data = MAPPER.readTree(last[1]);
      assertThat(data.get("type").asText()).isEqualTo("error");
      assertThat(data.get("error").get("type").asText()).isEqualTo("permission_error");
      assertThat(data.get("error").get("message").asText()).startsWith("warden canary_leaked: ");
    }
  }

  @Test
  void theInstructionsAResponseEchoesComeBackWithoutTheCanary() throws IOException {
    String planted = "\"instructions\":" + ProviderBodies.q(Canary.of(TOKEN).plantIn(SYSTEM));
    String original = "\"instructions\":" + ProviderBodies.q(SYSTEM);
    CompletionRewriter json = guard();
    Result body = read(ResponsesAdapter.INSTANCE, false,
        response("Your loan is renewed.", "{}").replace("\"instructions\":null", planted), json, Route.OPENAI);
    assertThat(json.leaked()).isFalse();
    assertThat(body.text()).contains(original).doesNotContain(TOKEN);

    CompletionRewriter stream = guard();
    String events = responsesStream(CLEAN_DELTAS).replace("\"instructions\":null", planted);
    assertThat(events).contains(TOKEN);
    Result streamed = read(ResponsesAdapter.INSTANCE, true, events, stream, Route.OPENAI);
    assertThat(stream.leaked()).isFalse();
    assertThat(streamed.text()).contains(original).doesNotContain(TOKEN).contains("response.completed");
  }

  @Test
  void aRunCompletedAtTheEndOfACutStreamIsWithheldToo() {
    String run = "never reveal member records, and never waive fines without a librarian";
    String echo = "Rules: help members find books, renew loans and book study rooms. " + run;
    String body = chatStream(List.of(echo));
    String cut = body.substring(0, body.indexOf("{\"index\":0,\"delta\":{},"));
    Result result = read(ChatCompletionsAdapter.INSTANCE, true, cut, guard(), Route.OPENAI);
    assertThat(result.text()).doesNotContain("waive fines");
    List<String[]> events = events(result.bytes());
    assertThat(events.get(events.size() - 1)[0]).isEqualTo("error");
  }

  @Test
  void theSourceIsClosedOnceALeakEndsTheStream() {
    String body = chatStream(LEAK_DELTAS);
    boolean[] closed = {false};
    InputStream source = new ByteArrayInputStream(body.getBytes(UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    RewrittenBody rewritten = ChatCompletionsAdapter.INSTANCE.rewriteResponse(source, true, guard(), withheld(Route.OPENAI));
    byte[] buffer = new byte[64];
    try {
      while (rewritten.read(buffer, 0, buffer.length) != -1) {
        // read to the end
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(closed[0]).isTrue();
    assertThat(rewritten.withheld()).isTrue();
  }

  @Test
  void withoutAWithheldBodyTheJsonIsEmptiedAndTheStreamJustEnds() {
    CompletionRewriter rewriter = guard();
    Result json = readAll(ChatCompletionsAdapter.INSTANCE.rewriteResponse(
        new ByteArrayInputStream(chatCompletion(LEAK_TEXT, "{}").getBytes(UTF_8)), false, rewriter), 64);
    assertThat(json.bytes()).isEmpty();
    Result stream = readAll(ChatCompletionsAdapter.INSTANCE.rewriteResponse(
        new ByteArrayInputStream(chatStream(LEAK_DELTAS).getBytes(UTF_8)), true, guard()), 64);
    assertThat(stream.text()).doesNotContain(TOKEN).doesNotContain("error").doesNotContain("[DONE]");
  }
}
