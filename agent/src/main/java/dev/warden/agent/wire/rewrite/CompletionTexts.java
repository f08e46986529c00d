package dev.warden.agent.wire.rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Where one response format keeps its completion text: which strings of a JSON response to
 * rewrite whole, and, in its event stream, which events carry text deltas, which carry whole
 * texts, and where each channel (a choice, a content part or block, a tool call's arguments) ends.
 * Completion text and the string values of a tool call's input object are rewritten by the call's
 * rewriter; tool call arguments written as JSON text in a string, whole or in fragments, by its
 * {@link dev.warden.policies.pii.CompletionRewriter#forJsonText() JSON text variant}.
 * Implementations are stateless singletons living next to their wire adapter; all state of a
 * stream is in the {@link StreamEdit}. Methods may throw on shapes they do not expect: the caller
 * then passes the body or event through unchanged.
 */
public interface CompletionTexts {

  /**
   * Adds the strings to rewrite in a whole JSON response.
   *
   * @param root      the response parsed by {@link dev.warden.agent.wire.json.LocatedJson}
   * @param texts     receives the string nodes to rewrite with {@code CompletionRewriter.rewrite}:
   *     completion texts, string values inside tool input objects
   * @param jsonTexts receives the string nodes that hold JSON text (tool call arguments), to
   *     rewrite with {@code CompletionRewriter.forJsonText().rewrite}
   */
  void collect(JsonNode root, List<JsonNode> texts, List<JsonNode> jsonTexts);

  /**
   * Adds the strings of a whole JSON response that repeat request text (the Responses API echoes
   * {@code instructions}), to put back as the application sent them with
   * {@code CompletionRewriter.requestEcho}. None by default.
   */
  default void collectEchoes(JsonNode root, List<JsonNode> echoes) {}

  /**
   * Handles one stream event through {@code edit}: feeds text and argument deltas to their
   * channel, rewrites whole texts, ends channels.
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
   * channel's last delta event with its text (or argument fragment) replaced, and whatever else
   * must not repeat, such as log probabilities or a tool call's id, cleared. Must not modify
   * {@code template}.
   */
  JsonNode deltaCopy(Object channel, JsonNode template, String text);

  /**
   * The event that ends a stream with an error, in this format's shape, so that the SDK raises it
   * as the provider's own mid-stream error: the bytes of one complete SSE event.
   *
   * @param errorBody the provider-shaped error of a block response (UTF-8 JSON, one line)
   */
  byte[] errorEvent(byte[] errorBody);

  /** {@code event: NAME} and {@code data: DATA} lines and the blank line that ends an event. */
  static byte[] event(String name, byte[] data) {
    byte[] head = ("event: " + name + "\ndata: ").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(head, head.length + data.length + 2);
    System.arraycopy(data, 0, out, head.length, data.length);
    out[out.length - 2] = '\n';
    out[out.length - 1] = '\n';
    return out;
  }
}
