package dev.warden.agent.wire.anthropic;

import static dev.warden.agent.wire.json.JsonFields.hasType;
import static dev.warden.agent.wire.json.JsonFields.integer;
import static dev.warden.agent.wire.json.JsonFields.isTrue;
import static dev.warden.agent.wire.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.DecodedRequest;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.TextPartsBuilder;
import dev.warden.agent.wire.WireAdapter;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.json.LocatedJson;
import dev.warden.agent.wire.response.JsonBodyObserver;
import dev.warden.agent.wire.response.ResponseObserver;
import dev.warden.agent.wire.response.SseStreamObserver;
import dev.warden.agent.wire.response.SummaryPaths;
import dev.warden.agent.wire.response.SummaryPaths.Target;
import java.util.List;

/**
 * Anthropic Messages ({@code POST /v1/messages}). Reads {@code model}, {@code stream},
 * {@code max_tokens}, {@code system} (a string or {@code text} blocks; role system) and each
 * message's {@code content}: a string, {@code text} blocks under the message's role, and
 * {@code tool_result} blocks as role tool (their {@code content} string or {@code text} blocks).
 * Other blocks (images, documents, tool use, thinking) are kept but not read.
 */
public final class MessagesAdapter implements WireAdapter {

  public static final MessagesAdapter INSTANCE = new MessagesAdapter();

  /** A message object. */
  static final SummaryPaths JSON = SummaryPaths.builder()
      .add(Target.MODEL, "model")
      .add(Target.INPUT_TOKENS, "usage", "input_tokens")
      .add(Target.OUTPUT_TOKENS, "usage", "output_tokens")
      .add(Target.STOP_REASON, "stop_reason")
      .build();

  /**
   * {@code message_start} carries the model and input tokens, {@code message_delta} the stop
   * reason and cumulative usage (output tokens, and input tokens on newer API versions),
   * {@code message_stop} ends the stream.
   */
  static final SummaryPaths STREAM = SummaryPaths.builder()
      .add(Target.EVENT_TYPE, "type")
      .add(Target.MODEL, "message", "model")
      .add(Target.INPUT_TOKENS, "message", "usage", "input_tokens")
      .add(Target.OUTPUT_TOKENS, "message", "usage", "output_tokens")
      .add(Target.INPUT_TOKENS, "usage", "input_tokens")
      .add(Target.OUTPUT_TOKENS, "usage", "output_tokens")
      .add(Target.STOP_REASON, "delta", "stop_reason")
      .terminalEvents("message_stop")
      .build();

  private MessagesAdapter() {}

  @Override
  public DecodedRequest decode(Route route, byte[] body, String keyFingerprint) {
    JsonNode root = LocatedJson.parse(body);
    if (root == null || !root.isObject()) {
      return null;
    }
    TextPartsBuilder parts = new TextPartsBuilder();
    JsonNode system = root.get("system");
    int first = 0;
    if (system != null && (system.isTextual() || system.isArray())) {
      addBlocks(parts, 0, "system", system);
      first = 1;
    }
    JsonNode messages = root.get("messages");
    if (messages != null && messages.isArray()) {
      for (int i = 0, n = messages.size(); i < n; i++) {
        JsonNode message = messages.get(i);
        if (message.isObject()) {
          String role = text(message, "role");
          addBlocks(parts, first + i, role != null ? role : "user", message.get("content"));
        }
      }
    }
    return parts.build(body, route, text(root, "model"), isTrue(root, "stream"), keyFingerprint,
        integer(root, "max_tokens"));
  }

  /** A content string, or an array of blocks of which text, tool_result and tool_use input are read. */
  private static void addBlocks(TextPartsBuilder parts, int index, String role, JsonNode content) {
    if (content == null) {
      return;
    }
    if (!content.isArray()) {
      parts.add(index, role, content);
      return;
    }
    for (int j = 0, n = content.size(); j < n; j++) {
      JsonNode block = content.get(j);
      if (hasType(block, "text")) {
        parts.add(index, role, block.get("text"));
      } else if (hasType(block, "tool_result")) {
        addToolResult(parts, index, block.get("content"));
      } else if (hasType(block, "tool_use")) {
        parts.addStrings(index, role, block.get("input"));
      }
    }
  }

  private static void addToolResult(TextPartsBuilder parts, int index, JsonNode content) {
    if (content == null) {
      return;
    }
    if (!content.isArray()) {
      parts.add(index, "tool", content);
      return;
    }
    for (int j = 0, n = content.size(); j < n; j++) {
      JsonNode block = content.get(j);
      if (hasType(block, "text")) {
        parts.add(index, "tool", block.get("text"));
      }
    }
  }

  @Override
  public List<String> outputTokenFields() {
    return OUTPUT_TOKEN_FIELDS;
  }

  private static final List<String> OUTPUT_TOKEN_FIELDS = List.of("max_tokens");

  @Override
  public ResponseObserver observeResponse(boolean eventStream) {
    return eventStream ? new SseStreamObserver(STREAM) : new JsonBodyObserver(JSON);
  }

  @Override
  public CompletionTexts completionTexts() {
    return MessageTexts.INSTANCE;
  }
}
