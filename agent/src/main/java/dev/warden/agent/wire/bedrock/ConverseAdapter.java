package dev.warden.agent.wire.bedrock;

import static dev.warden.agent.wire.json.JsonFields.integer;
import static dev.warden.agent.wire.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.DecodedRequest;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.TextPartsBuilder;
import dev.warden.agent.wire.WireAdapter;
import dev.warden.agent.wire.json.LocatedJson;
import dev.warden.agent.wire.response.EventStreamObserver;
import dev.warden.agent.wire.response.JsonBodyObserver;
import dev.warden.agent.wire.response.ResponseObserver;
import dev.warden.agent.wire.response.SummaryPaths;
import dev.warden.agent.wire.response.SummaryPaths.Target;
import dev.warden.agent.wire.rewrite.PushRewrite;
import dev.warden.agent.wire.rewrite.RewrittenBody;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.InputStream;
import java.util.List;

/**
 * Bedrock Converse ({@code /converse}) and ConverseStream ({@code /converse-stream}); the model is
 * the path's. Reads {@code system[].text} (role system), each message's {@code content[].text}
 * under its role, the text of {@code toolResult.content[]} as role tool, the strings of
 * {@code toolUse.input}, and {@code inferenceConfig.maxTokens}. Images, documents, guard content
 * and reasoning are kept but not read. Amazon Nova's InvokeModel body has the same shape.
 */
public final class ConverseAdapter implements WireAdapter {

  public static final ConverseAdapter PLAIN = new ConverseAdapter(false);
  public static final ConverseAdapter STREAM = new ConverseAdapter(true);

  private static final List<String> OUTPUT_TOKEN_FIELDS = List.of("maxTokens");

  static final SummaryPaths JSON = SummaryPaths.builder()
      .add(Target.INPUT_TOKENS, "usage", "inputTokens")
      .add(Target.OUTPUT_TOKENS, "usage", "outputTokens")
      .add(Target.STOP_REASON, "stopReason")
      .build();

  /** {@code messageStop} carries the stop reason, {@code metadata} (the last event) the usage. */
  static final SummaryPaths STREAM_PATHS = SummaryPaths.builder()
      .add(Target.INPUT_TOKENS, "usage", "inputTokens")
      .add(Target.OUTPUT_TOKENS, "usage", "outputTokens")
      .add(Target.STOP_REASON, "stopReason")
      .terminalEvents("messageStop")
      .build();

  private final boolean stream;

  private ConverseAdapter(boolean stream) {
    this.stream = stream;
  }

  @Override
  public DecodedRequest decode(Route route, byte[] body, String keyFingerprint) {
    JsonNode root = LocatedJson.parse(body);
    if (root == null || !root.isObject()) {
      return null;
    }
    TextPartsBuilder parts = new TextPartsBuilder();
    int first = read(root, parts);
    JsonNode config = root.get("inferenceConfig");
    Integer maxTokens = config == null ? null : integer(config, "maxTokens");
    if (maxTokens == null && config != null) {
      maxTokens = integer(config, "max_new_tokens"); // Nova's InvokeModel spelling
    }
    return first < 0 ? null : parts.build(body, route, null, stream, keyFingerprint, maxTokens);
  }

  @Override
  public List<String> outputTokenFields() {
    return OUTPUT_TOKEN_FIELDS;
  }

  /** Converse limits the output inside {@code inferenceConfig}, which a clamp creates when absent. */
  @Override
  public String outputTokenContainer() {
    return "inferenceConfig";
  }

  /** Adds the parts of a Converse-shaped body; returns -1 when {@code messages} is missing. */
  static int read(JsonNode root, TextPartsBuilder parts) {
    JsonNode messages = root.get("messages");
    if (messages == null || !messages.isArray()) {
      return -1;
    }
    int first = 0;
    JsonNode system = root.get("system");
    if (system != null && system.isArray() && system.size() > 0) {
      for (JsonNode block : system) {
        parts.add(0, "system", block.get("text"));
      }
      first = 1;
    }
    for (int i = 0, n = messages.size(); i < n; i++) {
      JsonNode message = messages.get(i);
      if (message.isObject()) {
        String role = text(message, "role");
        addContent(parts, first + i, role != null ? role : "user", message.get("content"));
      }
    }
    return first;
  }

  private static void addContent(TextPartsBuilder parts, int index, String role, JsonNode content) {
    if (content == null || !content.isArray()) {
      return;
    }
    for (JsonNode block : content) {
      if (!block.isObject()) {
        continue;
      }
      parts.add(index, role, block.get("text"));
      JsonNode toolResult = block.get("toolResult");
      if (toolResult != null && toolResult.get("content") != null) {
        for (JsonNode result : toolResult.get("content")) {
          parts.add(index, "tool", result.get("text"));
          parts.addStrings(index, "tool", result.get("json"));
        }
      }
      JsonNode toolUse = block.get("toolUse");
      if (toolUse != null) {
        parts.addStrings(index, role, toolUse.get("input"));
      }
    }
  }

  @Override
  public ResponseObserver observeResponse(boolean eventStream) {
    return eventStream ? new EventStreamObserver(STREAM_PATHS, false) : new JsonBodyObserver(JSON);
  }

  @Override
  public RewrittenBody rewriteResponse(InputStream body, boolean eventStream, CompletionRewriter rewriter,
      byte[] withheldBody) {
    if (rewriter == null) {
      return RewrittenBody.unchanged(body);
    }
    return eventStream
        ? RewrittenBody.of(body, new EventStreamRewrite(rewriter, ConverseTexts.INSTANCE, false, withheldBody))
        : RewrittenBody.of(body, false, rewriter, ConverseTexts.INSTANCE, withheldBody);
  }

  @Override
  public PushRewrite pushRewrite(boolean eventStream, CompletionRewriter rewriter, byte[] withheldBody) {
    return eventStream && rewriter != null ? new EventStreamRewrite(rewriter, ConverseTexts.INSTANCE, false, withheldBody) : null;
  }
}
