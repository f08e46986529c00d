package dev.warden.launcher;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.jar.JarFile;

/** {@code Main-Class}: runs the command line in the agent's own class loader. */
public final class CliLauncher {

  private CliLauncher() {}

  public static void main(String[] args) throws Throwable {
    URL location = CliLauncher.class.getProtectionDomain().getCodeSource().getLocation();
    JarFile jar = new JarFile(new File(location.toURI()), false);
    // the system loader sees the bridge classes at the jar's root
    ClassLoader loader = new AgentClassLoader(jar, location, CliLauncher.class.getClassLoader());
    Class<?> cli = loader.loadClass("dev.warden.agent.cli.WardenCli");
    int exit;
    try {
      exit = (Integer) cli.getMethod("run", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    System.exit(exit);
  }
}
