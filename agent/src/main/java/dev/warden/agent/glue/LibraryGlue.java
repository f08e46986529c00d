package dev.warden.agent.glue;

import dev.warden.agent.WardenLog;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Makes the instance of a glue class for each class loader that defines a hooked library. Glue
 * implements the library's own types (an OkHttp {@code Interceptor}, an Azure pipeline policy), so
 * it is defined in a small loader whose parent is that library's loader (in a Spring Boot fat jar,
 * Boot's loader). Glue may reference only the library, the JDK and the bridge; the classes it
 * needs besides its main one are named up front and defined in the same loader. Instances are
 * held weakly, so an undeployed application's loader can still be collected.
 */
public final class LibraryGlue {

  private final ClassLoader agentLoader;
  private final String loaderName;
  private final String mainClass;
  private final Set<String> classes;
  private final Map<ClassLoader, WeakReference<Object>> instances = new WeakHashMap<>();
  private final Set<ClassLoader> unfit = Collections.newSetFromMap(new WeakHashMap<>());

  /**
   * @param loaderName  name of the defining loaders, for stack traces
   * @param mainClass   the class instantiated, with a public no-argument constructor
   * @param helperClasses other glue classes the main one uses
   */
  public LibraryGlue(ClassLoader agentLoader, String loaderName, String mainClass, String... helperClasses) {
    this.agentLoader = agentLoader;
    this.loaderName = loaderName;
    this.mainClass = mainClass;
    this.classes = Set.of(concat(mainClass, helperClasses));
  }

  /**
   * The glue instance for the library defined by {@code libraryLoader}.
   *
   * @throws IllegalStateException when the glue does not link against this version of the library
   */
  public synchronized Object instanceFor(ClassLoader libraryLoader) {
    WeakReference<Object> held = instances.get(libraryLoader);
    Object instance = held == null ? null : held.get();
    if (instance == null) {
      try {
        GlueLoader loader = new GlueLoader(libraryLoader);
        for (String name : classes) {
          // links every glue class now: a library version that lacks a type fails here, not mid-call
          Class.forName(name, true, loader);
        }
        instance = loader.loadClass(mainClass).getConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new IllegalStateException("cannot define " + mainClass, e);
      }
      instances.put(libraryLoader, new WeakReference<>(instance));
    }
    return instance;
  }

  /**
   * As {@link #instanceFor}, for glue whose calls pass unchecked when it does not fit: null for a
   * version the glue does not link against, reported once per class loader as {@code unchecked}
   * ("WebClient calls on Reactor Netty") that are not checked.
   */
  public synchronized Object instanceOrNull(ClassLoader libraryLoader, String unchecked) {
    if (unfit.contains(libraryLoader)) {
      return null;
    }
    try {
      return instanceFor(libraryLoader);
    } catch (IllegalStateException e) {
      unfit.add(libraryLoader);
      WardenLog.error(unchecked + " are not checked: this version does not fit Warden's glue (" + e.getCause() + ")");
      return null;
    }
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** Defines the glue classes; everything else comes from the library's loader. */
  private final class GlueLoader extends ClassLoader {

    GlueLoader(ClassLoader parent) {
      super(loaderName, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!classes.contains(name)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        byte[] bytes = classBytes(name);
        return defineClass(name, bytes, 0, bytes.length);
      }
    }

    private byte[] classBytes(String name) throws ClassNotFoundException {
      try (InputStream in = agentLoader.getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
