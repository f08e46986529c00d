package dev.warden.agent.wire.rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where one response format keeps its completion text: which strings of a JSON response to
 * rewrite whole, and, in its event stream, which events carry text deltas, which carry whole
 * texts, and where each channel (a choice, a content part or block) ends. Implementations are
 * stateless singletons living next to their wire adapter; all state of a stream is in the
 * {@link StreamEdit}. Methods may throw on shapes they do not expect: the caller then passes the
 * body or event through unchanged.
 */
public interface CompletionTexts {

  /**
   * Adds the completion text strings of a whole JSON response.
   *
   * @param root the response parsed by {@link dev.warden.agent.wire.json.LocatedJson}
   * @param out  receives the string nodes to rewrite with {@code CompletionRewriter.rewrite}
   */
  void collect(JsonNode root, List<JsonNode> out);

  /**
   * Handles one stream event through {@code edit}: feeds text deltas to their channel, rewrites
   * whole texts, ends channels.
   *
   * @param name the event's {@code event} field, or null
   * @param data the event's data parsed by {@link dev.warden.agent.wire.json.LocatedJson}, or null
   *     when it is not one JSON value
   * @param raw  the event's data bytes (for sentinels such as {@code [DONE]}); not modified
   * @return false when the event could not be read (counted as left unread), true otherwise
   */
  boolean onEvent(String name, JsonNode data, byte[] raw, StreamEdit edit);

  /**
   * The data of an extra delta event for {@code channel} that carries {@code text}: a copy of the
   * channel's last delta event with its text replaced (and whatever else must not repeat, such
   * as log probabilities, cleared). Must not modify {@code template}.
   */
  JsonNode deltaCopy(Object channel, JsonNode template, String text);
}
