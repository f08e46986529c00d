package dev.warden.agent.glue;

import dev.warden.bootstrap.PushedBodyStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/**
 * A reactive response body as an InputStream, so Warden reads it as it reads every other
 * client's: subscribes on the first read and asks for one buffer at a time. Reads block: call them
 * off the event loop. A glue helper (Azure, Spring's reactive client): defined next to the library
 * with the glue that uses it, it references only Reactive Streams, the JDK and the bridge.
 */
public final class ReactiveBodyStream extends PushedBodyStream implements Subscriber<ByteBuffer> {

  private final Publisher<ByteBuffer> source;
  private Subscription upstream;
  private boolean subscribed;

  public ReactiveBodyStream(Publisher<ByteBuffer> source) {
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
