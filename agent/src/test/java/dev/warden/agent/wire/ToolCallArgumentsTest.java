package dev.warden.agent.wire;

import static dev.warden.agent.wire.WireTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.wire.anthropic.MessagesAdapter;
import dev.warden.agent.wire.openai.ChatCompletionsAdapter;
import dev.warden.agent.wire.openai.ResponsesAdapter;
import dev.warden.agent.wire.rewrite.ProviderBodies;
import dev.warden.agent.wire.rewrite.StreamChecks;
import dev.warden.agent.wire.rewrite.StreamChecks.DeltaShape;
import dev.warden.agent.wire.rewrite.StreamChecks.Result;
import dev.warden.policies.pii.CompletionRewriter;
import dev.warden.policies.pii.EmailRecognizer;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pseudonym.CompletionFilter;
import dev.warden.policies.pseudonym.PseudonymKey;
import dev.warden.policies.pseudonym.PseudonymVault;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Tool call arguments through the policy's own completion rewriter, in each format, whole and
 * streamed: the application gets the real values as valid JSON, with the model's own personal data
 * redacted under {@code completions: redact}.
 */
class ToolCallArgumentsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String EMPLOYEE_ID = "E-\"7\"\\12";

  private final PseudonymVault vault = new PseudonymVault(PseudonymKey.of(new byte[32]));
  private final String jane = vault.placeholderFor("EMAIL", "jane@example.com");
  private final String employee = vault.placeholderFor("EMPLOYEE_ID", EMPLOYEE_ID);
  private final String invented = jane.equals("<EMAIL_0000>") ? "<EMAIL_0001>" : "<EMAIL_0000>";
  /** JSON text, as the model writes the arguments. */
  private final String arguments = "{\"to\":\"" + jane + "\",\"id\":\"" + employee + "\",\"cc\":\"bob@evil.example.com\","
      + "\"note\":\"Hi\\nbob@evil.example.com, " + jane + "\",\"fake\":\"" + invented + "\",\"n\":7}";

  private final CompletionRewriter restoring = CompletionFilter.restoring(vault, null);
  private final CompletionRewriter redacting =
      CompletionFilter.restoring(vault, new PiiScanner(List.of(new EmailRecognizer()), List.of()));

  private static final DeltaShape CHAT = shape("\"arguments\":",
      node -> node.path("choices").path(0).path("delta").path("tool_calls").path(0).path("function").get("arguments"));
  private static final DeltaShape RESPONSES = shape("\"delta\":",
      node -> "response.function_call_arguments.delta".equals(node.path("type").asText()) ? node.get("delta") : null);
  private static final DeltaShape ANTHROPIC = shape("\"partial_json\":",
      node -> "input_json_delta".equals(node.path("delta").path("type").asText())
          ? node.path("delta").get("partial_json") : null);

  @Test
  void chatCompletionJsonAndStream() throws IOException {
    for (boolean redact : new boolean[] {false, true}) {
      CompletionRewriter rewriter = redact ? redacting : restoring;
      Result json = rewrite(ChatCompletionsAdapter.INSTANCE, false, ProviderBodies.chatCompletion("ok", arguments), rewriter);
      assertArguments(MAPPER.readTree(json.bytes()).at("/choices/1/message/tool_calls/0/function/arguments").textValue(),
          redact);

      Result stream = rewrite(ChatCompletionsAdapter.INSTANCE, true,
          ProviderBodies.chatToolStream(ProviderBodies.pieces(arguments, 3)), rewriter);
      assertArguments(StreamChecks.deltas(stream.bytes(), CHAT), redact);
      assertThat(stream.unreadable()).isZero();
    }
  }

  @Test
  void responsesJsonAndStream() throws IOException {
    for (boolean redact : new boolean[] {false, true}) {
      CompletionRewriter rewriter = redact ? redacting : restoring;
      Result json = rewrite(ResponsesAdapter.INSTANCE, false, ProviderBodies.response("ok", arguments), rewriter);
      assertArguments(MAPPER.readTree(json.bytes()).at("/output/1/arguments").textValue(), redact);

      Result stream = rewrite(ResponsesAdapter.INSTANCE, true,
          ProviderBodies.responsesToolStream(ProviderBodies.pieces(arguments, 3)), rewriter);
      assertArguments(StreamChecks.deltas(stream.bytes(), RESPONSES), redact);
      String streamed = StreamChecks.deltas(stream.bytes(), RESPONSES);
      for (String[] event : StreamChecks.events(stream.bytes())) {
        JsonNode data = MAPPER.readTree(event[1]);
        switch (event[0]) {
          case "response.function_call_arguments.done" -> assertThat(data.get("arguments").textValue()).isEqualTo(streamed);
          case "response.output_item.done" -> assertThat(data.at("/item/arguments").textValue()).isEqualTo(streamed);
          case "response.completed" -> assertThat(data.at("/response/output/0/arguments").textValue()).isEqualTo(streamed);
          default -> { }
        }
      }
    }
  }

  @Test
  void anthropicJsonAndStream() throws IOException {
    for (boolean redact : new boolean[] {false, true}) {
      CompletionRewriter rewriter = redact ? redacting : restoring;
      Result json = rewrite(MessagesAdapter.INSTANCE, false, ProviderBodies.message("ok", arguments, "end"), rewriter);
      assertArguments(MAPPER.writeValueAsString(MAPPER.readTree(json.bytes()).at("/content/1/input")), redact);

      Result stream = rewrite(MessagesAdapter.INSTANCE, true,
          ProviderBodies.anthropicToolStream(ProviderBodies.pieces(arguments, 3)), rewriter);
      assertArguments(StreamChecks.deltas(stream.bytes(), ANTHROPIC), redact);
    }
  }

  @Test
  void whatARedactingChannelHoldsComesJustBeforeTheChannelEnds() {
    String input = ProviderBodies.chatToolStream(ProviderBodies.pieces(arguments, 5));

    Result result = rewrite(ChatCompletionsAdapter.INSTANCE, true, input, redacting);

    List<String> events = StreamChecks.rawEvents(result.text());
    // role chunk, fragments…, the extra fragment, the finish chunk, usage, [DONE]
    assertThat(events.get(events.size() - 3)).contains("\"finish_reason\":\"tool_calls\"");
    String extra = events.get(events.size() - 4);
    assertThat(CHAT.of(extra.substring("data: ".length()).trim())).isNotEmpty();
    assertThat(extra).contains("{\"index\":0,\"function\":{\"arguments\":").doesNotContain("call_");
    assertThat(events).hasSize(StreamChecks.rawEvents(input).size() + 1);
  }

  private void assertArguments(String json, boolean redacted) throws IOException {
    JsonNode parsed = MAPPER.readTree(json);
    assertThat(parsed.get("to").textValue()).isEqualTo("jane@example.com");
    assertThat(parsed.get("id").textValue()).isEqualTo(EMPLOYEE_ID);
    assertThat(parsed.get("cc").textValue()).isEqualTo(redacted ? "[EMAIL]" : "bob@evil.example.com");
    assertThat(parsed.get("note").textValue())
        .isEqualTo("Hi\n" + (redacted ? "[EMAIL]" : "bob@evil.example.com") + ", jane@example.com");
    assertThat(parsed.get("fake").textValue()).isEqualTo(invented);
    assertThat(parsed.get("n").intValue()).isEqualTo(7);
  }

  private static Result rewrite(WireAdapter adapter, boolean stream, String body, CompletionRewriter rewriter) {
    return StreamChecks.readAll(
        adapter.rewriteResponse(StreamChecks.pieces(utf8(body), null), stream, rewriter), 8192);
  }

  private static DeltaShape shape(String field, Function<JsonNode, JsonNode> text) {
    return new DeltaShape(field, node -> {
      JsonNode value = text.apply(node);
      return value != null && value.isTextual() ? value.textValue() : null;
    });
  }
}
