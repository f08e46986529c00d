package dev.warden.agent.wire.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.DecodedRequest;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.TextPartsBuilder;
import dev.warden.agent.wire.WireAdapter;
import dev.warden.agent.wire.json.LocatedJson;
import dev.warden.agent.wire.response.JsonBodyObserver;
import dev.warden.agent.wire.response.ResponseObserver;
import dev.warden.agent.wire.response.SummaryPaths;

/**
 * Gemini API {@code embedContent} (one {@code content}, message 0) and
 * {@code batchEmbedContents} (request {@code i}'s {@code content} is message {@code i}): the text
 * of each part, role user. The model is the path's; the answer has no usage to read.
 */
public final class GeminiEmbeddingsAdapter implements WireAdapter {

  public static final GeminiEmbeddingsAdapter INSTANCE = new GeminiEmbeddingsAdapter();

  private static final SummaryPaths JSON = SummaryPaths.builder().build();

  private GeminiEmbeddingsAdapter() {}

  @Override
  public DecodedRequest decode(Route route, byte[] body, String keyFingerprint) {
    JsonNode root = LocatedJson.parse(body);
    if (root == null || !root.isObject()) {
      return null;
    }
    TextPartsBuilder parts = new TextPartsBuilder();
    JsonNode requests = root.get("requests");
    if (requests != null && requests.isArray()) {
      for (int i = 0, n = requests.size(); i < n; i++) {
        addContent(parts, i, requests.get(i));
      }
    } else {
      addContent(parts, 0, root);
    }
    return parts.build(body, route, null, false, keyFingerprint, null);
  }

  private static void addContent(TextPartsBuilder parts, int index, JsonNode request) {
    JsonNode content = request.get("content");
    if (content != null && content.isObject()) {
      GeminiAdapter.addParts(parts, index, "user", content.get("parts"));
    }
  }

  @Override
  public ResponseObserver observeResponse(boolean eventStream) {
    return new JsonBodyObserver(JSON);
  }
}
