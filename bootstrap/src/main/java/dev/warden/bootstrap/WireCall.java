package dev.warden.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * One decided LLM request, as a transport hook sees it: either blocked (answer with the synthetic
 * response, no network call) or forwarded with {@link #requestBody()} and {@link #headers()}.
 */
public interface WireCall {

  /** True when the call is answered without the network: a block, or a response from Warden's cache. */
  boolean blocked();

  /** Status of the synthetic response when {@link #blocked()} or {@link #responseWithheld()}. */
  int blockStatus();

  /** Headers of the synthetic response when {@link #blocked()} or {@link #responseWithheld()}. */
  Map<String, String> blockHeaders();

  /** JSON body of the synthetic response when {@link #blocked()} or {@link #responseWithheld()}. */
  byte[] blockBody();

  /** The body to send; the very array that was passed in when nothing changed. */
  byte[] requestBody();

  /** Request headers to set (replacing any existing value); empty when none. */
  Map<String, String> headers();

  /**
   * True when {@link #onResponse} will rewrite the body (pseudonyms restored, completions
   * redacted), so a push-based transport must route the body through it.
   */
  boolean rewritesResponse();

  /**
   * Sees the response. Returns the stream the application must read: {@code body} itself when
   * Warden does not need to rewrite it. Never throws.
   */
  InputStream onResponse(int status, Map<String, List<String>> headers, InputStream body);

  /**
   * A watch on a response that {@link #rewritesResponse()} does not route through
   * {@link #onResponse}, for a push-based transport to feed; null when nothing needs to see it.
   * Never throws.
   */
  default ResponseWatch watchResponse(int status, Map<String, List<String>> headers) {
    return null;
  }

  /**
   * The response as a push-based transport delivers it: a filter that sees every byte and returns
   * what the application gets, or null when nothing needs to see the body. The push counterpart of
   * {@link #onResponse}; never throws.
   */
  default ResponseFilter filterResponse(int status, Map<String, List<String>> headers) {
    return null;
  }

  /**
   * True when the response may be withheld after it arrives ({@link #responseWithheld()}): the
   * policy checks the completion for a leak of the system prompt's canary. A transport that can
   * still choose the status the application sees should read a JSON (not event-stream) body
   * returned by {@link #onResponse} whole before answering.
   */
  default boolean mayWithholdResponse() {
    return false;
  }

  /**
   * The body {@link #onResponse} returned, read whole when the response may still be withheld and
   * is not an event stream, so that a transport can answer a withheld completion with the block
   * status instead ({@link #responseWithheld()} tells, once this returned); null when the body is
   * to be handed on as it arrives. Closes {@code seen} when it reads it.
   *
   * @param contentType the response's {@code Content-Type}, or null
   */
  default byte[] readWholeIfWithholdable(String contentType, InputStream seen) throws IOException {
    if (!mayWithholdResponse() || contentType != null && contentType.regionMatches(true, 0, "text/event-stream", 0, 17)) {
      return null;
    }
    try (InputStream in = seen) {
      return in.readAllBytes();
    }
  }

  /**
   * True once the body returned by {@link #onResponse} has been withheld: it carries the block
   * error instead of the completion (a JSON body whole, an event stream as its last event). A
   * transport that has not handed the response out yet answers with {@link #blockStatus()},
   * {@link #blockHeaders()} and {@link #blockBody()} instead.
   */
  default boolean responseWithheld() {
    return false;
  }

  /** The transport failed before a response arrived. Never throws. */
  void onFailure(Throwable error);
}
