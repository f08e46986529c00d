package dev.warden.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Anthropic's Messages wire format, as the real API sends it: a JSON message, or the named SSE
 * events message_start, content_block_start, ping, content_block_delta…, content_block_stop,
 * message_delta, message_stop; a tool use streams its input as {@code partial_json} fragments cut
 * anywhere.
 */
final class AnthropicReplies {

  /** Chars per streamed fragment of a tool's input. */
  private static final int INPUT_FRAGMENT = 5;

  private AnthropicReplies() {}

  /** Where a stream's events go: SSE for the API, base64 chunks for Bedrock's InvokeModel stream. */
  @FunctionalInterface
  interface Events {
    void event(String type, ObjectNode data) throws IOException;
  }

  static ObjectNode message(Completion c) {
    ObjectNode message = envelope(c);
    message.putArray("content")
        .add(c.isToolCall() ? toolUseBlock(c, parse(c.text())) : textBlock(c.text()).putNull("citations"));
    message.put("stop_reason", c.isToolCall() ? "tool_use" : "end_turn");
    message.putNull("stop_sequence");
    message.set("usage", usage(c.inputTokens(), c.outputTokens()));
    return message;
  }

  static void streamMessage(Events events, Completion c) throws IOException {
    ObjectNode start = envelope(c);
    start.putArray("content");
    start.putNull("stop_reason");
    start.putNull("stop_sequence");
    start.set("usage", usage(c.inputTokens(), 1));
    events.event("message_start", event("message_start").set("message", start));
    ObjectNode block = c.isToolCall() ? toolUseBlock(c, PromptText.JSON.createObjectNode()) : textBlock("");
    events.event("content_block_start", event("content_block_start").put("index", 0).set("content_block", block));
    events.event("ping", event("ping"));
    if (c.isToolCall()) {
      for (String fragment : TextChunks.fragments(c.text(), INPUT_FRAGMENT)) {
        ObjectNode delta = event("content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "input_json_delta").put("partial_json", fragment);
        events.event("content_block_delta", delta);
      }
    } else {
      for (String piece : TextChunks.pieces(c.text())) {
        ObjectNode delta = event("content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "text_delta").put("text", piece);
        events.event("content_block_delta", delta);
      }
    }
    events.event("content_block_stop", event("content_block_stop").put("index", 0));
    ObjectNode messageDelta = event("message_delta");
    messageDelta.putObject("delta").put("stop_reason", c.isToolCall() ? "tool_use" : "end_turn").putNull("stop_sequence");
    messageDelta.putObject("usage")
        .put("input_tokens", c.inputTokens())
        .put("output_tokens", c.outputTokens())
        .put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", 0)
        .putNull("server_tool_use");
    events.event("message_delta", messageDelta);
    events.event("message_stop", event("message_stop"));
  }

  private static ObjectNode envelope(Completion c) {
    return PromptText.JSON.createObjectNode()
        .put("id", "msg_" + c.id())
        .put("type", "message")
        .put("role", "assistant")
        .put("model", c.model());
  }

  private static ObjectNode toolUseBlock(Completion c, JsonNode input) {
    ObjectNode block = PromptText.JSON.createObjectNode()
        .put("type", "tool_use")
        .put("id", "toolu_" + c.id())
        .put("name", c.toolName());
    block.set("input", input);
    block.putObject("caller").put("type", "direct");
    return block;
  }

  private static JsonNode parse(String json) {
    try {
      return PromptText.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("tool input is not JSON", e);
    }
  }

  private static ObjectNode textBlock(String text) {
    return PromptText.JSON.createObjectNode().put("type", "text").put("text", text);
  }

  private static ObjectNode usage(int inputTokens, int outputTokens) {
    ObjectNode usage = PromptText.JSON.createObjectNode()
        .put("input_tokens", inputTokens)
        .put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", 0);
    usage.putObject("cache_creation").put("ephemeral_5m_input_tokens", 0).put("ephemeral_1h_input_tokens", 0);
    usage.put("output_tokens", outputTokens);
    usage.putNull("server_tool_use");
    usage.put("service_tier", "standard");
    return usage;
  }

  private static ObjectNode event(String type) {
    return PromptText.JSON.createObjectNode().put("type", type);
  }

  static ObjectNode error(String type, String message) {
    ObjectNode root = PromptText.JSON.createObjectNode().put("type", "error");
    root.putObject("error").put("type", type).put("message", message);
    return root;
  }
}
