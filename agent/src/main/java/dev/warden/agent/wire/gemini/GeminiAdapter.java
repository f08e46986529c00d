package dev.warden.agent.wire.gemini;

import static dev.warden.agent.wire.json.JsonFields.integer;
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
 * Gemini API {@code generateContent} and {@code streamGenerateContent}: the path names the model
 * and whether the answer streams, so one instance serves each action. Reads
 * {@code systemInstruction.parts[].text} (role system, message 0), each {@code contents[]} item's
 * parts under its role ({@code model} becomes assistant, no role is user): {@code text}, the string
 * values of a {@code functionCall}'s {@code args}, and of a {@code functionResponse}'s
 * {@code response} as role tool; and {@code generationConfig.maxOutputTokens}. The REST API also
 * accepts snake_case member names ({@code system_instruction}, {@code function_call}, …): both are
 * read. Other parts (inline data, files, code) are kept but not read.
 */
public final class GeminiAdapter implements WireAdapter {

  /** {@code models/MODEL:generateContent}: one JSON answer. */
  public static final GeminiAdapter GENERATE = new GeminiAdapter(false);

  /** {@code models/MODEL:streamGenerateContent}: an event stream (with {@code ?alt=sse}). */
  public static final GeminiAdapter STREAM = new GeminiAdapter(true);

  /** A GenerateContentResponse; a stream sends one per event, the last with the finish reason and usage. */
  static final SummaryPaths JSON = paths().build();

  /** The stream has no end event: the event that carries a finish reason is its last. */
  static final SummaryPaths EVENTS = paths().endsAtFinishReason().build();

  private static final List<String> OUTPUT_TOKEN_FIELDS = List.of("maxOutputTokens");

  private final boolean stream;

  private GeminiAdapter(boolean stream) {
    this.stream = stream;
  }

  private static SummaryPaths.Builder paths() {
    return SummaryPaths.builder()
        .add(Target.MODEL, "modelVersion")
        .add(Target.INPUT_TOKENS, "usageMetadata", "promptTokenCount")
        .add(Target.OUTPUT_TOKENS, "usageMetadata", "candidatesTokenCount")
        .add(Target.FINISH_REASON, "candidates", SummaryPaths.ANY_ELEMENT, "finishReason");
  }

  @Override
  public DecodedRequest decode(Route route, byte[] body, String keyFingerprint) {
    JsonNode root = LocatedJson.parse(body);
    if (root == null || !root.isObject()) {
      return null;
    }
    TextPartsBuilder parts = new TextPartsBuilder();
    JsonNode system = member(root, "systemInstruction", "system_instruction");
    int first = 0;
    if (system != null && system.isObject()) {
      addParts(parts, 0, "system", system.get("parts"));
      first = 1;
    }
    JsonNode contents = root.get("contents");
    if (contents != null && contents.isArray()) {
      for (int i = 0, n = contents.size(); i < n; i++) {
        JsonNode content = contents.get(i);
        if (content.isObject()) {
          addParts(parts, first + i, roleOf(content), content.get("parts"));
        }
      }
    }
    JsonNode config = member(root, "generationConfig", "generation_config");
    Integer maxTokens = config == null ? null : integer(config, "maxOutputTokens");
    if (maxTokens == null && config != null) {
      maxTokens = integer(config, "max_output_tokens");
    }
    // the path names the model; a body that names one too (embeddings do) is not asked
    return parts.build(body, route, null, stream, keyFingerprint, maxTokens);
  }

  private static String roleOf(JsonNode content) {
    String role = text(content, "role");
    return role == null || role.equals("user") ? "user" : role.equals("model") ? "assistant" : role;
  }

  /** The text of each part, the string values of function call arguments and of function responses (role tool). */
  static void addParts(TextPartsBuilder parts, int index, String role, JsonNode list) {
    if (list == null || !list.isArray()) {
      return;
    }
    for (int j = 0, n = list.size(); j < n; j++) {
      JsonNode part = list.get(j);
      if (!part.isObject()) {
        continue;
      }
      parts.add(index, role, part.get("text"));
      JsonNode call = member(part, "functionCall", "function_call");
      if (call != null) {
        parts.addStrings(index, role, call.get("args"));
      }
      JsonNode response = member(part, "functionResponse", "function_response");
      if (response != null) {
        parts.addStrings(index, "tool", response.get("response"));
      }
    }
  }

  /** The member under its camelCase name, else its snake_case one. */
  static JsonNode member(JsonNode object, String camel, String snake) {
    JsonNode value = object.get(camel);
    return value != null ? value : object.get(snake);
  }

  @Override
  public List<String> outputTokenFields() {
    return OUTPUT_TOKEN_FIELDS;
  }

  @Override
  public String outputTokenContainer() {
    return "generationConfig";
  }

  @Override
  public ResponseObserver observeResponse(boolean eventStream) {
    return eventStream ? new SseStreamObserver(EVENTS) : new JsonBodyObserver(JSON);
  }

  @Override
  public CompletionTexts completionTexts() {
    return GeminiTexts.INSTANCE;
  }
}
