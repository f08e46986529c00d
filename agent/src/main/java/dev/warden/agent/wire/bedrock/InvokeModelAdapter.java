package dev.warden.agent.wire.bedrock;

import static dev.warden.agent.wire.json.JsonFields.integer;
import static dev.warden.agent.wire.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.DecodedRequest;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.TextPartsBuilder;
import dev.warden.agent.wire.WireAdapter;
import dev.warden.agent.wire.anthropic.MessageTexts;
import dev.warden.agent.wire.anthropic.MessagesAdapter;
import dev.warden.agent.wire.json.LocatedJson;
import dev.warden.agent.wire.response.EventStreamObserver;
import dev.warden.agent.wire.response.JsonBodyObserver;
import dev.warden.agent.wire.response.ResponseObserver;
import dev.warden.agent.wire.response.SummaryPaths;
import dev.warden.agent.wire.response.SummaryPaths.Target;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.rewrite.PushRewrite;
import dev.warden.agent.wire.rewrite.RewrittenBody;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Bedrock InvokeModel ({@code /invoke}, {@code /invoke-with-response-stream}): the body is the
 * model family's own, told by the model id ({@link ModelFamily}). Anthropic models take the
 * Messages body ({@code anthropic_version}, no model), read by {@link MessagesAdapter}. The other
 * families are read by their fields: {@code system} and {@code messages} (Nova: text blocks;
 * Mistral chat: strings), {@code prompt} (Llama, Mistral, Cohere Command), {@code inputText}
 * (Titan), {@code message}, {@code preamble} and {@code chat_history} (Cohere Command R). A body
 * with none of them cannot be checked and follows {@code onError}. A streamed response's chunks
 * carry the family's own stream events base64-encoded: observed for usage, and rewritten by
 * {@link EventStreamRewrite} with the family's texts (Anthropic's Messages events, the others'
 * {@link InvokeTexts}).
 */
final class InvokeModelAdapter implements WireAdapter {

  /** The completion and usage fields of every non-Anthropic family's response. */
  static final SummaryPaths JSON = SummaryPaths.builder()
      .add(Target.INPUT_TOKENS, "usage", "inputTokens")          // Nova
      .add(Target.OUTPUT_TOKENS, "usage", "outputTokens")
      .add(Target.INPUT_TOKENS, "prompt_token_count")            // Llama
      .add(Target.OUTPUT_TOKENS, "generation_token_count")
      .add(Target.INPUT_TOKENS, "inputTextTokenCount")           // Titan
      .add(Target.OUTPUT_TOKENS, "results", SummaryPaths.ANY_ELEMENT, "tokenCount")
      .add(Target.STOP_REASON, "stopReason")
      .add(Target.STOP_REASON, "stop_reason")
      .add(Target.STOP_REASON, "finish_reason")
      .add(Target.FINISH_REASON, "results", SummaryPaths.ANY_ELEMENT, "completionReason")
      .add(Target.FINISH_REASON, "outputs", SummaryPaths.ANY_ELEMENT, "stop_reason")
      .build();

  /** Every family's last chunk carries Bedrock's invocation metrics. */
  static final SummaryPaths STREAM = SummaryPaths.builder()
      .add(Target.INPUT_TOKENS, "amazon-bedrock-invocationMetrics", "inputTokenCount")
      .add(Target.OUTPUT_TOKENS, "amazon-bedrock-invocationMetrics", "outputTokenCount")
      .add(Target.STOP_REASON, "delta", "stop_reason")
      .add(Target.STOP_REASON, "stop_reason")
      .build();

  private final ModelFamily family;
  private final boolean stream;

  private InvokeModelAdapter(ModelFamily family, boolean stream) {
    this.family = family;
    this.stream = stream;
  }

  /** The adapter for an InvokeModel call to {@code modelId}. */
  static InvokeModelAdapter of(String modelId, boolean stream) {
    return new InvokeModelAdapter(ModelFamily.of(modelId), stream);
  }

