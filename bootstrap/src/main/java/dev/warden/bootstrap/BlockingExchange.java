package dev.warden.bootstrap;

/** One execution that {@link BlockingClientGlue#begin} took on. Total: never throws. */
public interface BlockingExchange {

  /** Non-null when the execution is answered without the network: the response to return. */
  Object answer();

  /**
   * The execution ended with {@code response}, or with {@code thrown} (then {@code response} is
   * null): puts the application's request back as it was and returns the response the
   * application gets (the rewritten or withheld one); null when {@code thrown} is not.
   */
  Object end(Object response, Throwable thrown);
}
