package dev.warden.agent.azure;

import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.BinaryData;
import dev.warden.agent.glue.ReactiveBodyStream;
import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WardenInterceptorMarker;
import dev.warden.bootstrap.WireCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Warden's policy in an Azure SDK pipeline, after the retry and credential policies, so every
 * attempt is decided with the key it carries. Glue only, defined next to the application's
 * azure-core by {@link dev.warden.agent.glue.LibraryGlue} with {@link WardenAzureResponse} and
 * {@link ReactiveBodyStream}: it may reference only azure-core, Reactor, the JDK and the bridge.
 */
public final class WardenAzurePolicy implements HttpPipelinePolicy, WardenInterceptorMarker {

  @Override
  public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    HttpRequest request = context.getHttpRequest();
    WireCall call = decide(request);
    if (call == null) {
      return next.processSync();
    }
    if (call.blocked()) {
      return WardenAzureResponse.blocked(request, call);
    }
    apply(request, call);
    HttpResponse response;
    try {
      response = next.processSync();
    } catch (RuntimeException e) {
      call.onFailure(e);
      throw e;
    }
    return answer(request, response, call, response.getBodyAsBinaryData().toStream());
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    HttpRequest request = context.getHttpRequest();
    WireCall call = decide(request);
    if (call == null) {
      return next.process();
    }
    if (call.blocked()) {
      return Mono.just(WardenAzureResponse.blocked(request, call));
    }
    apply(request, call);
    return next.process()
        .doOnError(call::onFailure)
        // reading the body blocks until the provider sends it: never on a Netty event loop
        .publishOn(Schedulers.boundedElastic())
        .map(response -> answer(request, response, call, new ReactiveBodyStream(response.getBody())));
  }

  /** The decided call, or null when the request is no LLM call (or has a body Warden cannot read). */
  private static WireCall decide(HttpRequest request) {
    URL url = request.getUrl();
    String method = request.getHttpMethod().name();
    if (!WardenBridge.isLlmEndpoint(method, url.getHost(), url.getPort(), url.getPath())) {
      return null;
    }
    BinaryData body = request.getBodyAsBinaryData();
    byte[] bytes = body == null ? new byte[0] : body.toBytes();
    // toBytes() may have drained a one-shot body: send what was read
    request.setBody(BinaryData.fromBytes(bytes));
    return WardenBridge.onRequest(method, url.toString(), headers(request), bytes);
  }

  private static void apply(HttpRequest request, WireCall call) {
    byte[] toSend = call.requestBody();
    if (toSend != null) {
      request.setBody(BinaryData.fromBytes(toSend));
      request.setHeader("Content-Length", Integer.toString(toSend.length));
    }
    for (Map.Entry<String, String> header : call.headers().entrySet()) {
      request.setHeader(header.getKey(), header.getValue());
    }
  }

  private static HttpResponse answer(HttpRequest request, HttpResponse response, WireCall call, InputStream body) {
    InputStream seen = call.onResponse(response.getStatusCode(), headers(response), body);
    byte[] whole;
    try {
      whole = call.readWholeIfWithholdable(response.getHeaderValue("Content-Type"), seen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (whole == null) {
      return WardenAzureResponse.replacing(response, seen);
    }
    return call.responseWithheld()
        ? WardenAzureResponse.blocked(request, call)
        : WardenAzureResponse.replacing(response, new ByteArrayInputStream(whole));
  }

  private static Map<String, List<String>> headers(HttpRequest request) {
    return toMap(request.getHeaders());
  }

  private static Map<String, List<String>> headers(HttpResponse response) {
    return toMap(response.getHeaders());
  }

  private static Map<String, List<String>> toMap(Iterable<HttpHeader> headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (HttpHeader header : headers) {
      map.put(header.getName(), new ArrayList<>(header.getValuesList()));
    }
    return map;
  }
}
