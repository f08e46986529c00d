package dev.warden.agent;

import dev.warden.agent.jdkhttp.JdkHttpSend;
import dev.warden.agent.glue.LibraryGlue;
import dev.warden.agent.policy.ActivePolicy;
import dev.warden.agent.policy.PolicyHolder;
import dev.warden.agent.wire.EndpointRecognizer;
import dev.warden.agent.wire.Route;
import dev.warden.bootstrap.AsyncClientGlue;
import dev.warden.bootstrap.BlockingClientGlue;
import dev.warden.bootstrap.JdkSend;
import dev.warden.bootstrap.ReactiveClientGlue;
import dev.warden.bootstrap.RequestWrapGlue;
import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WireCall;
import dev.warden.bootstrap.WireHook;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** What the bridge calls: recognise, decide, and serve the transport hooks. */
final class WardenWireHook implements WireHook {

  private final PolicyHolder holder;
  private final LibraryGlue okHttpGlue;
  private final LibraryGlue azureGlue;
  private final LibraryGlue awsGlue;
  private final LibraryGlue classicGlue;
  private final LibraryGlue asyncGlue;
  private final LibraryGlue connectorGlue;
  private final LibraryGlue requestGlue;

  WardenWireHook(PolicyHolder holder, ClassLoader agentLoader) {
    this.holder = holder;
    this.okHttpGlue = new LibraryGlue(agentLoader, "warden-okhttp", "dev.warden.agent.okhttp.WardenOkHttpInterceptor");
    this.azureGlue = new LibraryGlue(agentLoader, "warden-azure", "dev.warden.agent.azure.WardenAzurePolicy",
        "dev.warden.agent.azure.WardenAzureResponse", "dev.warden.agent.glue.ReactiveBodyStream");
    this.awsGlue = new LibraryGlue(agentLoader, "warden-aws", "dev.warden.agent.aws.WardenAwsInterceptor",
        "dev.warden.agent.aws.WardenAwsPublisher");
    String hc5 = "dev.warden.agent.httpclient5.";
    this.classicGlue = new LibraryGlue(agentLoader, "warden-httpclient5", hc5 + "ClassicGlue",
        hc5 + "ClassicExchange", hc5 + "ClassicAnswers", hc5 + "LlmEndpoint", hc5 + "WireHeaders");
    this.asyncGlue = new LibraryGlue(agentLoader, "warden-httpclient5-async", hc5 + "AsyncGlue",
        hc5 + "AsyncCall", hc5 + "AsyncRequestReader", hc5 + "AsyncAnswers", hc5 + "WardenResponseConsumer",
        hc5 + "LlmEndpoint", hc5 + "WireHeaders");
    String web = "dev.warden.agent.webclient.";
    this.connectorGlue = new LibraryGlue(agentLoader, "warden-webclient", web + "WardenConnectorGlue",
        web + "CapturedRequest", web + "ReplayedRequest", web + "WardenClientResponse",
        "dev.warden.agent.glue.ReactiveBodyStream");
    String rest = "dev.warden.agent.restclient.";
    this.requestGlue = new LibraryGlue(agentLoader, "warden-restclient", rest + "WardenRequestGlue",
        rest + "DecidingRequest", rest + "DecidedResponse");
  }

  @Override
  public boolean isLlmEndpoint(String method, String host, int port, String path, boolean sdkHook) {
    ActivePolicy policy = holder.current();
    return route(policy == null ? NoPolicy.RECOGNIZER : policy.recognizer(), method, host, port, path, sdkHook) != null;
  }

  @Override
  public WireCall onRequest(String method, String url, Map<String, List<String>> headers, byte[] body,
      boolean sdkHook) {
    ActivePolicy policy = holder.current();
    URI uri = URI.create(url);
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    if (policy == null) {
      Route route = route(NoPolicy.RECOGNIZER, method, uri.getHost(), port, uri.getRawPath(), sdkHook);
      return route == null ? null : CallDecider.blocked(route, NoPolicy.DECISION);
    }
    Route route = route(policy.recognizer(), method, uri.getHost(), port, uri.getRawPath(), sdkHook);
    if (route == null) {
      return null;
    }
    try {
      return CallDecider.decide(policy, route, uri.getHost(), port, headers, body);
    } catch (RuntimeException e) {
      WardenBridge.logOnce(e);
      return policy.snapshot().failClosed()
          ? CallDecider.blocked(route, CallDecider.wardenError(policy.snapshot().hash(), "Warden failed to check this call."))
          : null;
    }
  }

  /**
   * The nesting guard between hooks: an endpoint whose SDK hook decides it before the transport
   * sees the request (Bedrock, whose body is signed) is not decided a second time by the transport
   * hook under it (the AWS SDK's Apache HttpClient 5), which would count, audit and rewrite the
   * call twice, and after the signature.
   */
  private static Route route(EndpointRecognizer recognizer, String method, String host, int port, String path,
      boolean sdkHook) {
    Route route = recognizer.recognize(method, host, port, path);
    return route == null || sdkHook || !route.decidedBySdkHook() ? route : null;
  }

  @Override
  public Object okHttpInterceptor(ClassLoader okHttpLoader) {
    return okHttpGlue.instanceFor(okHttpLoader);
  }

  @Override
  public Object azurePolicy(ClassLoader azureLoader) {
    return azureGlue.instanceFor(azureLoader);
  }

  @Override
  public BlockingClientGlue blockingClientGlue(ClassLoader clientLoader) {
    return (BlockingClientGlue) classicGlue.instanceOrNull(clientLoader, "Apache HttpClient 5 calls");
  }

  @Override
  public AsyncClientGlue asyncClientGlue(ClassLoader clientLoader) {
    return (AsyncClientGlue) asyncGlue.instanceOrNull(clientLoader, "Apache HttpClient 5 async calls");
  }

  @Override
  public ReactiveClientGlue reactiveClientGlue(ClassLoader clientLoader) {
    return (ReactiveClientGlue) connectorGlue.instanceOrNull(clientLoader, "WebClient calls on Reactor Netty");
  }

  @Override
  public RequestWrapGlue requestWrapGlue(ClassLoader clientLoader) {
    return (RequestWrapGlue) requestGlue.instanceOrNull(clientLoader, "RestClient calls on Reactor Netty");
  }

  @Override
  public Object awsInterceptor(ClassLoader sdkLoader) {
    return awsGlue.instanceFor(sdkLoader);
  }

  @Override
  public JdkSend onJdkSend(Object request, Object handler) {
    return JdkHttpSend.onSend((HttpRequest) request, (HttpResponse.BodyHandler<?>) handler);
  }

  @Override
  public boolean failClosed() {
    ActivePolicy policy = holder.peek();
    return policy == null || policy.snapshot().failClosed();
  }
}
