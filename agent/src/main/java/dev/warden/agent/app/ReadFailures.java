package dev.warden.agent.app;

import dev.warden.agent.WardenLog;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Says at debug level, once per reader, that reading a source failed: only the failure's type,
 * never its message, which could carry a value read. Thread-safe.
 */
public final class ReadFailures {

  private ReadFailures() {}

  /**
   * Logs the first failure that {@code logged} has not seen yet.
   *
   * @param what   the source, e.g. {@code "Spring Security's context"}
   * @param failure what was thrown; an {@link InvocationTargetException} is named by its cause
   */
  public static void logOnce(AtomicBoolean logged, String what, Throwable failure) {
    if (WardenLog.debugEnabled() && logged.compareAndSet(false, true)) {
      Throwable cause = failure instanceof InvocationTargetException && failure.getCause() != null
          ? failure.getCause() : failure;
      WardenLog.debug("reading " + what + " failed (" + cause.getClass().getName()
          + "); it is skipped for that call, and later failures are not logged");
    }
  }
}