  @Override
  public DecodedRequest decode(Route route, byte[] body, String keyFingerprint) {
    if (family == ModelFamily.ANTHROPIC) {
      return MessagesAdapter.INSTANCE.decode(route, body, keyFingerprint);
    }
    JsonNode root = LocatedJson.parse(body);
    if (root == null || !root.isObject()) {
      return null;
    }
    TextPartsBuilder parts = new TextPartsBuilder();
    if (!read(root, parts)) {
      return null;
    }
    return parts.build(body, route, null, stream, keyFingerprint, maxTokens(root));
  }

  /** Adds the parts of a family body; false when it has none of the known text fields. */
  private static boolean read(JsonNode root, TextPartsBuilder parts) {
    JsonNode messages = root.get("messages");
    if (messages != null && messages.isArray() && hasBlocks(messages)) {
      return ConverseAdapter.read(root, parts) >= 0; // Nova: Converse's shape
    }
    boolean known = false;
    int index = 0;
    for (String system : new String[] {"system", "preamble"}) {
      if (parts.add(index, "system", root.get(system))) {
        index++;
        known = true;
      }
    }
    JsonNode history = messages != null && messages.isArray() ? messages : root.get("chat_history");
    if (history != null && history.isArray()) {
      known = true;
      for (JsonNode message : history) {
        String role = text(message, "role");
        JsonNode content = message.has("content") ? message.get("content") : message.get("message");
        parts.add(index++, role == null ? "user" : role(role), content);
      }
    }
    for (String prompt : new String[] {"prompt", "inputText", "message"}) {
      if (parts.add(index, "user", root.get(prompt))) {
        index++;
        known = true;
      }
    }
    return known;
  }

  /** Whether the messages' content is an array of blocks (Nova) rather than a string (Mistral chat). */
  private static boolean hasBlocks(JsonNode messages) {
    for (JsonNode message : messages) {
      if (message.path("content").isArray()) {
        return true;
      }
    }
    return false;
  }

  /** Cohere's USER and CHATBOT, any case, as user and assistant. */
  private static String role(String role) {
    String lower = role.toLowerCase(Locale.ROOT);
    return lower.equals("chatbot") ? "assistant" : lower;
  }

  private static Integer maxTokens(JsonNode root) {
    Integer max = integer(root, "max_tokens");
    if (max == null) {
      max = integer(root, "max_gen_len");
    }
    JsonNode inference = root.get("inferenceConfig");
    if (max == null && inference != null) {
      max = integer(inference, "maxTokens");
      max = max != null ? max : integer(inference, "max_new_tokens");
    }
    JsonNode titan = root.get("textGenerationConfig");
    return max == null && titan != null ? integer(titan, "maxTokenCount") : max;
  }

  @Override
  public List<String> outputTokenFields() {
    return family.outputTokenFields();
  }

  @Override
  public ResponseObserver observeResponse(boolean eventStream) {
    if (eventStream) {
      return new EventStreamObserver(STREAM, true);
    }
    return family == ModelFamily.ANTHROPIC ? MessagesAdapter.INSTANCE.observeResponse(false) : new JsonBodyObserver(JSON);
  }

  @Override
  public RewrittenBody rewriteResponse(InputStream body, boolean eventStream, CompletionRewriter rewriter,
      byte[] withheldBody) {
    if (rewriter == null) {
      return RewrittenBody.unchanged(body);
    }
    if (eventStream) {
      return RewrittenBody.of(body, pushRewrite(true, rewriter, withheldBody));
    }
    return family == ModelFamily.ANTHROPIC
        ? MessagesAdapter.INSTANCE.rewriteResponse(body, false, rewriter, withheldBody)
        : RewrittenBody.of(body, false, rewriter, InvokeTexts.INSTANCE, withheldBody);
  }

  @Override
  public PushRewrite pushRewrite(boolean eventStream, CompletionRewriter rewriter, byte[] withheldBody) {
    if (!eventStream || rewriter == null) {
      return null;
    }
    CompletionTexts texts = family == ModelFamily.ANTHROPIC ? MessageTexts.INSTANCE : InvokeTexts.INSTANCE;
    return new EventStreamRewrite(rewriter, texts, true, withheldBody);
  }
}
