package dev.warden.bootstrap;

/**
 * The glue Warden defines next to a client library whose funnel makes request objects (spring-web's
 * {@code ReactorClientHttpRequestFactory#createRequest}): wraps one in a request that has the call
 * decided when it executes. Library objects cross as {@code Object}: the boot loader cannot see them.
 */
public interface RequestWrapGlue {

  /** The request the application gets instead of {@code request}, or {@code request} itself. Total. */
  Object wrap(Object request);
}
