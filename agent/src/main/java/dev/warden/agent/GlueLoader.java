package dev.warden.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Defines Warden's glue classes for one library in a small loader whose parent is the loader that
 * defines the library (in a Spring Boot fat jar, Boot's loader), so they can implement and call
 * the application's own copy of it. The glue's bytes come from the agent's loader; everything
 * else resolves through the parent. Glue talks to Warden only through the bridge.
 */
public final class GlueLoader extends ClassLoader {

  private final Map<String, byte[]> glue;

  private GlueLoader(String name, ClassLoader parent, Map<String, byte[]> glue) {
    super(name, parent);
    this.glue = glue;
  }

  /** A loader defining {@code classNames}, read as class files from {@code agentLoader}, next to {@code libraryLoader}. */
  public static GlueLoader of(String name, ClassLoader libraryLoader, ClassLoader agentLoader, List<String> classNames)
      throws IOException {
    Map<String, byte[]> glue = new HashMap<>();
    for (String className : classNames) {
      try (InputStream in = agentLoader.getResourceAsStream(className.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new IOException("missing " + className);
        }
        glue.put(className, in.readAllBytes());
      }
    }
    return new GlueLoader(name, libraryLoader, glue);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    byte[] bytes = glue.get(name);
    if (bytes == null) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
    }
  }
}
