package dev.warden.agent.aws;

import dev.warden.bootstrap.ResponseFilter;
import java.nio.ByteBuffer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * An async response body passed through the call's {@link ResponseFilter}: it subscribes to the
 * provider's publisher on behalf of the SDK's subscriber and hands on what the filter returns.
 * Demand passes through one for one; an item the filter holds back is replaced by a request for
 * the next, and the filter's last bytes wait for demand before completing. Glue: defined next to
 * the SDK by {@link dev.warden.agent.glue.LibraryGlue}, no nested classes.
 */
public final class WardenAwsPublisher implements Publisher<ByteBuffer>, Subscriber<ByteBuffer>, Subscription {

  private final Publisher<ByteBuffer> upstream;
  private final ResponseFilter filter;
  private Subscriber<? super ByteBuffer> downstream;
  private Subscription subscription;
  private long demand;
  private byte[] last;
  private boolean completed;
  private boolean done;

  WardenAwsPublisher(Publisher<ByteBuffer> upstream, ResponseFilter filter) {
    this.upstream = upstream;
    this.filter = filter;
  }

  @Override
  public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
    this.downstream = subscriber;
    upstream.subscribe(this);
  }

  @Override
  public void onSubscribe(Subscription upstreamSubscription) {
    this.subscription = upstreamSubscription;
    downstream.onSubscribe(this);
  }

  @Override
  public void request(long n) {
    boolean finish;
    synchronized (this) {
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      finish = completed && !done;
    }
    if (finish) {
      finish();
    } else {
      subscription.request(n);
    }
  }

  @Override
  public void cancel() {
    subscription.cancel();
  }

  @Override
  public void onNext(ByteBuffer item) {
    byte[] out = filter.onBytes(item);
    if (out.length == 0) {
      subscription.request(1);
      return;
    }
    synchronized (this) {
      demand--;
    }
    downstream.onNext(ByteBuffer.wrap(out));
  }

  @Override
  public void onError(Throwable error) {
    filter.onEnd();
    downstream.onError(error);
  }

  @Override
  public void onComplete() {
    byte[] rest = filter.onEnd();
    synchronized (this) {
      last = rest;
      completed = true;
    }
    finish();
  }

  /** Hands on the last bytes once there is demand for them, then completes. */
  private void finish() {
    byte[] rest;
    synchronized (this) {
      if (done || (last.length > 0 && demand <= 0)) {
        return;
      }
      done = true;
      rest = last;
    }
    if (rest.length > 0) {
      downstream.onNext(ByteBuffer.wrap(rest));
    }
    downstream.onComplete();
  }
}
