package dev.warden.agent.azure;

import dev.warden.bootstrap.PushedBodyStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Flux;

/**
 * A reactive response body as an InputStream: subscribes on the first read and asks for one
 * buffer at a time. Reads block: call them off the event loop.
 */
final class AzureBodyStream extends PushedBodyStream implements Subscriber<ByteBuffer> {

  private final Flux<ByteBuffer> source;
  private Subscription upstream;
  private boolean subscribed;

  AzureBodyStream(Flux<ByteBuffer> source) {
    this.source = source;
  }

  @Override
  public synchronized void onSubscribe(Subscription subscription) {
    upstream = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(ByteBuffer buffer) {
    pushed(List.of(buffer));
  }

  @Override
  public void onError(Throwable error) {
    pushFailed(error);
  }

  @Override
  public void onComplete() {
    pushEnded();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    subscribeOnce();
    return super.read(b, off, len);
  }

  @Override
  protected void requestMore() {
    upstream.request(1);
  }

  @Override
  protected void cancel() {
    if (upstream != null) {
      upstream.cancel();
    }
  }

  /** Outside the lock: the source may deliver on this very thread. */
  private void subscribeOnce() {
    boolean first;
    synchronized (this) {
      first = !subscribed;
      subscribed = true;
    }
    if (first) {
      source.subscribe(this);
    }
  }
}
