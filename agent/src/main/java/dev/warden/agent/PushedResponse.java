package dev.warden.agent;

import dev.warden.agent.wire.response.ResponseObserver;
import dev.warden.agent.wire.response.ResponseSummary;
import dev.warden.agent.wire.rewrite.PushRewrite;
import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.ResponseFilter;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A pushed response body: the observer sees the bytes as received (usage, stop reason), the
 * rewriter, when there is one, turns them into what the application gets, and the call's end
 * consumer gets the summary when the body ends. A failure of either passes the rest unchanged.
 */
final class PushedResponse implements ResponseFilter {

  private static final byte[] EMPTY = new byte[0];

  private final ResponseObserver observer;
  private final PushRewrite rewrite;
  private final Consumer<ResponseSummary> onEnd;
  private boolean failed;
  private boolean ended;

  /**
   * @param rewrite null to hand the bytes on unchanged
   * @param onEnd   null when nothing waits for the summary
   */
  PushedResponse(ResponseObserver observer, PushRewrite rewrite, Consumer<ResponseSummary> onEnd) {
    this.observer = observer;
    this.rewrite = rewrite;
    this.onEnd = onEnd;
  }

  @Override
  public byte[] onBytes(ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    if (failed) {
      return copy;
    }
    try {
      observer.onBytes(copy, 0, copy.length);
      return rewrite == null ? copy : rewrite.feed(copy, 0, copy.length);
    } catch (RuntimeException e) {
      failed = true;
      WardenBridge.logOnce(e);
      return copy;
    }
  }

  @Override
  public byte[] onEnd() {
    if (ended) {
      return EMPTY;
    }
    ended = true;
    try {
      byte[] rest = rewrite == null || failed ? EMPTY : rewrite.finish();
      ResponseSummary summary = observer.finish();
      if (onEnd != null) {
        onEnd.accept(summary);
      }
      return rest;
    } catch (RuntimeException e) {
      WardenBridge.logOnce(e);
      return EMPTY;
    }
  }
}
