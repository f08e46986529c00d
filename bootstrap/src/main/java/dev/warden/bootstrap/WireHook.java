package dev.warden.bootstrap;

import java.util.List;
import java.util.Map;

/**
 * What the agent implements behind {@link WardenBridge}. Only JDK types cross this line, because
 * the callers are advice inlined into library and JDK classes and glue classes defined next to
 * the libraries; the implementation lives in the agent's isolated class loader.
 */
public interface WireHook {

  /**
   * Cheap first look: could a request with this method, host, port and path be an LLM call?
   *
   * @param sdkHook true when an SDK's own hook asks (the AWS SDK interceptor), false for a transport
   *     hook: an endpoint an SDK hook decides (Bedrock) is then not the transport's to decide again
   */
  boolean isLlmEndpoint(String method, String host, int port, String path, boolean sdkHook);

  /**
   * Decides one request whose endpoint {@link #isLlmEndpoint matched}. Returns null when the call
   * is not an LLM call after all (it then passes untouched).
   */
  WireCall onRequest(String method, String url, Map<String, List<String>> headers, byte[] body, boolean sdkHook);

  /** The OkHttp interceptor instance for the class loader that defines {@code okhttp3.*}. */
  Object okHttpInterceptor(ClassLoader okHttpLoader);

  /** Warden's Azure pipeline policy for the class loader that defines {@code com.azure.core}. */
  Object azurePolicy(ClassLoader azureLoader);

  /** The AWS SDK {@code ExecutionInterceptor} instance for the class loader that defines the SDK's core. */
  Object awsInterceptor(ClassLoader sdkLoader);

  /**
   * Decides a JDK HttpClient send of {@code request} ({@code java.net.http.HttpRequest}) with
   * {@code handler} ({@code HttpResponse.BodyHandler}); null to let it pass untouched. Total: it
   * follows {@code onError} itself, since the boot loader cannot build a JDK HTTP response.
   */
  JdkSend onJdkSend(Object request, Object handler);

  /**
   * The glue for the blocking HTTP client whose classes {@code clientLoader} defines (Apache
   * HttpClient 5); null when that library's version is not one Warden can serve.
   */
  BlockingClientGlue blockingClientGlue(ClassLoader clientLoader);

  /**
   * The glue for the async HTTP client whose classes {@code clientLoader} defines (Apache
   * HttpClient 5's async client); null when that library's version is not one Warden can serve.
   */
  AsyncClientGlue asyncClientGlue(ClassLoader clientLoader);

  /**
   * The glue for the reactive HTTP client whose classes {@code clientLoader} defines (Spring's
   * {@code ReactorClientHttpConnector}); null when that library's version is not one Warden can serve.
   */
  ReactiveClientGlue reactiveClientGlue(ClassLoader clientLoader);

  /**
   * The glue that wraps the requests of the client whose classes {@code clientLoader} defines
   * (spring-web's {@code ReactorClientHttpRequestFactory}); null when that version does not fit.
   */
  RequestWrapGlue requestWrapGlue(ClassLoader clientLoader);

  /** True when Warden's own failure must block the call (the policy's {@code onError: block}). */
  boolean failClosed();
}
