package dev.warden.agent.wire.openai;

import static dev.warden.agent.wire.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.DecodedRequest;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.TextPartsBuilder;
import dev.warden.agent.wire.WireAdapter;
import dev.warden.agent.wire.json.LocatedJson;
import dev.warden.agent.wire.response.JsonBodyObserver;
import dev.warden.agent.wire.response.ResponseObserver;
import dev.warden.agent.wire.response.SummaryPaths;
import dev.warden.agent.wire.response.SummaryPaths.Target;

/**
 * OpenAI Embeddings ({@code POST /v1/embeddings}). Reads {@code model} and {@code input}: a
 * string, or an array whose string elements each become a part (role user, message = array
 * index). Token-array inputs are kept but not read. Never a stream; no output token limit.
 */
public final class EmbeddingsAdapter implements WireAdapter {

  public static final EmbeddingsAdapter INSTANCE = new EmbeddingsAdapter();

  /** An embeddings list object: usage has prompt tokens only. */
  static final SummaryPaths JSON = SummaryPaths.builder()
      .add(Target.MODEL, "model")
      .add(Target.INPUT_TOKENS, "usage", "prompt_tokens")
      .build();

  private EmbeddingsAdapter() {}

  @Override
  public DecodedRequest decode(Route route, byte[] body, String keyFingerprint) {
    JsonNode root = LocatedJson.parse(body);
    if (root == null || !root.isObject()) {
      return null;
    }
    TextPartsBuilder parts = new TextPartsBuilder();
    JsonNode input = root.get("input");
    if (input != null && input.isArray()) {
      for (int i = 0, n = input.size(); i < n; i++) {
        parts.add(i, "user", input.get(i));
      }
    } else {
      parts.add(0, "user", input);
    }
    return parts.build(body, route, text(root, "model"), false, keyFingerprint, null);
  }

  @Override
  public ResponseObserver observeResponse(boolean eventStream) {
    // the endpoint never streams; a JSON parse of an unexpected stream just finds nothing
    return new JsonBodyObserver(JSON);
  }
}
