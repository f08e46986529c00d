package dev.warden.agent.httpclient5;

import dev.warden.agent.WardenLog;
import dev.warden.agent.glue.LibraryGlue;
import dev.warden.bootstrap.BlockingClientGlue;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The Apache HttpClient 5 glue for each class loader that defines the library: its classes use the
 * application's own HttpClient, so {@link LibraryGlue} defines them next to it. A version the glue
 * does not link against is reported once and its calls pass unchecked.
 */
public final class ClassicGlues {

  private static final String PACKAGE = "dev.warden.agent.httpclient5.";

  private final LibraryGlue glue;
  private final Set<ClassLoader> unfit = Collections.newSetFromMap(new WeakHashMap<>());

  public ClassicGlues(ClassLoader agentLoader) {
    this.glue = new LibraryGlue(agentLoader, "warden-httpclient5", PACKAGE + "ClassicGlue",
        PACKAGE + "ClassicExchange", PACKAGE + "ClassicAnswers");
  }

  /** The glue for the HttpClient of {@code clientLoader}, or null when this version does not fit. */
  public synchronized BlockingClientGlue glueFor(ClassLoader clientLoader) {
    if (unfit.contains(clientLoader)) {
      return null;
    }
    try {
      return (BlockingClientGlue) glue.instanceFor(clientLoader);
    } catch (IllegalStateException e) {
      unfit.add(clientLoader);
      WardenLog.error("Apache HttpClient 5 calls are not checked: this version does not fit Warden's glue ("
          + e.getCause() + ")");
      return null;
    }
  }
}
