package dev.warden.launcher;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.util.jar.JarFile;

/**
 * {@code Premain-Class} and {@code Agent-Class}: puts the bridge on the bootstrap class path and
 * hands over to the implementation in its own class loader. Never lets an error escape into the
 * application's start-up unless {@code -Dwarden.strict=true} asks for it.
 */
public final class AgentLauncher {

  private AgentLauncher() {}

  public static void premain(String args, Instrumentation inst) {
    launch(args, inst);
  }

  public static void agentmain(String args, Instrumentation inst) {
    launch(args, inst);
  }

  private static void launch(String args, Instrumentation inst) {
    try {
      URL location = AgentLauncher.class.getProtectionDomain().getCodeSource().getLocation();
      JarFile jar = new JarFile(new File(location.toURI()), false);
      inst.appendToBootstrapClassLoaderSearch(jar);
      ClassLoader loader = new AgentClassLoader(jar, location, ClassLoader.getPlatformClassLoader());
      Class<?> agent = loader.loadClass("dev.warden.agent.WardenAgent");
      agent.getMethod("start", Instrumentation.class, String.class).invoke(null, inst, args);
    } catch (Throwable t) {
      Throwable cause = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
      if (Boolean.getBoolean("warden.strict")) {
        throw new IllegalStateException("Warden refused to start (warden.strict=true): " + cause.getMessage(), cause);
      }
      System.err.println("[warden] failed to start, the application runs without Warden: " + cause);
    }
  }
}
