package dev.warden.agent.telemetry;

import dev.warden.bootstrap.SdkFrame;
import io.opentelemetry.api.trace.Span;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one span of an SDK-level operation ({@link SdkFrame}): started by its first wire call, ended
 * when the frame has returned and every wire call made in it has ended (a stream the SDK handed
 * out may outlive the method that opened it). Usage tokens are summed over the attempts; the
 * operation failed when the attempt that ended last did (a retry that succeeded clears it: a span's
 * error status, once set, is final). Thread-safe.
 */
final class OperationSpan implements SdkFrame.Operation {

  private final Span span;
  /** The frame itself, plus each wire call not yet ended. */
  private final AtomicInteger open = new AtomicInteger(1);
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicLong inputTokens = new AtomicLong();
  private final AtomicLong outputTokens = new AtomicLong();
  private volatile String errorType;

  OperationSpan(Span span) {
    this.span = span;
  }

  Span span() {
    return span;
  }

  /** A wire call joins the operation; returns its attempt number, from 1. */
  int join() {
    open.incrementAndGet();
    int attempt = attempts.incrementAndGet();
    span.setAttribute(WardenAttributes.ATTEMPTS, (long) attempt);
    return attempt;
  }

  long addInputTokens(long tokens) {
    return inputTokens.addAndGet(tokens);
  }

  long addOutputTokens(long tokens) {
    return outputTokens.addAndGet(tokens);
  }

  /** How an attempt ended: its error type, or null for success. */
  void outcome(String attemptErrorType) {
    errorType = attemptErrorType;
  }

  /** A wire call of the operation ended. */
  void leave() {
    if (open.decrementAndGet() == 0) {
      String failed = errorType;
      if (failed != null) {
        CallSpan.markFailed(span, failed);
      }
      span.end();
    }
  }

  @Override
  public void frameExited() {
    leave();
  }
}
