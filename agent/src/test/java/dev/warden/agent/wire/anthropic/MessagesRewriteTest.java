package dev.warden.agent.wire.anthropic;

import static dev.warden.agent.wire.WireTestSupport.utf8;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL_VALUE;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.NAME;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.NAME_VALUE;
import static dev.warden.agent.wire.rewrite.ProviderBodies.ARGUMENTS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.ARGUMENTS_EXPECTED;
import static dev.warden.agent.wire.rewrite.ProviderBodies.ARGUMENT_DELTAS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.DELTAS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.EXPECTED;
import static dev.warden.agent.wire.rewrite.ProviderBodies.TEXT;
import static dev.warden.agent.wire.rewrite.ProviderBodies.anthropicStream;
import static dev.warden.agent.wire.rewrite.ProviderBodies.anthropicToolStream;
import static dev.warden.agent.wire.rewrite.ProviderBodies.escaped;
import static dev.warden.agent.wire.rewrite.ProviderBodies.message;
import static dev.warden.agent.wire.rewrite.ProviderBodies.q;
import static dev.warden.agent.wire.rewrite.StreamChecks.checkCuts;
import static dev.warden.agent.wire.rewrite.StreamChecks.checkStream;
import static dev.warden.agent.wire.rewrite.StreamChecks.deltas;
import static dev.warden.agent.wire.rewrite.StreamChecks.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.wire.rewrite.PlaceholderRewriter;
import dev.warden.agent.wire.rewrite.ProviderBodies;
import dev.warden.agent.wire.rewrite.StreamChecks.DeltaShape;
import dev.warden.agent.wire.rewrite.StreamChecks.Result;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesRewriteTest {

  private static final MessagesAdapter ADAPTER = MessagesAdapter.INSTANCE;

  static final DeltaShape TEXT_DELTA = new DeltaShape("\"text\":", node ->
      "content_block_delta".equals(node.path("type").asText())
          && "text_delta".equals(node.path("delta").path("type").asText())
          ? node.path("delta").get("text").textValue() : null);

  static final DeltaShape PARTIAL_JSON = new DeltaShape("\"partial_json\":", node ->
      "content_block_delta".equals(node.path("type").asText())
          && "input_json_delta".equals(node.path("delta").path("type").asText())
          ? node.path("delta").get("partial_json").textValue() : null);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A tool input object: placeholders in string values at any depth, and in a key, which stays. */
  private static final String INPUT = "{\"to\":\"" + EMAIL + "\",\"n\":4155550123,\"more\":{\"cc\":[\"" + NAME
      + "\", 1, \"x " + EMAIL + " y\"]},\"" + EMAIL + "\":\"key\"}";

  @Test
  void jsonRestoresTextBlocksAndTheStringsOfToolInput() throws IOException {
    Result result = rewrite(ADAPTER, false, utf8(message(TEXT, INPUT, "Signed, " + NAME)));

    String input = "{\"to\":\"" + EMAIL_VALUE + "\",\"n\":4155550123,\"more\":{\"cc\":[\"" + escaped(NAME_VALUE)
        + "\", 1, \"x " + EMAIL_VALUE + " y\"]},\"" + EMAIL + "\":\"key\"}";
    assertThat(result.text()).isEqualTo(message(EXPECTED, input, "Signed, " + NAME_VALUE));
    assertThat(result.changes()).isEqualTo(5);
    assertThat(MAPPER.readTree(result.bytes()).at("/content/1/input/more/cc/0").textValue()).isEqualTo(NAME_VALUE);
  }

  @Test
  void streamRestoresInputJsonAndKeepsEveryOtherEvent() throws IOException {
    Result result = checkStream(ADAPTER, anthropicToolStream(ARGUMENT_DELTAS), PARTIAL_JSON, ARGUMENTS_EXPECTED,
        ProviderBodies::restoredJsonText, 0);

    JsonNode input = MAPPER.readTree(deltas(result.bytes(), PARTIAL_JSON));
    assertThat(input.at("/cc/0").textValue()).isEqualTo(NAME_VALUE);
  }

  @Test
  void streamOfInputJsonCutAnywhereReleasesWhatWasHeld() {
    checkCuts(ADAPTER, anthropicToolStream(ARGUMENT_DELTAS), PARTIAL_JSON, new PlaceholderRewriter().forJsonText()::rewrite);
  }

  @Test
  void heldInputJsonGoesOutAsACopyOfTheLastDeltaJustBeforeContentBlockStop() {
    Result result = rewrite(ADAPTER, true, utf8(anthropicToolStream(List.of("{\"to\":\"<EMA", "IL_1a2b>\",\"x\":\"<NA"))));

    assertThat(result.text()).isEqualTo(anthropicToolStream(List.of("{\"to\":\"", EMAIL_VALUE + "\",\"x\":\"", "<NA")));
  }

  @Test
  void streamRestoresDeltasAndKeepsEveryOtherEvent() {
    checkStream(ADAPTER, anthropicStream(DELTAS), TEXT_DELTA, 1);
  }

  @Test
  void streamCutAnywhereReleasesWhatWasHeld() {
    checkCuts(ADAPTER, anthropicStream(DELTAS), TEXT_DELTA);
  }

  @Test
  void heldTextGoesOutAsACopyOfTheLastDeltaJustBeforeContentBlockStop() {
    Result result = rewrite(ADAPTER, true, utf8(anthropicStream(List.of("Mail <EMA", "IL_1a2b> now <EM"))));

    assertThat(result.text()).isEqualTo(anthropicStream(List.of("Mail ", EMAIL_VALUE + " now ", "<EM")));
  }

  @Test
  void textAndToolInputBlocksAreChannelsAndThinkingIsNot() {
    String input = event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
        + "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}")
        + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"User is " + EMAIL + "\"}}")
        + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
        + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,"
        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
        + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Writing to <NAM\"}}")
        + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":2,"
        + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"send\",\"input\":{}}}")
        + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,"
        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"to\\\":\\\"" + EMAIL + "\\\"}\"}}")
        + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"E_77aa> <E\"}}")
        + event("message_stop", "{\"type\":\"message_stop\"}");

    Result result = rewrite(ADAPTER, true, utf8(input));

    assertThat(result.text()).isEqualTo(input
        .replace(q("Writing to <NAM"), q("Writing to "))
        .replace(q("E_77aa> <E"), q(NAME_VALUE + " "))
        .replace("\"partial_json\":\"{\\\"to\\\":\\\"" + EMAIL, "\"partial_json\":\"{\\\"to\\\":\\\"" + EMAIL_VALUE)
        // block 1 never stopped: message_stop flushes it first, the SDK takes nothing after message_stop
        .replace(event("message_stop", "{\"type\":\"message_stop\"}"),
            event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"<E\"}}")
                + event("message_stop", "{\"type\":\"message_stop\"}")));
  }

  private static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }
}
