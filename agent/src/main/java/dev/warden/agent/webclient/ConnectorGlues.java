package dev.warden.agent.webclient;

import dev.warden.agent.WardenLog;
import dev.warden.agent.glue.LibraryGlue;
import dev.warden.bootstrap.ReactiveClientGlue;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The glue for Spring's reactive connector for each class loader that defines spring-web: its
 * classes implement spring-web's own request and response types, so {@link LibraryGlue} defines
 * them next to it. A version the glue does not link against is reported once and its calls pass
 * unchecked.
 */
public final class ConnectorGlues {

  private static final String PACKAGE = "dev.warden.agent.webclient.";

  private final LibraryGlue glue;
  private final Set<ClassLoader> unfit = Collections.newSetFromMap(new WeakHashMap<>());

  public ConnectorGlues(ClassLoader agentLoader) {
    this.glue = new LibraryGlue(agentLoader, "warden-webclient", PACKAGE + "WardenConnectorGlue",
        PACKAGE + "CapturedRequest", PACKAGE + "ReplayedRequest", PACKAGE + "WardenClientResponse",
        "dev.warden.agent.glue.ReactiveBodyStream");
  }

  /** The glue for the spring-web of {@code webLoader}, or null when this version does not fit. */
  public synchronized ReactiveClientGlue glueFor(ClassLoader webLoader) {
    if (unfit.contains(webLoader)) {
      return null;
    }
    try {
      return (ReactiveClientGlue) glue.instanceFor(webLoader);
    } catch (IllegalStateException e) {
      unfit.add(webLoader);
      WardenLog.error("WebClient calls on Reactor Netty are not checked: this spring-web does not fit Warden's glue ("
          + e.getCause() + ")");
      return null;
    }
  }
}
