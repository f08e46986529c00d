package dev.warden.bootstrap;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * One decided LLM request, as a transport hook sees it: either blocked (answer with the synthetic
 * response, no network call) or forwarded with {@link #requestBody()} and {@link #headers()}.
 */
public interface WireCall {

  boolean blocked();

  /** Status of the synthetic response when {@link #blocked()}. */
  int blockStatus();

  /** Headers of the synthetic response when {@link #blocked()}. */
  Map<String, String> blockHeaders();

  /** JSON body of the synthetic response when {@link #blocked()}. */
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

  /** The transport failed before a response arrived. Never throws. */
  void onFailure(Throwable error);
}
