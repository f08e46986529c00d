package dev.warden.agent.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.json.LocatedText;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * Collects the text parts of one request, in logical order, together with where each one sits in
 * the body, then builds the {@link DecodedRequest}. One instance per decode; not thread-safe.
 */
public final class TextPartsBuilder {

  private final ArrayList<TextPart> parts = new ArrayList<>(16);
  private int[] offsets = new int[16];

  /**
   * Adds {@code node} as a part when it is a JSON string read by
   * {@link dev.warden.agent.wire.json.LocatedJson}; anything else (null, numbers, objects) is
   * ignored.
   *
   * @return whether a part was added
   */
  public boolean add(int message, String role, JsonNode node) {
    if (!(node instanceof LocatedText)) {
      return false;
    }
    LocatedText text = (LocatedText) node;
    int n = parts.size();
    if (n == offsets.length) {
      offsets = Arrays.copyOf(offsets, n * 2);
    }
    offsets[n] = text.offset();
    parts.add(new TextPart(message, role, text.textValue()));
    return true;
  }

  /**
   * Adds every string value inside {@code node} (an object or array of tool arguments, say), in
   * document order; field names are not text.
   */
  public void addStrings(int message, String role, JsonNode node) {
    if (node == null) {
      return;
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        addStrings(message, role, child);
      }
    } else {
      add(message, role, node);
    }
  }

  /** Number of parts added so far. */
  public int size() {
    return parts.size();
  }

  /**
   * Builds the decoded request.
   *
   * @param body  the body the parts were read from, with {@link dev.warden.agent.wire.json.LocatedJson}
   * @param model the model the body names; null falls back to the route's path model
   */
  public DecodedRequest build(byte[] body, Route route, String model, boolean stream, String keyFingerprint,
      Integer maxTokens) {
    Exchange exchange = new Exchange(route.provider(), route.operation(), model != null ? model : route.pathModel(), stream, keyFingerprint,
        maxTokens, parts);
    return new DecodedRequest(body, exchange, Arrays.copyOf(offsets, parts.size()));
  }
}
