package dev.warden.agent.jdkhttp;

import dev.warden.bootstrap.WireCall;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Routes a JDK HttpClient response body through {@link WireCall#onResponse}, which rewrites as a
 * pull-based stream, before the application's own {@link HttpResponse.BodyHandler} gets it. The
 * JDK pushes bytes, so a daemon thread per rewritten response reads the rewritten stream and
 * pushes it on, as fast as the application's subscriber asks for it. Only calls whose completion
 * text must change (pseudonyms restored, completions redacted) take this path.
 *
 * <p>It also records whether the response had been withheld ({@link WireCall#responseWithheld()})
 * when the application's handler made its body out of the whole rewritten body (ofString,
 * ofByteArray complete the body inside {@code onComplete}): such a response can still get the block
 * status ({@link WithheldResponse}). A streaming handler (ofInputStream, ofLines) makes its body
 * before any of it is read, so it never counts, however fast the body arrives.
 */
final class RewritingBodyHandler<T> implements HttpResponse.BodyHandler<T> {

  private final HttpResponse.BodyHandler<T> handler;
  private final WireCall call;
  private volatile boolean withheldWithBody;

  RewritingBodyHandler(HttpResponse.BodyHandler<T> handler, WireCall call) {
    this.handler = handler;
    this.call = call;
  }

  @Override
  public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
    HttpResponse.BodySubscriber<T> downstream = handler.apply(info);
    if (info.statusCode() < 200 || info.statusCode() >= 300) {
      return downstream;
    }
    return new Rewriting<>(this, downstream, info);
  }

  /** True when the response was withheld before the application's handler completed its body. */
  boolean withheldWithBody() {
    return withheldWithBody;
  }

  /** Receives the provider's bytes into a pipe; the pump thread reads them rewritten and pushes them on. */
  private static final class Rewriting<T> implements HttpResponse.BodySubscriber<T> {
    private final RewritingBodyHandler<T> handler;
    private final HttpResponse.BodySubscriber<T> downstream;
    private final WireCall call;
    private final HttpResponse.ResponseInfo info;
    private final ByteBufferPipe pipe = new ByteBufferPipe();

    Rewriting(RewritingBodyHandler<T> handler, HttpResponse.BodySubscriber<T> downstream,
        HttpResponse.ResponseInfo info) {
      this.handler = handler;
      this.downstream = downstream;
      this.call = handler.call;
      this.info = info;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      pipe.upstream(subscription);
      Pump pump = new Pump(downstream, handler);
      downstream.onSubscribe(pump);
      Thread thread = new Thread(() -> pump.run(call.onResponse(info.statusCode(), info.headers().map(), pipe)),
          "warden-response");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      pipe.offer(item);
    }

    @Override
    public void onError(Throwable throwable) {
      pipe.fail(throwable);
    }

    @Override
    public void onComplete() {
      pipe.end();
    }

    @Override
    public CompletionStage<T> getBody() {
      return downstream.getBody();
    }
  }

  /** Pushes the rewritten stream to the application's subscriber, honouring its demand. */
  private static final class Pump implements Flow.Subscription {
    private final HttpResponse.BodySubscriber<?> downstream;
    private final RewritingBodyHandler<?> handler;
    private long demand;
    private boolean cancelled;

    Pump(HttpResponse.BodySubscriber<?> downstream, RewritingBodyHandler<?> handler) {
      this.downstream = downstream;
      this.handler = handler;
    }

    @Override
    public synchronized void request(long n) {
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      notifyAll();
    }

    @Override
    public synchronized void cancel() {
      cancelled = true;
      notifyAll();
    }

    void run(InputStream rewritten) {
      byte[] buffer = new byte[8192];
      try (InputStream in = rewritten) {
        int n;
        while ((n = in.read(buffer)) != -1) {
          if (!awaitDemand()) {
            return;
          }
          byte[] chunk = new byte[n];
          System.arraycopy(buffer, 0, chunk, 0, n);
          downstream.onNext(List.of(ByteBuffer.wrap(chunk)));
        }
        // a body not made yet is made of the whole stream inside onComplete (ofString): decided
        // before completing it, since completing it completes the application's response
        if (!downstream.getBody().toCompletableFuture().isDone() && handler.call.responseWithheld()) {
          handler.withheldWithBody = true;
        }
        downstream.onComplete();
      } catch (IOException | RuntimeException e) {
        downstream.onError(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        downstream.onError(new IOException("interrupted while delivering the response"));
      }
    }

    private synchronized boolean awaitDemand() throws InterruptedException {
      while (demand == 0 && !cancelled) {
        wait();
      }
      if (cancelled) {
        return false;
      }
      demand--;
      return true;
    }
  }
}
