package dev.warden.agent.wire.openai;

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
 * OpenAI Chat Completions ({@code POST /v1/chat/completions}). Reads {@code model}, {@code stream},
 * {@code max_completion_tokens} (or the older {@code max_tokens}) and every message's text: a
 * {@code content} string, or the {@code text} of each {@code type: text} part of a content array
 * (other part types are kept but not read), and the {@code function.arguments} string of each
 * earlier {@code tool_calls} entry. Messages of any role, {@code tool} included, keep their role; a
 * message without one counts as {@code user}.
 */
public final class ChatCompletionsAdapter implements WireAdapter {

  public static final ChatCompletionsAdapter INSTANCE = new ChatCompletionsAdapter();

  /** A chat.completion object. */
  static final SummaryPaths JSON = SummaryPaths.builder()
      .add(Target.MODEL, "model")
      .add(Target.INPUT_TOKENS, "usage", "prompt_tokens")
      .add(Target.OUTPUT_TOKENS, "usage", "completion_tokens")
      .add(Target.FINISH_REASON, "choices", SummaryPaths.ANY_ELEMENT, "finish_reason")
      .build();

  /**
   * chat.completion.chunk events, ended by {@code data: [DONE]}; usage arrives in a last chunk
   * with empty choices when the request asked for {@code stream_options.include_usage}.
   */
  static final SummaryPaths STREAM = SummaryPaths.builder()
      .add(Target.MODEL, "model")
      .add(Target.INPUT_TOKENS, "usage", "prompt_tokens")
      .add(Target.OUTPUT_TOKENS, "usage", "completion_tokens")
      .add(Target.FINISH_REASON, "choices", SummaryPaths.ANY_ELEMENT, "finish_reason")
      .doneData("[DONE]")
      .build();

  private ChatCompletionsAdapter() {}

  @Override
  public DecodedRequest decode(Route route, byte[] body, String keyFingerprint) {
    JsonNode root = LocatedJson.parse(body);
    if (root == null || !root.isObject()) {
      return null;
    }
    TextPartsBuilder parts = new TextPartsBuilder();
    JsonNode messages = root.get("messages");
    if (messages != null && messages.isArray()) {
      for (int i = 0, n = messages.size(); i < n; i++) {
        JsonNode message = messages.get(i);
        if (message.isObject()) {
          String role = roleOf(message);
          addContent(parts, i, role, message.get("content"));
          addToolCallArguments(parts, i, role, message.get("tool_calls"));
        }
      }
    }
    Integer maxTokens = integer(root, "max_completion_tokens");
    if (maxTokens == null) {
      maxTokens = integer(root, "max_tokens");
    }
    return parts.build(body, route, text(root, "model"), isTrue(root, "stream"), keyFingerprint, maxTokens);
  }

  private static void addContent(TextPartsBuilder parts, int index, String role, JsonNode content) {
    if (content == null) {
      return;
    }
    if (content.isArray()) {
      for (int j = 0, n = content.size(); j < n; j++) {
        JsonNode part = content.get(j);
        if (hasType(part, "text")) {
          parts.add(index, role, part.get("text"));
        }
      }
    } else {
      parts.add(index, role, content);
    }
  }

  /** The arguments of earlier tool calls: a JSON document in a string, scanned as text. */
  private static void addToolCallArguments(TextPartsBuilder parts, int index, String role, JsonNode toolCalls) {
    if (toolCalls == null || !toolCalls.isArray()) {
      return;
    }
    for (int j = 0, n = toolCalls.size(); j < n; j++) {
      JsonNode function = toolCalls.get(j).get("function");
      if (function != null) {
        parts.add(index, role, function.get("arguments"));
      }
    }
  }

  static String roleOf(JsonNode message) {
    String role = text(message, "role");
    return role != null ? role : "user";
  }

  @Override
  public List<String> outputTokenFields() {
    return OUTPUT_TOKEN_FIELDS;
  }

  private static final List<String> OUTPUT_TOKEN_FIELDS = List.of("max_completion_tokens", "max_tokens");

  @Override
  public ResponseObserver observeResponse(boolean eventStream) {
    return eventStream ? new SseStreamObserver(STREAM) : new JsonBodyObserver(JSON);
  }

  @Override
  public CompletionTexts completionTexts() {
    return ChatCompletionTexts.INSTANCE;
  }
}
