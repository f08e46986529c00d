package dev.warden.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Defines Warden's glue classes next to a library: a small loader whose parent is the library's
 * class loader (in a Spring Boot fat jar, Boot's), holding only the glue classes read as bytes
 * from the agent's loader; everything else resolves through the library's loader. Glue classes
 * reference only the library, the JDK and the bridge.
 */
public final class GlueLoader extends ClassLoader {

  private final Map<String, byte[]> classes;

  private GlueLoader(String name, ClassLoader parent, Map<String, byte[]> classes) {
    super(name, parent);
    this.classes = classes;
  }

  /** A loader defining {@code classNames} (read from {@code agentLoader}) over {@code libraryLoader}. */
  public static GlueLoader of(String name, ClassLoader agentLoader, ClassLoader libraryLoader, List<String> classNames)
      throws IOException {
    Map<String, byte[]> classes = new HashMap<>();
    for (String className : classNames) {
      try (InputStream in = agentLoader.getResourceAsStream(className.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new IOException("missing " + className);
        }
        classes.put(className, in.readAllBytes());
      }
    }
    return new GlueLoader(name, libraryLoader, classes);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
    }
  }
}
