package dev.warden.agent.httpclient5;

import dev.warden.bootstrap.BlockingExchange;
import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WireCall;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;

/**
 * One decided Apache HttpClient 5 classic execution. The application's request object is sent
 * with the decided body and headers (so its configuration, cancellation and protocol version go
 * along) and put back as it was when the execution ends, so the real key never stays in it and it
 * can be sent again. The response is routed through {@link WireCall#onResponse}: its entity is
 * replaced by the rewritten stream, read as the application reads it (event streams included).
 * Glue, like {@link ClassicGlue}.
 */
public final class ClassicExchange implements BlockingExchange {

  private final ClassicHttpRequest request;
  private final WireCall call;
  private final Object answer;
  private HttpEntity originalEntity;
  private WireHeaders originalHeaders;

  private ClassicExchange(ClassicHttpRequest request, WireCall call, Object answer) {
    this.request = request;
    this.call = call;
    this.answer = answer;
  }

  /** An execution answered without the network. */
  static ClassicExchange answered(WireCall blocked) {
    return new ClassicExchange(null, null, ClassicAnswers.blocked(blocked));
  }

  /**
   * An execution that goes out with {@code body} (null: the request's own entity) and
   * {@code headers} set; {@code call} null when the response is not Warden's business.
   */
  static ClassicExchange sent(ClassicHttpRequest request, WireCall call, byte[] body, Map<String, String> headers) {
    ClassicExchange exchange = new ClassicExchange(request, call, null);
    exchange.apply(body, headers);
    return exchange;
  }

  @Override
  public Object answer() {
    return answer;
  }

  @Override
  public Object end(Object response, Throwable thrown) {
    try {
      restore();
    } catch (Throwable t) {
      WardenBridge.logOnce(t);
    }
    if (call == null) {
      return response;
    }
    if (thrown != null) {
      call.onFailure(thrown);
      return null;
    }
    try {
      return observed((ClassicHttpResponse) response);
    } catch (Throwable t) {
      WardenBridge.logOnce(t);
      return response;
    }
  }

  private void apply(byte[] body, Map<String, String> headers) {
    if (body != null) {
      HttpEntity entity = request.getEntity();
      originalEntity = entity;
      request.setEntity(new ByteArrayEntity(body, ContentType.parse(entity.getContentType()),
          entity.getContentEncoding(), entity.isChunked()));
    }
    originalHeaders = WireHeaders.set(request, headers);
  }

  private void restore() {
    if (originalEntity != null) {
      request.setEntity(originalEntity);
    }
    if (originalHeaders != null) {
      originalHeaders.restore();
    }
  }

  private ClassicHttpResponse observed(ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    InputStream original = entity == null ? InputStream.nullInputStream() : entity.getContent();
    InputStream seen = call.onResponse(response.getCode(),
        WireHeaders.ofResponse(response, entity == null ? null : entity.getContentEncoding()), original);
    if (seen == original) {
      return response;
    }
    String contentType = entity == null ? null : entity.getContentType();
    if (entity == null) {
      // nothing to hand on: read what Warden made of the empty body, so the call ends
      try (InputStream in = seen) {
        in.readAllBytes();
      }
      return response;
    }
    response.removeHeaders("Content-Length");
    byte[] whole = call.readWholeIfWithholdable(contentType, seen);
    if (whole != null) {
      if (call.responseWithheld()) {
        ClassicAnswers.withhold(response, call);
      } else {
        response.setEntity(new ByteArrayEntity(whole, ContentType.parse(contentType), entity.getContentEncoding()));
      }
      return response;
    }
    // a rewritten body may differ in length from what the provider declared
    response.setEntity(new InputStreamEntity(seen, -1, ContentType.parse(contentType), entity.getContentEncoding()));
    return response;
  }
}
