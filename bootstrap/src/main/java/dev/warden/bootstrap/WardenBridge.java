package dev.warden.bootstrap;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Static entry points for inlined advice and glue classes. Every method is total: a failure of
 * the hook behind it never reaches the application, it becomes the policy's {@code onError}
 * choice (a synthetic {@code warden_error} response or an untouched call).
 */
public final class WardenBridge {

  private static volatile WireHook hook;
  private static volatile boolean failureLogged;

  private WardenBridge() {}

  public static void install(WireHook wireHook) {
    hook = wireHook;
  }

  /** For transport hooks: see {@link WireHook#isLlmEndpoint}. */
  public static boolean isLlmEndpoint(String method, String host, int port, String path) {
    return isLlmEndpoint(method, host, port, path, false);
  }

  /** For an SDK's own hook, which owns its endpoints: see {@link WireHook#isLlmEndpoint}. */
  public static boolean isSdkLlmEndpoint(String method, String host, int port, String path) {
    return isLlmEndpoint(method, host, port, path, true);
  }

  private static boolean isLlmEndpoint(String method, String host, int port, String path, boolean sdkHook) {
    WireHook h = hook;
    if (h == null) {
      return false;
    }
    try {
      return h.isLlmEndpoint(method, host, port, path, sdkHook);
    } catch (Throwable t) {
      logOnce(t);
      return h.failClosed();
    }
  }

  /** For transport hooks; null means: send the request untouched. */
  public static WireCall onRequest(String method, String url, Map<String, List<String>> headers, byte[] body) {
    return onRequest(method, url, headers, body, false);
  }

  /** For an SDK's own hook; null means: send the request untouched. */
  public static WireCall onSdkRequest(String method, String url, Map<String, List<String>> headers, byte[] body) {
    return onRequest(method, url, headers, body, true);
  }

  private static WireCall onRequest(String method, String url, Map<String, List<String>> headers, byte[] body,
      boolean sdkHook) {
    WireHook h = hook;
    if (h == null) {
      return null;
    }
    try {
      return h.onRequest(method, url, headers, body, sdkHook);
    } catch (Throwable t) {
      logOnce(t);
      return onError(h);
    }
  }

  /** Adds Warden's interceptor first in an OkHttp builder's interceptor list, once. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void addOkHttpInterceptor(List interceptors, ClassLoader okHttpLoader) {
    WireHook h = hook;
    if (h == null) {
      return;
    }
    try {
      for (Object existing : interceptors) {
        if (existing instanceof WardenInterceptorMarker) {
          return;
        }
      }
      Object interceptor = h.okHttpInterceptor(okHttpLoader);
      if (interceptor != null) {
        interceptors.add(0, interceptor);
      }
    } catch (Throwable t) {
      logOnce(t);
    }
  }

  /** Appends Warden's policy to an Azure pipeline's policy list, once. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void addAzurePolicy(List policies, ClassLoader azureLoader) {
    WireHook h = hook;
    if (h == null) {
      return;
    }
    try {
      for (Object existing : policies) {
        if (existing instanceof WardenInterceptorMarker) {
          return;
        }
      }
      Object policy = h.azurePolicy(azureLoader);
      if (policy != null) {
        policies.add(policy);
      }
    } catch (Throwable t) {
      logOnce(t);
    }
  }

  /**
   * The AWS SDK's global interceptors with Warden's added last (once), for the class loader that
   * defines the SDK's core; the list itself when Warden is not installed or fails.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static List withAwsInterceptor(List interceptors, ClassLoader sdkLoader) {
    WireHook h = hook;
    if (h == null || interceptors == null) {
      return interceptors;
    }
    try {
      for (Object existing : interceptors) {
        if (existing instanceof WardenInterceptorMarker) {
          return interceptors;
        }
      }
      Object interceptor = h.awsInterceptor(sdkLoader);
      if (interceptor == null) {
        return interceptors;
      }
      List withWarden = new ArrayList(interceptors);
      withWarden.add(interceptor);
      return withWarden;
    } catch (Throwable t) {
      logOnce(t);
      return interceptors;
    }
  }

  /** See {@link WireHook#onJdkSend}; null means: send untouched. */
  public static JdkSend onJdkSend(Object request, Object handler) {
    WireHook h = hook;
    if (h == null) {
      return null;
    }
    try {
      return h.onJdkSend(request, handler);
    } catch (Throwable t) {
      logOnce(t);
      return null;
    }
  }

