package dev.warden.bootstrap;

/**
 * The glue Warden defines next to an async HTTP client library (Apache HttpClient 5's
 * {@code CloseableHttpAsyncClient}): what the advice on that library's execute funnel calls,
 * through {@link WardenBridge#onAsyncExecute}. Library objects cross as {@code Object}: the boot
 * loader cannot see the library.
 */
public interface AsyncClientGlue {

  /**
   * Starts one execution of {@code requestProducer} (to {@code target}, which may be null) whose
   * response goes to {@code responseConsumer} and {@code callback} (null allowed): has an LLM call
   * decided and applies the decision. Null when the call passes untouched. Total: its own failure
   * follows {@code onError}.
   */
  AsyncExecution begin(Object target, Object requestProducer, Object responseConsumer, Object context,
      Object callback);
}
