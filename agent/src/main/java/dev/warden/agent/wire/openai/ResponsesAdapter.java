package dev.warden.agent.wire.openai;

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
 * OpenAI Responses ({@code POST /v1/responses}). Reads {@code model}, {@code stream},
 * {@code max_output_tokens}, {@code instructions} (role system) and {@code input}: a string (role
 * user) or an array of items. Message items (with or without {@code type: message}) give their
 * {@code content} string or the {@code text} of their {@code input_text} / {@code output_text}
 * parts under their own role; {@code function_call_output} and {@code custom_tool_call_output}
 * items give their {@code output} (a string, or the text of its {@code input_text} parts) as role
 * tool. Other items (function calls, reasoning, files, images) are kept but not read.
 */
public final class ResponsesAdapter implements WireAdapter {

  public static final ResponsesAdapter INSTANCE = new ResponsesAdapter();

  /** A response object. */
  static final SummaryPaths JSON = SummaryPaths.builder()
      .add(Target.MODEL, "model")
      .add(Target.INPUT_TOKENS, "usage", "input_tokens")
      .add(Target.OUTPUT_TOKENS, "usage", "output_tokens")
      .add(Target.STATUS, "status")
      .add(Target.INCOMPLETE_REASON, "incomplete_details", "reason")
      .build();

  /**
   * Semantic events; the response object (with usage) arrives whole in the terminal
   * {@code response.completed}, {@code response.incomplete} or {@code response.failed} event.
   */
  static final SummaryPaths STREAM = SummaryPaths.builder()
      .add(Target.EVENT_TYPE, "type")
      .add(Target.MODEL, "response", "model")
      .add(Target.INPUT_TOKENS, "response", "usage", "input_tokens")
      .add(Target.OUTPUT_TOKENS, "response", "usage", "output_tokens")
      .add(Target.STATUS, "response", "status")
      .add(Target.INCOMPLETE_REASON, "response", "incomplete_details", "reason")
      .terminalEvents("response.completed", "response.incomplete", "response.failed")
      .build();

  private ResponsesAdapter() {}

  @Override
  public DecodedRequest decode(Route route, byte[] body, String keyFingerprint) {
    JsonNode root = LocatedJson.parse(body);
    if (root == null || !root.isObject()) {
      return null;
    }
    TextPartsBuilder parts = new TextPartsBuilder();
    int first = parts.add(0, "system", root.get("instructions")) ? 1 : 0;
    JsonNode input = root.get("input");
    if (input != null && input.isArray()) {
      for (int i = 0, n = input.size(); i < n; i++) {
        JsonNode item = input.get(i);
        if (item.isObject()) {
          addItem(parts, first + i, item);
        }
      }
    } else {
      parts.add(first, "user", input);
    }
    return parts.build(body, route, text(root, "model"), isTrue(root, "stream"), keyFingerprint,
        integer(root, "max_output_tokens"));
  }

  private static void addItem(TextPartsBuilder parts, int index, JsonNode item) {
    String type = text(item, "type");
    if (type == null || type.equals("message")) {
      addContent(parts, index, ChatCompletionsAdapter.roleOf(item), item.get("content"));
    } else if (type.equals("function_call_output") || type.equals("custom_tool_call_output")) {
      addContent(parts, index, "tool", item.get("output"));
    } else if (type.equals("function_call")) {
      parts.add(index, "assistant", item.get("arguments"));
    } else if (type.equals("custom_tool_call")) {
      parts.add(index, "assistant", item.get("input"));
    }
  }

  private static void addContent(TextPartsBuilder parts, int index, String role, JsonNode content) {
    if (content == null) {
      return;
    }
    if (content.isArray()) {
      for (int j = 0, n = content.size(); j < n; j++) {
        JsonNode part = content.get(j);
        String type = text(part, "type");
        if ("input_text".equals(type) || "output_text".equals(type)) {
          parts.add(index, role, part.get("text"));
        }
      }
    } else {
      parts.add(index, role, content);
    }
  }

  @Override
  public List<String> outputTokenFields() {
    return OUTPUT_TOKEN_FIELDS;
  }

  private static final List<String> OUTPUT_TOKEN_FIELDS = List.of("max_output_tokens");

  @Override
  public ResponseObserver observeResponse(boolean eventStream) {
    return eventStream ? new SseStreamObserver(STREAM) : new JsonBodyObserver(JSON);
  }

  @Override
  public CompletionTexts completionTexts() {
    return ResponseTexts.INSTANCE;
  }
}
