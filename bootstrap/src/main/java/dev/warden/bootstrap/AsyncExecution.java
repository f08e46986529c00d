package dev.warden.bootstrap;

/** One execution that {@link AsyncClientGlue#begin} took on. Total: never throws. */
public interface AsyncExecution {

  /**
   * Non-null when the execution was answered without the network: the future to return, already
   * complete (the application's consumer and callback have had the answer).
   */
  Object answer();

  /** The request producer to execute instead of the application's (when {@link #answer()} is null). */
  Object requestProducer();

  /** The response consumer to execute instead of the application's (when {@link #answer()} is null). */
  Object responseConsumer();
}
