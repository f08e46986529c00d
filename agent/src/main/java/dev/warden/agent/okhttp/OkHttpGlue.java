package dev.warden.agent.okhttp;

import dev.warden.agent.GlueLoader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Makes Warden's OkHttp interceptor for each class loader that defines {@code okhttp3}: the
 * interceptor implements the application's own {@code okhttp3.Interceptor}, so its class is
 * defined by a {@link GlueLoader} over that class loader (in a Spring Boot fat jar, Boot's
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
        Class<?> type = GlueLoader.of("warden-okhttp", agentLoader, okHttpLoader, List.of(INTERCEPTOR))
            .loadClass(INTERCEPTOR);
        interceptor = type.getConstructor().newInstance();
      } catch (ReflectiveOperationException | IOException e) {
        throw new IllegalStateException("cannot define the OkHttp interceptor", e);
      }
      interceptors.put(okHttpLoader, interceptor);
    }
    return interceptor;
  }
}
