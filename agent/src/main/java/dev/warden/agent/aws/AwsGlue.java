package dev.warden.agent.aws;

import dev.warden.agent.GlueLoader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Makes Warden's AWS SDK {@code ExecutionInterceptor} for each class loader that defines the SDK's
 * core: the interceptor and its response publisher are defined by a {@link GlueLoader} over that
 * loader (in a Spring Boot fat jar, Boot's), and talk to Warden only through the bridge.
 */
public final class AwsGlue {

  static final String INTERCEPTOR = "dev.warden.agent.aws.WardenAwsInterceptor";
  static final String PUBLISHER = "dev.warden.agent.aws.WardenAwsPublisher";

  private final ClassLoader agentLoader;
  private final Map<ClassLoader, Object> interceptors = new WeakHashMap<>();

  public AwsGlue(ClassLoader agentLoader) {
    this.agentLoader = agentLoader;
  }

  public synchronized Object interceptorFor(ClassLoader sdkLoader) {
    Object interceptor = interceptors.get(sdkLoader);
    if (interceptor == null) {
      try {
        Class<?> type = GlueLoader.of("warden-aws", agentLoader, sdkLoader, List.of(INTERCEPTOR, PUBLISHER))
            .loadClass(INTERCEPTOR);
        interceptor = type.getConstructor().newInstance();
      } catch (ReflectiveOperationException | IOException e) {
        throw new IllegalStateException("cannot define the AWS SDK interceptor", e);
      }
      interceptors.put(sdkLoader, interceptor);
    }
    return interceptor;
  }
}
