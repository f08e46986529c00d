package dev.warden.agent.okhttp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Makes Warden's OkHttp interceptor for each class loader that defines {@code okhttp3}: the
 * interceptor implements the application's own {@code okhttp3.Interceptor}, so its class is
 * defined in a small loader whose parent is that class loader (in a Spring Boot fat jar, Boot's
 * loader). It talks to Warden only through the bridge.
 */
public final class OkHttpGlue {

  static final String INTERCEPTOR = "dev.warden.agent.okhttp.WardenOkHttpInterceptor";

  private final ClassLoader agentLoader;
  private final Map<ClassLoader, Object> interceptors = new WeakHashMap<>();

  public OkHttpGlue(ClassLoader agentLoader) {
    this.agentLoader = agentLoader;
  }

  public synchronized Object interceptorFor(ClassLoader okHttpLoader) {
    Object interceptor = interceptors.get(okHttpLoader);
    if (interceptor == null) {
      try {
        Class<?> type = new GlueLoader(okHttpLoader, classBytes(INTERCEPTOR)).loadClass(INTERCEPTOR);
        interceptor = type.getConstructor().newInstance();
      } catch (ReflectiveOperationException | IOException e) {
        throw new IllegalStateException("cannot define the OkHttp interceptor", e);
      }
      interceptors.put(okHttpLoader, interceptor);
    }
    return interceptor;
  }

  private byte[] classBytes(String className) throws IOException {
    try (InputStream in = agentLoader.getResourceAsStream(className.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new IOException("missing " + className);
      }
      return in.readAllBytes();
    }
  }

  /** Defines the one glue class; everything else comes from the library's loader. */
  private static final class GlueLoader extends ClassLoader {
    private final byte[] interceptorBytes;

    GlueLoader(ClassLoader parent, byte[] interceptorBytes) {
      super("warden-okhttp", parent);
      this.interceptorBytes = interceptorBytes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!INTERCEPTOR.equals(name)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : defineClass(name, interceptorBytes, 0, interceptorBytes.length);
      }
    }
  }
}
