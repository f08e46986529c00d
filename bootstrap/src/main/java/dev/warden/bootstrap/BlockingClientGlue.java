package dev.warden.bootstrap;

/**
 * The glue Warden defines next to a blocking HTTP client library (Apache HttpClient 5's classic
 * client): what the advice on that library's execute funnel calls, through
 * {@link WardenBridge#onBlockingExecute}. Library objects cross as {@code Object}: the boot loader
 * cannot see the library.
 */
public interface BlockingClientGlue {

  /**
   * Starts one execution of {@code request} (to {@code target}, which may be null): has an LLM
   * call decided and applies the decision to the request. Null when the call passes untouched.
   * Total: its own failure follows {@code onError}.
   */
  BlockingExchange begin(Object target, Object request);
}
