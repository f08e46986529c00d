package dev.warden.agent.wire.eventstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.json.JsonSplicer;
import dev.warden.agent.wire.json.LocatedJson;
import dev.warden.agent.wire.json.LocatedText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The payload of an InvokeModelWithResponseStream {@code chunk} event, {@code {"bytes":"<base64>"}}:
 * the model family's own streaming event JSON, base64-encoded. Stateless.
 */
public final class ChunkPayload {

  private ChunkPayload() {}

  /** The decoded {@code bytes} of a chunk payload, or null when it is not one. */
  public static byte[] json(byte[] payload) {
    JsonNode bytes = bytesNode(payload);
    if (bytes == null) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(bytes.textValue());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code payload} with its {@code bytes} replaced by {@code json}, every other member kept. */
  public static byte[] withJson(byte[] payload, byte[] json) {
    JsonNode bytes = bytesNode(payload);
    if (bytes == null) {
      return of(json);
    }
    JsonSplicer splicer = new JsonSplicer();
    splicer.replace(((LocatedText) bytes).offset(), Base64.getEncoder().encodeToString(json));
    return splicer.apply(payload);
  }

  /** A chunk payload carrying {@code json}. */
  public static byte[] of(byte[] json) {
    return ("{\"bytes\":\"" + Base64.getEncoder().encodeToString(json) + "\"}").getBytes(StandardCharsets.US_ASCII);
  }

  private static JsonNode bytesNode(byte[] payload) {
    JsonNode root = LocatedJson.parse(payload);
    JsonNode bytes = root == null ? null : root.get("bytes");
    return bytes instanceof LocatedText ? bytes : null;
  }
}