  /**
   * Starts one execution of a blocking client whose funnel is {@code client}'s method (Apache
   * HttpClient 5's {@code doExecute}); null means: execute untouched.
   */
  public static BlockingExchange onBlockingExecute(Class<?> client, Object target, Object request) {
    WireHook h = hook;
    if (h == null) {
      return null;
    }
    try {
      BlockingClientGlue glue = h.blockingClientGlue(client.getClassLoader());
      return glue == null ? null : glue.begin(target, request);
    } catch (Throwable t) {
      logOnce(t);
      return null;
    }
  }

  /**
   * Starts one execution of an async client whose funnel is {@code client}'s method (Apache
   * HttpClient 5's async {@code doExecute}); null means: execute untouched.
   */
  public static AsyncExecution onAsyncExecute(Class<?> client, Object target, Object requestProducer,
      Object responseConsumer, Object context, Object callback) {
    WireHook h = hook;
    if (h == null) {
      return null;
    }
    try {
      AsyncClientGlue glue = h.asyncClientGlue(client.getClassLoader());
      return glue == null ? null : glue.begin(target, requestProducer, responseConsumer, context, callback);
    } catch (Throwable t) {
      logOnce(t);
      return null;
    }
  }

  /**
   * Starts one connect of a reactive client whose funnel is a method of a class {@code clientLoader}
   * defines (Spring's {@code ReactorClientHttpConnector#connect}): the publisher to return instead,
   * or null to connect untouched, as for Warden's own replay of a decided request.
   */
  public static Object onReactiveConnect(ClassLoader clientLoader, Object connector, Object method, Object uri,
      Object requestCallback) {
    WireHook h = hook;
    if (h == null || requestCallback instanceof WardenInterceptorMarker || !(uri instanceof URI)) {
      return null;
    }
    try {
      ReactiveClientGlue glue = h.reactiveClientGlue(clientLoader);
      return glue == null ? null : glue.connect(connector, method, (URI) uri, requestCallback);
    } catch (Throwable t) {
      logOnce(t);
      return null;
    }
  }

  /**
   * The request to hand the application instead of {@code request}, made by a factory whose class
   * {@code clientLoader} defines (spring-web's {@code ReactorClientHttpRequestFactory}); the request
   * itself when Warden is not installed, the call is none of its business, or it fails.
   */
  public static Object wrapRequest(ClassLoader clientLoader, Object request) {
    WireHook h = hook;
    if (h == null || request == null) {
      return request;
    }
    try {
      RequestWrapGlue glue = h.requestWrapGlue(clientLoader);
      return glue == null ? request : glue.wrap(request);
    } catch (Throwable t) {
      logOnce(t);
      return request;
    }
  }

  /** True when Warden's own failure must block the call ({@code onError: block}). */
  public static boolean failClosed() {
    WireHook h = hook;
    return h != null && h.failClosed();
  }

  /** A call that Warden failed on: blocked when the policy says {@code onError: block}. */
  static WireCall onError(WireHook h) {
    return h.failClosed() ? WardenErrorCall.INSTANCE : null;
  }

  /** Logs the failure kind and place only: messages may quote request content. */
  public static void logOnce(Throwable t) {
    if (failureLogged) {
      return;
    }
    failureLogged = true;
    StackTraceElement[] trace = t.getStackTrace();
    String where = trace.length > 0 ? " at " + trace[0] : "";
    System.err.println("[warden] internal error (" + t.getClass().getName() + where
        + "); following onError from now on, further errors are not logged");
  }
}
