package dev.warden.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;

/**
 * Bedrock Runtime's wire format, as the service sends it: Converse JSON, ConverseStream as binary
 * event-stream messages (messageStart, contentBlockDelta…, contentBlockStop, messageStop,
 * metadata), InvokeModel bodies of the Anthropic (a Messages message) and Meta Llama families, and
 * InvokeModelWithResponseStream for Anthropic: each Messages stream event base64-encoded in a
 * {@code chunk} event, the last carrying Bedrock's invocation metrics.
 */
final class BedrockReplies {

  static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

  private BedrockReplies() {}

  static ObjectNode converse(Completion c) {
    ObjectNode response = PromptText.JSON.createObjectNode();
    ObjectNode message = response.putObject("output").putObject("message").put("role", "assistant");
    message.putArray("content").addObject().put("text", c.text());
    response.put("stopReason", "end_turn");
    response.set("usage", usage(c));
    response.putObject("metrics").put("latencyMs", 1);
    return response;
  }

  static void converseStream(EventStreamWriter events, Completion c) throws IOException {
    events.event("messageStart", json(PromptText.JSON.createObjectNode().put("p", "abcd").put("role", "assistant")));
    for (String piece : TextChunks.pieces(c.text())) {
      ObjectNode delta = PromptText.JSON.createObjectNode().put("contentBlockIndex", 0);
      delta.putObject("delta").put("text", piece);
      events.event("contentBlockDelta", json(delta.put("p", "abcdefgh")));
    }
    events.event("contentBlockStop", json(PromptText.JSON.createObjectNode().put("contentBlockIndex", 0).put("p", "ab")));
    events.event("messageStop", json(PromptText.JSON.createObjectNode().put("stopReason", "end_turn")));
    ObjectNode metadata = PromptText.JSON.createObjectNode();
    metadata.set("usage", usage(c));
    metadata.putObject("metrics").put("latencyMs", 1);
    events.event("metadata", json(metadata));
  }

  /** The InvokeModel answer of the model's family; null for a family the fake does not speak. */
  static ObjectNode invoke(String model, Completion c) {
    if (model.contains("anthropic.")) {
      return AnthropicReplies.message(c);
    }
    if (model.contains("meta.")) {
      return PromptText.JSON.createObjectNode().put("generation", c.text())
          .put("prompt_token_count", c.inputTokens()).put("generation_token_count", c.outputTokens())
          .put("stop_reason", "stop");
    }
    return null;
  }

  static void invokeStream(EventStreamWriter events, Completion c) throws IOException {
    AnthropicReplies.streamMessage((type, data) -> {
      if (type.equals("ping")) {
        return; // Bedrock drops the API's pings
      }
      if (type.equals("message_stop")) {
        data.putObject("amazon-bedrock-invocationMetrics").put("inputTokenCount", c.inputTokens())
            .put("outputTokenCount", c.outputTokens()).put("invocationLatency", 1).put("firstByteLatency", 1);
      }
      String bytes = Base64.getEncoder().encodeToString(json(data));
      events.event("chunk", json(PromptText.JSON.createObjectNode().put("bytes", bytes).put("p", "abcd")));
    }, c);
  }

  /** Bedrock's error shape; the SDK maps {@code x-amzn-ErrorType} to its exception. */
  static ObjectNode error(String message) {
    return PromptText.JSON.createObjectNode().put("message", message);
  }

  private static ObjectNode usage(Completion c) {
    return PromptText.JSON.createObjectNode().put("inputTokens", c.inputTokens()).put("outputTokens", c.outputTokens())
        .put("totalTokens", c.inputTokens() + c.outputTokens());
  }

  private static byte[] json(ObjectNode node) throws IOException {
    return PromptText.JSON.writeValueAsBytes(node);
  }
}
