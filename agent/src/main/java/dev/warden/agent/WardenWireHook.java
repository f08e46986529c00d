package dev.warden.agent;

import dev.warden.agent.aws.AwsGlue;
import dev.warden.agent.jdkhttp.JdkHttpSend;
import dev.warden.agent.okhttp.OkHttpGlue;
import dev.warden.agent.policy.ActivePolicy;
import dev.warden.agent.policy.PolicyHolder;
import dev.warden.agent.wire.Route;
import dev.warden.bootstrap.JdkSend;
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
  private final OkHttpGlue okHttpGlue;
  private final AwsGlue awsGlue;

  WardenWireHook(PolicyHolder holder, ClassLoader agentLoader) {
    this.holder = holder;
    this.okHttpGlue = new OkHttpGlue(agentLoader);
    this.awsGlue = new AwsGlue(agentLoader);
  }

  @Override
  public boolean isLlmEndpoint(String method, String host, int port, String path) {
    ActivePolicy policy = holder.current();
    return (policy == null ? NoPolicy.RECOGNIZER : policy.recognizer()).recognize(method, host, port, path) != null;
  }

  @Override
  public WireCall onRequest(String method, String url, Map<String, List<String>> headers, byte[] body) {
    ActivePolicy policy = holder.current();
    URI uri = URI.create(url);
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    if (policy == null) {
      Route route = NoPolicy.RECOGNIZER.recognize(method, uri.getHost(), port, uri.getRawPath());
      return route == null ? null : CallDecider.blocked(route, NoPolicy.DECISION);
    }
    Route route = policy.recognizer().recognize(method, uri.getHost(), port, uri.getRawPath());
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

  @Override
  public Object okHttpInterceptor(ClassLoader okHttpLoader) {
    return okHttpGlue.interceptorFor(okHttpLoader);
  }

  @Override
  public Object awsInterceptor(ClassLoader sdkLoader) {
    return awsGlue.interceptorFor(sdkLoader);
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
