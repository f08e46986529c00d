package dev.warden.policies.limits;

/**
 * A monotonic clock in nanoseconds, like {@link System#nanoTime()}: only the difference between
 * two readings means anything. Implementations are thread-safe.
 */
@FunctionalInterface
public interface TimeSource {

  /** The JVM's monotonic clock. */
  TimeSource SYSTEM = System::nanoTime;

  long nanoTime();
}
