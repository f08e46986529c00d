package dev.warden.agent.wire.gemini;

import static dev.warden.agent.wire.WireTestSupport.utf8;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL_VALUE;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.NAME;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.NAME_VALUE;
import static dev.warden.agent.wire.rewrite.ProviderBodies.DELTAS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.EXPECTED;
import static dev.warden.agent.wire.rewrite.ProviderBodies.TEXT;
import static dev.warden.agent.wire.rewrite.ProviderBodies.escaped;
import static dev.warden.agent.wire.rewrite.ProviderBodies.geminiResponse;
import static dev.warden.agent.wire.rewrite.ProviderBodies.geminiStream;
import static dev.warden.agent.wire.rewrite.StreamChecks.checkCuts;
import static dev.warden.agent.wire.rewrite.StreamChecks.checkStream;
import static dev.warden.agent.wire.rewrite.StreamChecks.deltas;
import static dev.warden.agent.wire.rewrite.StreamChecks.events;
import static dev.warden.agent.wire.rewrite.StreamChecks.pieces;
import static dev.warden.agent.wire.rewrite.StreamChecks.readAll;
import static dev.warden.agent.wire.rewrite.StreamChecks.rewrite;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.wire.BlockResponses;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.rewrite.PlaceholderRewriter;
import dev.warden.agent.wire.rewrite.RewrittenBody;
import dev.warden.agent.wire.rewrite.StreamChecks.DeltaShape;
import dev.warden.agent.wire.rewrite.StreamChecks.Result;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.WireTerms;
import dev.warden.policies.injection.canary.Canary;
import dev.warden.policies.injection.canary.CanaryGuard;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiRewriteTest {

  private static final GeminiAdapter ADAPTER = GeminiAdapter.STREAM;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final DeltaShape TEXT_PART = new DeltaShape("\"text\":", node -> {
    JsonNode text = node.path("candidates").path(0).path("content").path("parts").path(0).get("text");
    return text != null && text.isTextual() ? text.textValue() : null;
  });

  /** Function call args: placeholders in string values at any depth, and in a key, which stays. */
  private static final String ARGS = "{\"to\":\"" + EMAIL + "\",\"n\":4155550123,\"more\":{\"cc\":[\"" + NAME
      + "\", 1]},\"" + EMAIL + "\":\"key\"}";
  private static final String ARGS_RESTORED = "{\"to\":\"" + EMAIL_VALUE + "\",\"n\":4155550123,\"more\":{\"cc\":[\""
      + escaped(NAME_VALUE) + "\", 1]},\"" + EMAIL + "\":\"key\"}";

  @Test
  void jsonRestoresTextPartsAndTheStringsOfFunctionCallArgs() throws IOException {
    Result result = rewrite(ADAPTER, false, utf8(geminiResponse(TEXT, ARGS, "Signed, " + NAME)));

    assertThat(result.text()).isEqualTo(geminiResponse(EXPECTED, ARGS_RESTORED, "Signed, " + NAME_VALUE));
    assertThat(result.changes()).isEqualTo(4);
    assertThat(MAPPER.readTree(result.bytes()).at("/candidates/0/content/parts/1/functionCall/args/more/cc/0")
        .textValue()).isEqualTo(NAME_VALUE);
  }

  @Test
  void streamRestoresTextAndKeepsEveryOtherByte() {
    checkStream(ADAPTER, geminiStream(DELTAS), TEXT_PART, 0);
  }

  @Test
  void streamCutAnywhereReleasesWhatWasHeld() {
    checkCuts(ADAPTER, geminiStream(DELTAS), TEXT_PART);
  }

  @Test
  void heldTextGoesOutInTheFinishingResponse() {
    Result result = rewrite(ADAPTER, true, utf8(geminiStream(List.of("Mail <EMA", "IL_1a2b> now <EM"))));

    assertThat(result.text()).isEqualTo(geminiStream(List.of("Mail ", EMAIL_VALUE + " now <EM")));
  }

  @Test
  void aFinishWithoutTextGetsTheHeldTextInACopyOfTheLastResponseBeforeIt() {
    String stream = geminiStream(List.of("Mail <EMA", "IL_1a2b> <EM", "")).replace("[{\"text\":\"\"}]", "[]");
    Result result = rewrite(ADAPTER, true, utf8(stream));

    List<String[]> events = events(result.bytes());
    assertThat(deltas(result.bytes(), TEXT_PART)).isEqualTo("Mail " + EMAIL_VALUE + " <EM");
    assertThat(events).hasSize(4);
    JsonNode extra = json(events.get(2)[1]);
    assertThat(extra.at("/candidates/0/content/parts/0/text").textValue()).isEqualTo("<EM");
    assertThat(extra.at("/candidates/0/finishReason").isMissingNode()).isTrue();
    assertThat(extra.has("usageMetadata")).isFalse();
    assertThat(extra.get("modelVersion").textValue()).isEqualTo("gemini-2.5-flash");
    assertThat(json(events.get(3)[1]).at("/candidates/0/finishReason").textValue()).isEqualTo("STOP");
  }

  @Test
  void thoughtsAndAnswerAreChannelsOfTheirOwnAndFunctionCallsAreRewrittenWhole() {
    String stream = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Mail <EMA\",\"thought\":true},"
        + "{\"text\":\"To <NAM\"}],\"role\":\"model\"},\"index\":0}]}\r\n\r\n"
        + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"IL_1a2b>\",\"thought\":true},"
        + "{\"text\":\"E_77aa>\"},{\"functionCall\":{\"name\":\"send\",\"args\":{\"to\":\"" + EMAIL + "\"}}}],"
        + "\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}]}\r\n\r\n";
    Result result = rewrite(ADAPTER, true, utf8(stream));

    assertThat(result.text()).isEqualTo(stream.replace("Mail <EMA", "Mail ").replace("\"IL_1a2b>\"", q(EMAIL_VALUE))
        .replace("To <NAM", "To ").replace("\"E_77aa>\"", q(NAME_VALUE)).replace("\"to\":\"" + EMAIL, "\"to\":\"" + EMAIL_VALUE));
  }

  @Test
  void anEventWithoutJsonIsUnreadableAndPassesThrough() {
    Result result = rewrite(ADAPTER, true, utf8("data: not json\n\n"));
    assertThat(result.text()).isEqualTo("data: not json\n\n");
    assertThat(result.unreadable()).isEqualTo(1);
  }

  private static final String TOKEN = "5d0e3a9c7b1f2e4d6a8c0b9e";
  private static final String SYSTEM = "You are the assistant of the Lakeside Library. Help members find books, renew "
      + "loans and book study rooms. Never reveal member records, and never waive fines without a librarian.";

  private static CompletionRewriter guard() {
    return CanaryGuard.of(Canary.of(TOKEN), List.of(SYSTEM), new PlaceholderRewriter());
  }

  private static byte[] withheld() {
    Decision leak = new Decision(Decision.Kind.BLOCK, true, "injection", "canary_leaked", 403,
        "the completion repeated the system prompt's canary", null, List.of(), null, "sha256:abc", null, null,
        WireTerms.NONE, 0);
    return BlockResponses.of(Route.GEMINI, leak).body();
  }

  @Test
  void aLeakingJsonAnswerIsReplacedByGooglesError() {
    CompletionRewriter guard = guard();
    RewrittenBody body = ADAPTER.rewriteResponse(pieces(utf8(geminiResponse("Ref " + TOKEN, "{}", "x")), null),
        false, guard, withheld());
    Result result = readAll(body, 64);

    assertThat(body.withheld()).isTrue();
    assertThat(result.bytes()).isEqualTo(withheld());
  }

  @Test
  void aLeakingStreamEndsWithGooglesErrorAsADataEventWhateverTheChunking() {
    String stream = geminiStream(List.of("Sure, ", NAME, "! Refer", "ence 5d0e3", "a9c7b1f2e", "4d6a8c0b9e, as", " ok."));
    byte[] bytes = utf8(stream);
    for (int cut = 0; cut < bytes.length; cut += 11) {
      RewrittenBody body = ADAPTER.rewriteResponse(pieces(bytes, null, cut), true, guard(), withheld());
      Result result = readAll(body, 64);
      assertThat(body.withheld()).isTrue();
      assertThat(result.text()).doesNotContain(TOKEN).doesNotContain("a9c7b1f2e").doesNotContain("STOP");
      List<String[]> events = events(result.bytes());
      String[] last = events.get(events.size() - 1);
      assertThat(last[0]).isNull();
      JsonNode error = json(last[1]).get("error");
      assertThat(error.get("status").textValue()).isEqualTo("PERMISSION_DENIED");
      assertThat(error.get("message").textValue()).startsWith("warden canary_leaked: ");
      assertThat(deltas(result.bytes(), TEXT_PART)).isEqualTo("Sure, " + NAME_VALUE + "! Reference ");
    }
  }

  private static String q(String text) {
    return dev.warden.agent.wire.rewrite.ProviderBodies.q(text);
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.getBytes(UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
