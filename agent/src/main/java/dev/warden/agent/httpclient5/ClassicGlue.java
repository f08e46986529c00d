package dev.warden.agent.httpclient5;

import dev.warden.bootstrap.BlockingClientGlue;
import dev.warden.bootstrap.BlockingExchange;
import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WardenErrorCall;
import dev.warden.bootstrap.WireCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;

/**
 * Reads an Apache HttpClient 5 classic request to an LLM endpoint, has it decided, and starts the
 * {@link ClassicExchange} that applies the decision. Glue: defined next to the application's
 * HttpClient by {@link dev.warden.agent.glue.LibraryGlue}, it references only HttpClient,
 * HttpCore, the JDK, the bridge and the other glue classes.
 */
public final class ClassicGlue implements BlockingClientGlue {

  @Override
  public BlockingExchange begin(Object target, Object request) {
    try {
      return decide((HttpHost) target, (ClassicHttpRequest) request);
    } catch (Throwable t) {
      WardenBridge.logOnce(t);
      return WardenBridge.failClosed() ? ClassicExchange.answered(WardenErrorCall.INSTANCE) : null;
    }
  }

  private static BlockingExchange decide(HttpHost target, ClassicHttpRequest request) throws IOException {
    HttpEntity entity = request.getEntity();
    String url = entity == null ? null : LlmEndpoint.url(target, request);
    if (url == null) {
      return null;
    }
    // a body over the limit is not read: Warden cannot check it, and the bridge follows onError
    byte[] body = entity.getContentLength() > LlmEndpoint.MAX_BYTES ? null : read(entity);
    WireCall call = WardenBridge.onRequest(request.getMethod(), url, WireHeaders.of(request),
        body == null || body.length > LlmEndpoint.MAX_BYTES ? null : body);
    if (call != null && call.blocked()) {
      return ClassicExchange.answered(call);
    }
    if (body == null) {
      return null;
    }
    byte[] toSend = call == null || call.requestBody() == null ? body : call.requestBody();
    Map<String, String> headers = call == null ? Map.of() : call.headers();
    if (toSend == body && entity.isRepeatable() && headers.isEmpty()) {
      return call == null ? null : ClassicExchange.sent(request, call, null, headers);
    }
    // a one-shot entity has been read: the bytes held are sent in its place
    return ClassicExchange.sent(request, call, toSend, headers);
  }

  private static byte[] read(HttpEntity entity) throws IOException {
    long length = entity.getContentLength();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(length > 0 && length <= LlmEndpoint.MAX_BYTES ? (int) length : 1024);
    entity.writeTo(bytes);
    return bytes.toByteArray();
  }
}
