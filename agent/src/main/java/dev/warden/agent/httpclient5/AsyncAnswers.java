package dev.warden.agent.httpclient5;

import dev.warden.bootstrap.WireCall;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.hc.core5.concurrent.BasicFuture;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * Apache HttpClient 5 async answers that Warden makes: a blocked call's (or a cache hit's)
 * response fed to the application's own consumer, with no connection, and the response that
 * replaces a withheld completion. Also the callback through which the consumer completes the
 * answer's future. Glue.
 */
final class AsyncAnswers<T> implements FutureCallback<T> {

  private final BasicFuture<T> future;

  private AsyncAnswers(BasicFuture<T> future) {
    this.future = future;
  }

  /** Answers {@code call} through {@code consumer}; the future is complete when this returns. */
  static <T> Future<T> answer(WireCall call, AsyncResponseConsumer<T> consumer, HttpContext context,
      FutureCallback<T> callback) {
    BasicFuture<T> future = new BasicFuture<>(callback);
    byte[] body = call.blockBody();
    try {
      consumer.consumeResponse(response(call), new BasicEntityDetails(body.length, contentType(call)),
          context != null ? context : HttpCoreContext.create(), new AsyncAnswers<>(future));
      consumer.consume(ByteBuffer.wrap(body));
      consumer.streamEnd(null);
    } catch (Exception e) {
      consumer.failed(e);
      future.failed(e);
    } finally {
      consumer.releaseResources();
    }
    return future;
  }

  /** The head of the synthetic response: status and headers of the block. */
  static HttpResponse response(WireCall call) {
    int status = call.blockStatus();
    BasicHttpResponse response = new BasicHttpResponse(status,
        status == 200 ? "OK" : status == 429 ? "Too Many Requests" : "Forbidden");
    for (Map.Entry<String, String> header : call.blockHeaders().entrySet()) {
      response.addHeader(header.getKey(), header.getValue());
    }
    return response;
  }

  /** JSON, unless the block says otherwise (a cached stream is text/event-stream). */
  static ContentType contentType(WireCall call) {
    for (Map.Entry<String, String> header : call.blockHeaders().entrySet()) {
      if (header.getKey().equalsIgnoreCase("content-type")) {
        return ContentType.parse(header.getValue());
      }
    }
    return ContentType.APPLICATION_JSON;
  }

  @Override
  public void completed(T result) {
    future.completed(result);
  }

  @Override
  public void failed(Exception error) {
    future.failed(error);
  }

  @Override
  public void cancelled() {
    future.cancel();
  }
}
