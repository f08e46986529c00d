package dev.warden.agent.httpclient5;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Takes an async request producer's request and body the way the client would: as the channel
 * it sends to, accepting every byte. A producer that delivers from a thread of its own (a
 * reactive body) is waited for, at most {@code timeoutMillis}. Glue, like {@link AsyncGlue}.
 */
final class AsyncRequestReader implements RequestChannel, DataStreamChannel {

  private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
  private HttpRequest request;
  private EntityDetails entity;
  private boolean ended;
  private boolean outputRequested;

  /** Has {@code producer} send its request head here; false when it sent none. */
  boolean readHead(AsyncRequestProducer producer, HttpContext context) throws HttpException, IOException {
    producer.sendRequest(this, context);
    return request != null;
  }

  HttpRequest request() {
    return request;
  }

  /** The entity details the producer sent with the head; null when the request has no body. */
  EntityDetails entity() {
    return entity;
  }

  /** The whole body; null when the producer had not ended it within {@code timeoutMillis}. */
  byte[] readBody(AsyncRequestProducer producer, long timeoutMillis) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (true) {
      synchronized (this) {
        outputRequested = false;
      }
      producer.produce(this);
      boolean more = producer.available() > 0;
      synchronized (this) {
        while (!ended && !more && !outputRequested) {
          long left = (deadline - System.nanoTime()) / 1_000_000L;
          if (left <= 0) {
            return null;
          }
          wait(left);
        }
        if (ended) {
          return body.toByteArray();
        }
      }
    }
  }

  @Override
  public void sendRequest(HttpRequest sent, EntityDetails entityDetails, HttpContext context) {
    this.request = sent;
    this.entity = entityDetails;
  }

  @Override
  public synchronized void requestOutput() {
    outputRequested = true;
    notifyAll();
  }

  @Override
  public synchronized int write(ByteBuffer src) {
    int n = src.remaining();
    if (src.hasArray()) {
      body.write(src.array(), src.arrayOffset() + src.position(), n);
      src.position(src.limit());
    } else {
      byte[] copy = new byte[n];
      src.get(copy);
      body.write(copy, 0, n);
    }
    return n;
  }

  @Override
  public void endStream() {
    endStream(null);
  }

  @Override
  public synchronized void endStream(List<? extends Header> trailers) {
    ended = true;
    notifyAll();
  }
}
