package dev.warden.agent.httpclient5;

import dev.warden.agent.GlueLoader;
import dev.warden.agent.WardenLog;
import dev.warden.bootstrap.BlockingClientGlue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Makes the Apache HttpClient 5 glue for each class loader that defines the library: its classes
 * use the application's own HttpClient, so a {@link GlueLoader} defines them next to it.
 */
public final class ClassicGlues {

  private static final String PACKAGE = "dev.warden.agent.httpclient5.";
  private static final String GLUE = PACKAGE + "ClassicGlue";
  private static final List<String> CLASSES = List.of(GLUE, PACKAGE + "ClassicExchange", PACKAGE + "ClassicAnswers");

  private final ClassLoader agentLoader;
  /** Null values: a loader whose HttpClient the glue does not link against (logged once). */
  private final Map<ClassLoader, BlockingClientGlue> glues = new WeakHashMap<>();

  public ClassicGlues(ClassLoader agentLoader) {
    this.agentLoader = agentLoader;
  }

  public synchronized BlockingClientGlue glueFor(ClassLoader clientLoader) {
    if (glues.containsKey(clientLoader)) {
      return glues.get(clientLoader);
    }
    BlockingClientGlue glue = null;
    try {
      GlueLoader loader = GlueLoader.of("warden-httpclient5", clientLoader, agentLoader, CLASSES);
      for (String name : CLASSES) {
        Class.forName(name, true, loader); // links now: a version that lacks a type fails here, not mid-call
      }
      glue = (BlockingClientGlue) loader.loadClass(GLUE).getConstructor().newInstance();
    } catch (ReflectiveOperationException | IOException | LinkageError e) {
      WardenLog.error("Apache HttpClient 5 calls are not checked: this version does not fit Warden's glue (" + e + ")");
    }
    glues.put(clientLoader, glue);
    return glue;
  }
}
