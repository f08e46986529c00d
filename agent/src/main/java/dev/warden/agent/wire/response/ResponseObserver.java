package dev.warden.agent.wire.response;

/**
 * Watches one response body go by and extracts what telemetry needs, without changing or keeping
 * the bytes. One instance per response; not thread-safe. Implementations never throw: a body they
 * cannot read yields a summary with nulls.
 */
public interface ResponseObserver {

  /**
   * Sees the next bytes of the body. The array is only read during the call and never kept or
   * modified.
   */
  void onBytes(byte[] bytes, int offset, int length);

  /**
   * The body ended: reached its end or was closed early. Called at most once; after it, no
   * further {@link #onBytes} calls are made.
   *
   * @return what was found; never null
   */
  ResponseSummary finish();
}
