package dev.warden.bootstrap;

import java.net.URI;

/**
 * The glue Warden defines next to a reactive HTTP client library (Spring's
 * {@code ReactorClientHttpConnector}): what the advice on that library's connect funnel calls,
 * through {@link WardenBridge#onReactiveConnect}. Library objects cross as {@code Object}: the boot
 * loader cannot see the library.
 */
public interface ReactiveClientGlue {

  /**
   * The answer to one {@code connect(method, uri, requestCallback)} of {@code connector}: a
   * publisher of the response that has the call decided first (a blocked call never connects), or
   * null when the call passes untouched. Total: its own failure follows {@code onError}.
   */
  Object connect(Object connector, Object method, URI uri, Object requestCallback);
}
