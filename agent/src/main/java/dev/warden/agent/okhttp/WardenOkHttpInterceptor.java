package dev.warden.agent.okhttp;

import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WardenInterceptorMarker;
import dev.warden.bootstrap.WireCall;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;

/**
 * Warden's first OkHttp interceptor. Glue only: it hands the request bytes to the bridge and
 * applies the answer. Defined next to the application's OkHttp by
 * {@link dev.warden.agent.glue.LibraryGlue}, so it may reference only OkHttp, Okio, the JDK and
 * the bridge, and must not have nested classes.
 */
public final class WardenOkHttpInterceptor implements Interceptor, WardenInterceptorMarker {

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    RequestBody body = request.body();
    if (body == null || !WardenBridge.isLlmEndpoint(request.method(), url.host(), url.port(), url.encodedPath())) {
      return chain.proceed(request);
    }
    byte[] bytes = bodyBytes(body);
    WireCall call = WardenBridge.onRequest(request.method(), url.toString(), request.headers().toMultimap(), bytes);
    if (call == null) {
      return chain.proceed(body.isOneShot() ? withBody(request, body.contentType(), bytes) : request);
    }
    if (call.blocked()) {
      return blockedResponse(request, call);
    }
    byte[] toSend = call.requestBody();
    Request outgoing = toSend == bytes && !body.isOneShot() ? request : withBody(request, body.contentType(), toSend);
    if (!call.headers().isEmpty()) {
      Request.Builder withHeaders = outgoing.newBuilder();
      for (Map.Entry<String, String> header : call.headers().entrySet()) {
        withHeaders.header(header.getKey(), header.getValue());
      }
      outgoing = withHeaders.build();
    }
    Response response;
    try {
      response = chain.proceed(outgoing);
    } catch (IOException | RuntimeException e) {
      call.onFailure(e);
      throw e;
    }
    return observed(request, response, call);
  }

  private static byte[] bodyBytes(RequestBody body) throws IOException {
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return buffer.readByteArray();
  }

  private static Request withBody(Request request, MediaType type, byte[] bytes) {
    return request.newBuilder().method(request.method(), RequestBody.create(bytes, type)).build();
  }

  private static Response observed(Request request, Response response, WireCall call) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    InputStream original = body.byteStream();
    InputStream seen = call.onResponse(response.code(), response.headers().toMultimap(), original);
    if (seen == original) {
      return response;
    }
    MediaType type = body.contentType();
    byte[] whole = call.readWholeIfWithholdable(type == null ? null : type.toString(), seen);
    if (whole != null) {
      if (call.responseWithheld()) {
        return blockedResponse(request, call);
      }
      return response.newBuilder().removeHeader("Content-Length").body(ResponseBody.create(whole, type)).build();
    }
    // a rewritten body may differ in length from what the provider declared
    ResponseBody replaced = ResponseBody.create(Okio.buffer(Okio.source(seen)), body.contentType(), -1);
    return response.newBuilder().removeHeader("Content-Length").body(replaced).build();
  }

  private static Response blockedResponse(Request request, WireCall call) {
    Response.Builder response = new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(call.blockStatus())
        .message(call.blockStatus() == 200 ? "OK" : call.blockStatus() == 429 ? "Too Many Requests" : "Forbidden");
    MediaType type = MediaType.get("application/json");
    for (Map.Entry<String, String> header : call.blockHeaders().entrySet()) {
      response.header(header.getKey(), header.getValue());
      if (header.getKey().equalsIgnoreCase("content-type")) {
        type = MediaType.get(header.getValue()); // a cached stream is text/event-stream
      }
    }
    long now = System.currentTimeMillis();
    return response
        .body(ResponseBody.create(call.blockBody(), type))
        .sentRequestAtMillis(now)
        .receivedResponseAtMillis(now)
        .build();
  }
}
