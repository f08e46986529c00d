package dev.warden.agent.glue;

import dev.warden.bootstrap.AsyncClientGlue;
import dev.warden.bootstrap.BlockingClientGlue;
import dev.warden.bootstrap.JdkSend;
import dev.warden.bootstrap.ReactiveClientGlue;
import dev.warden.bootstrap.RequestWrapGlue;
import dev.warden.bootstrap.WireCall;
import dev.warden.bootstrap.WireHook;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A bridge target for glue tests: every endpoint is an LLM one (unless told), every call gets {@link #call}. */
public final class FakeWireHook implements WireHook {

  public boolean llm = true;
  public FakeWireCall call;
  public String seenBody;
  public Map<String, List<String>> seenHeaders;

  @Override
  public boolean isLlmEndpoint(String method, String host, int port, String path, boolean sdkHook) {
    return llm;
  }

  @Override
  public WireCall onRequest(String method, String url, Map<String, List<String>> headers, byte[] body,
      boolean sdkHook) {
    seenBody = new String(body, StandardCharsets.UTF_8);
    seenHeaders = headers;
    return call;
  }

  @Override public Object okHttpInterceptor(ClassLoader loader) { return null; }
  @Override public Object azurePolicy(ClassLoader loader) { return null; }
  @Override public Object awsInterceptor(ClassLoader loader) { return null; }
  @Override public JdkSend onJdkSend(Object request, Object handler) { return null; }
  @Override public BlockingClientGlue blockingClientGlue(ClassLoader loader) { return null; }
  @Override public AsyncClientGlue asyncClientGlue(ClassLoader loader) { return null; }
  @Override public ReactiveClientGlue reactiveClientGlue(ClassLoader loader) { return null; }
  @Override public RequestWrapGlue requestWrapGlue(ClassLoader loader) { return null; }
  @Override public boolean failClosed() { return false; }
}
