package dev.warden.agent.jdkhttp;

import dev.warden.bootstrap.JdkSend;
import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WardenErrorCall;
import dev.warden.bootstrap.WireCall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code HttpClientImpl#sendAsync}: reads the body of a request to an LLM endpoint, has it
 * decided, and returns the request to send instead, or the synthetic answer of a blocked call.
 * Total: its own failure follows {@code onError}.
 */
public final class JdkHttpSend {

  private JdkHttpSend() {}

  public static JdkSend onSend(HttpRequest request, HttpResponse.BodyHandler<?> handler) {
    try {
      return decide(request, handler);
    } catch (Throwable t) {
      WardenBridge.logOnce(t);
      return WardenBridge.failClosed() ? blockOnError(request, handler) : null;
    }
  }

  private static JdkSend blockOnError(HttpRequest request, HttpResponse.BodyHandler<?> handler) {
    try {
      return new JdkSend(request, handler, JdkAnswer.of(request, handler, WardenErrorCall.INSTANCE));
    } catch (Throwable t) {
      // the application's own body handler failed on the synthetic answer: still do not send
      return new JdkSend(request, handler, CompletableFuture.failedFuture(
          new IOException("Warden could not check this call and its policy blocks on error")));
    }
  }

  private static JdkSend decide(HttpRequest request, HttpResponse.BodyHandler<?> handler) {
    URI uri = request.uri();
    String scheme = uri.getScheme();
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    if (!WardenBridge.isLlmEndpoint(request.method(), uri.getHost(), port, uri.getRawPath())) {
      return null;
    }
    byte[] body = RequestBodyReader.read(request);
    WireCall call = WardenBridge.onRequest(request.method(), uri.toString(), request.headers().map(), body);
    if (call != null && call.blocked()) {
      return new JdkSend(request, handler, JdkAnswer.of(request, handler, call));
    }
    byte[] toSend = call == null ? body : call.requestBody();
    if (toSend == null) {
      return null;
    }
    // the original publisher may be one-shot and has been read: always send the bytes we hold
    HttpRequest.Builder rewritten = HttpRequest.newBuilder(request, (name, value) -> true)
        .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(toSend));
    if (call != null) {
      for (Map.Entry<String, String> header : call.headers().entrySet()) {
        rewritten.setHeader(header.getKey(), header.getValue());
      }
    }
    if (call == null) {
      return new JdkSend(rewritten.build(), handler, null);
    }
    if (!call.rewritesResponse()) {
      return new JdkSend(rewritten.build(), new ObservingBodyHandler<>(handler, call), null, sent -> failuresTo(call, sent));
    }
    RewritingBodyHandler<?> rewriting = new RewritingBodyHandler<>(handler, call);
    return new JdkSend(rewritten.build(), rewriting, null, call.mayWithholdResponse()
        ? sent -> WithheldResponse.onceRead(failuresTo(call, sent), call, rewriting)
        : sent -> failuresTo(call, sent));
  }

  /** {@code sent}, with its failure (a reset, a timeout) reported to {@code call}, which gives back what it held. */
  private static CompletableFuture<?> failuresTo(WireCall call, CompletableFuture<?> sent) {
    sent.whenComplete((response, error) -> {
      if (error != null) {
        call.onFailure(error);
      }
    });
    return sent;
  }
}
