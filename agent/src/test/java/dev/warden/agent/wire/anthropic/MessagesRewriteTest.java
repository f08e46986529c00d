package dev.warden.agent.wire.anthropic;

import static dev.warden.agent.wire.WireTestSupport.utf8;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL_VALUE;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.NAME;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.NAME_VALUE;
import static dev.warden.agent.wire.rewrite.ProviderBodies.DELTAS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.EXPECTED;
import static dev.warden.agent.wire.rewrite.ProviderBodies.TEXT;
import static dev.warden.agent.wire.rewrite.ProviderBodies.anthropicStream;
import static dev.warden.agent.wire.rewrite.ProviderBodies.message;
import static dev.warden.agent.wire.rewrite.ProviderBodies.q;
import static dev.warden.agent.wire.rewrite.StreamChecks.checkCuts;
import static dev.warden.agent.wire.rewrite.StreamChecks.checkStream;
import static dev.warden.agent.wire.rewrite.StreamChecks.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.rewrite.StreamChecks.DeltaShape;
import dev.warden.agent.wire.rewrite.StreamChecks.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesRewriteTest {

  private static final MessagesAdapter ADAPTER = MessagesAdapter.INSTANCE;

  static final DeltaShape TEXT_DELTA = new DeltaShape("\"text\":", node ->
      "content_block_delta".equals(node.path("type").asText())
          && "text_delta".equals(node.path("delta").path("type").asText())
          ? node.path("delta").get("text").textValue() : null);

  @Test
  void jsonRestoresTextBlocksAndLeavesToolInput() {
    Result result = rewrite(ADAPTER, false, utf8(message(TEXT, "Signed, " + NAME)));

    assertThat(result.text()).isEqualTo(message(EXPECTED, "Signed, " + NAME_VALUE));
    assertThat(result.text()).contains("\"input\":{\"to\":\"" + EMAIL + "\"}");
    assertThat(result.changes()).isEqualTo(2);
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
  void onlyTextDeltasOfTextBlocksAreChannels() {
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
