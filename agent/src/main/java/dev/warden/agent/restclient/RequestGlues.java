package dev.warden.agent.restclient;

import dev.warden.agent.WardenLog;
import dev.warden.agent.glue.LibraryGlue;
import dev.warden.bootstrap.RequestWrapGlue;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The request glue for each class loader that defines spring-web: its classes implement
 * spring-web's own request and response types, so {@link LibraryGlue} defines them next to it. A
 * version the glue does not link against is reported once and its calls pass unchecked.
 */
public final class RequestGlues {

  private static final String PACKAGE = "dev.warden.agent.restclient.";

  private final LibraryGlue glue;
  private final Set<ClassLoader> unfit = Collections.newSetFromMap(new WeakHashMap<>());

  public RequestGlues(ClassLoader agentLoader) {
    this.glue = new LibraryGlue(agentLoader, "warden-restclient", PACKAGE + "WardenRequestGlue",
        PACKAGE + "DecidingRequest", PACKAGE + "DecidedResponse");
  }

  /** The glue for the spring-web of {@code webLoader}, or null when this version does not fit. */
  public synchronized RequestWrapGlue glueFor(ClassLoader webLoader) {
    if (unfit.contains(webLoader)) {
      return null;
    }
    try {
      return (RequestWrapGlue) glue.instanceFor(webLoader);
    } catch (IllegalStateException e) {
      unfit.add(webLoader);
      WardenLog.error("RestClient calls on Reactor Netty are not checked: this spring-web does not fit Warden's glue ("
          + e.getCause() + ")");
      return null;
    }
  }
}
