package dev.warden.agent.httpclient5;

import dev.warden.bootstrap.AsyncClientGlue;
import dev.warden.bootstrap.AsyncExecution;
import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WardenErrorCall;
import dev.warden.bootstrap.WireCall;
import java.util.Map;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads an Apache HttpClient 5 async request to an LLM endpoint from its producer, has it
 * decided, and applies the decision: a blocked call is answered through the application's own
 * consumer; any other goes out as the bytes read (the application's producer may be one-shot)
 * with the decided body and headers, its response through a {@link WardenResponseConsumer}. Runs
 * on the thread that calls {@code execute}, never on an I/O reactor thread. Glue: defined next to
 * the application's HttpClient by {@link dev.warden.agent.glue.LibraryGlue}.
 */
public final class AsyncGlue implements AsyncClientGlue {

  /** How long a producer that delivers from a thread of its own is waited for, as the JDK hook does. */
  private static final long BODY_TIMEOUT_MILLIS = 10_000;

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public AsyncExecution begin(Object target, Object requestProducer, Object responseConsumer, Object context,
      Object callback) {
    AsyncResponseConsumer consumer = (AsyncResponseConsumer) responseConsumer;
    try {
      return decide((HttpHost) target, (AsyncRequestProducer) requestProducer, consumer, (HttpContext) context,
          (FutureCallback) callback);
    } catch (Throwable t) {
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      WardenBridge.logOnce(t);
      return WardenBridge.failClosed()
          ? AsyncCall.answered(AsyncAnswers.answer(WardenErrorCall.INSTANCE, consumer, (HttpContext) context,
              (FutureCallback) callback))
          : null;
    }
  }

  private static <T> AsyncExecution decide(HttpHost target, AsyncRequestProducer producer,
      AsyncResponseConsumer<T> consumer, HttpContext context, FutureCallback<T> callback) throws Exception {
    AsyncRequestReader reader = new AsyncRequestReader();
    if (producer == null || !reader.readHead(producer, context) || reader.entity() == null) {
      return null;
    }
    HttpRequest request = reader.request();
    EntityDetails entity = reader.entity();
    String url = LlmEndpoint.url(target, request);
    if (url == null) {
      return null;
    }
    // a body over the limit is not read: Warden cannot check it, and the bridge follows onError
    byte[] body = entity.getContentLength() > LlmEndpoint.MAX_BYTES ? null
        : reader.readBody(producer, BODY_TIMEOUT_MILLIS);
    WireCall call = WardenBridge.onRequest(request.getMethod(), url, WireHeaders.of(request),
        body == null || body.length > LlmEndpoint.MAX_BYTES ? null : body);
    if (call != null && call.blocked()) {
      producer.releaseResources();
      return AsyncCall.answered(AsyncAnswers.answer(call, consumer, context, callback));
    }
    if (body == null) {
      return null;
    }
    producer.releaseResources();
    byte[] toSend = call == null || call.requestBody() == null ? body : call.requestBody();
    Map<String, String> headers = call == null ? Map.of() : call.headers();
    WireHeaders sent = WireHeaders.set(request, headers);
    // the application's producer has been read: the bytes held go out in its place, repeatably
    BasicRequestProducer resend = new BasicRequestProducer(request, new BasicAsyncEntityProducer(toSend,
        entity.getContentType() == null ? null : ContentType.parse(entity.getContentType()), entity.isChunked()));
    return AsyncCall.sent(resend, call == null ? consumer : new WardenResponseConsumer<>(consumer, call, sent));
  }
}
