package dev.warden.agent.wire.response;

import dev.warden.bootstrap.ResponseWatch;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A {@link ResponseObserver} fed by a push-based transport: what {@link ObservedInputStream} is
 * for a pulled body. The summary goes to the callback once, when the body ends; a failing observer
 * or callback is dropped, never thrown to the transport. Not thread-safe: the JDK delivers a
 * body's items one at a time.
 */
public final class SummaryWatch implements ResponseWatch {

  private static final int CHUNK = 8192;

  private ResponseObserver observer;
  private final Consumer<ResponseSummary> onEnd;
  private byte[] chunk;
  private boolean ended;

  public SummaryWatch(ResponseObserver observer, Consumer<ResponseSummary> onEnd) {
    this.observer = observer;
    this.onEnd = onEnd;
  }

  @Override
  public void onBytes(ByteBuffer bytes) {
    if (observer == null) {
      return;
    }
    try {
      if (bytes.hasArray()) {
        observer.onBytes(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        return;
      }
      ByteBuffer view = bytes.duplicate();
      if (chunk == null) {
        chunk = new byte[CHUNK];
      }
      while (view.hasRemaining()) {
        int n = Math.min(view.remaining(), CHUNK);
        view.get(chunk, 0, n);
        observer.onBytes(chunk, 0, n);
      }
    } catch (RuntimeException e) {
      observer = null; // a Warden bug must not reach the application's response
    }
  }

  @Override
  public void onEnd() {
    if (ended) {
      return;
    }
    ended = true;
    ResponseObserver seen = observer;
    observer = null;
    try {
      onEnd.accept(seen == null ? ResponseSummary.empty() : seen.finish());
    } catch (RuntimeException e) {
      // as above
    }
  }
}
