package dev.warden.policies.limits;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link LimitStore} whose counters live in this JVM: exact token buckets (see
 * {@link TokenBucket}) per partition key and limit kind. Thread-safe; calls on different keys do
 * not wait for each other, calls on one key are serialized, so a key is never over-admitted.
 */
public final class InMemoryLimitStore implements LimitStore {

  private static final Admission UNLIMITED = new Admission.Granted(new Reservation() {
    @Override
    public void settle(long actualTokens) {
      if (actualTokens < 0) {
        throw new IllegalArgumentException("actualTokens must not be negative, was " + actualTokens);
      }
    }

    @Override
    public void release() {
    }
  });

  private final TimeSource time;
  private final ConcurrentHashMap<String, Partition> partitions = new ConcurrentHashMap<>();

  public InMemoryLimitStore(TimeSource time) {
    this.time = Objects.requireNonNull(time, "time");
  }

  @Override
  public Admission admit(String key, Limits limits, long estimatedTokens) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(limits, "limits");
    if (estimatedTokens < 0) {
      throw new IllegalArgumentException("estimatedTokens must not be negative, was " + estimatedTokens);
    }
    if (limits.none()) {
      return UNLIMITED;
    }
    return partitions.computeIfAbsent(key, k -> new Partition()).admit(limits, estimatedTokens, time);
  }

  /** The partition of {@code key}, or null (for tests). */
  Partition partition(String key) {
    return partitions.get(key);
  }
}
