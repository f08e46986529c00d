package dev.warden.agent.httpclient5;

import dev.warden.agent.WardenLog;
import dev.warden.agent.glue.LibraryGlue;
import dev.warden.bootstrap.AsyncClientGlue;
import dev.warden.bootstrap.BlockingClientGlue;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The Apache HttpClient 5 glue, classic and async, for each class loader that defines the
 * library: its classes use the application's own HttpClient, so {@link LibraryGlue} defines them
 * next to it. A version the glue does not link against is reported once and its calls pass
 * unchecked.
 */
public final class HttpClient5Glues {

  private static final String PACKAGE = "dev.warden.agent.httpclient5.";

  private final LibraryGlue classic;
  private final LibraryGlue async;
  /** Per glue: a loader whose async glue does not link may still run the classic one. */
  private final Set<ClassLoader> classicUnfit = Collections.newSetFromMap(new WeakHashMap<>());
  private final Set<ClassLoader> asyncUnfit = Collections.newSetFromMap(new WeakHashMap<>());

  public HttpClient5Glues(ClassLoader agentLoader) {
    this.classic = new LibraryGlue(agentLoader, "warden-httpclient5", PACKAGE + "ClassicGlue",
        PACKAGE + "ClassicExchange", PACKAGE + "ClassicAnswers", PACKAGE + "LlmEndpoint", PACKAGE + "WireHeaders");
    this.async = new LibraryGlue(agentLoader, "warden-httpclient5-async", PACKAGE + "AsyncGlue",
        PACKAGE + "AsyncCall", PACKAGE + "AsyncRequestReader", PACKAGE + "AsyncAnswers",
        PACKAGE + "WardenResponseConsumer", PACKAGE + "LlmEndpoint", PACKAGE + "WireHeaders");
  }

  /** The classic client glue for the HttpClient of {@code clientLoader}, or null when this version does not fit. */
  public BlockingClientGlue classicFor(ClassLoader clientLoader) {
    return (BlockingClientGlue) glueFor(classic, classicUnfit, clientLoader);
  }

  /** The async client glue for the HttpClient of {@code clientLoader}, or null when this version does not fit. */
  public AsyncClientGlue asyncFor(ClassLoader clientLoader) {
    return (AsyncClientGlue) glueFor(async, asyncUnfit, clientLoader);
  }

  private synchronized Object glueFor(LibraryGlue glue, Set<ClassLoader> unfit, ClassLoader clientLoader) {
    if (unfit.contains(clientLoader)) {
      return null;
    }
    try {
      return glue.instanceFor(clientLoader);
    } catch (IllegalStateException e) {
      unfit.add(clientLoader);
      WardenLog.error("Apache HttpClient 5 calls are not checked: this version does not fit Warden's glue ("
          + e.getCause() + ")");
      return null;
    }
  }
}
