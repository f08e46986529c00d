package dev.warden.policies.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The canonical form of a request body that names its cache entry: the JSON with every object's
 * members sorted by name and no white space, so that two requests that differ only in member order
 * or formatting share an entry. Numbers keep their exact value. Thread-safe.
 */
public final class CanonicalRequest {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  private CanonicalRequest() {}

  /** The canonical bytes of {@code body}; null when it is not a JSON object. */
  public static byte[] of(byte[] body) {
    JsonNode root = parse(body);
    return root == null ? null : of(root);
  }

  /** {@code body} as a JSON object, or null when it is not one. */
  static JsonNode parse(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      return root != null && root.isObject() ? root : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The canonical bytes of a parsed object. */
  static byte[] of(JsonNode root) {
    try {
      return JSON.writeValueAsBytes(sorted(root));
    } catch (IOException e) {
      throw new IllegalStateException("a parsed JSON tree always writes", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      for (String name : names) {
        out.set(name, sorted(node.get(name)));
      }
      return out;
    }
    if (node.isArray()) {
      var out = JSON.createArrayNode();
      for (JsonNode item : node) {
        out.add(sorted(item));
      }
      return out;
    }
    return node;
  }
}
