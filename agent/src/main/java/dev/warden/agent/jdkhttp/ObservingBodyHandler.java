package dev.warden.agent.jdkhttp;

import dev.warden.bootstrap.ResponseWatch;
import dev.warden.bootstrap.WireCall;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Lets a {@link WireCall} watch a JDK HttpClient response that Warden does not rewrite (for its
 * usage tokens): each item goes to the call's {@link ResponseWatch} and then, unchanged, to the
 * application's own subscriber, on the same thread. No copy, no extra thread.
 */
final class ObservingBodyHandler<T> implements HttpResponse.BodyHandler<T> {

  private final HttpResponse.BodyHandler<T> handler;
  private final WireCall call;

  ObservingBodyHandler(HttpResponse.BodyHandler<T> handler, WireCall call) {
    this.handler = handler;
    this.call = call;
  }

  @Override
  public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
    HttpResponse.BodySubscriber<T> downstream = handler.apply(info);
    ResponseWatch watch = call.watchResponse(info.statusCode(), info.headers().map());
    return watch == null ? downstream : new Watched<>(downstream, watch);
  }

  private static final class Watched<T> implements HttpResponse.BodySubscriber<T> {
    private final HttpResponse.BodySubscriber<T> downstream;
    private final ResponseWatch watch;

    Watched(HttpResponse.BodySubscriber<T> downstream, ResponseWatch watch) {
      this.downstream = downstream;
      this.watch = watch;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      downstream.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      for (int i = 0, n = item.size(); i < n; i++) {
        watch.onBytes(item.get(i));
      }
      downstream.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      watch.onEnd();
      downstream.onError(throwable);
    }

    @Override
    public void onComplete() {
      watch.onEnd();
      downstream.onComplete();
    }

    @Override
    public CompletionStage<T> getBody() {
      return downstream.getBody();
    }
  }
}
