package dev.warden.policies.limits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link LimitStore} whose counters live in this JVM: exact token buckets (see
 * {@link TokenBucket}) per partition key and limit kind. Thread-safe; calls on different keys do
 * not wait for each other, calls on one key are serialized, so a key is never over-admitted.
 *
 * <p>Memory is bounded by a cap on partitions (about 350 bytes each plus the key). When an
 * admission finds more, the admitting thread drops partitions until a tenth of the cap is free,
 * so that the pass, linear in the partitions plus a sort, runs once per tenth of the cap of new
 * keys. It drops first every partition that is full with no reservation open: the next request of
 * its key starts from a new full partition, which is exactly the state dropped, so nothing is lost.
 * Only if that is not enough does it drop the least recently admitted partitions, which forgets
 * what they used: they start full again, erring on the side of admitting. Threads admitting while
 * one drops may take the count briefly past the cap. No background thread.
 */
public final class InMemoryLimitStore implements LimitStore {

  /** The default cap on partitions: room for many principals at a few tens of MB at most. */
  public static final int DEFAULT_MAX_PARTITIONS = 100_000;

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
  private final int maxPartitions;
  private final ConcurrentHashMap<String, Partition> partitions = new ConcurrentHashMap<>();
  private final AtomicBoolean dropping = new AtomicBoolean();

  /** A store of at most {@link #DEFAULT_MAX_PARTITIONS} partitions. */
  public InMemoryLimitStore(TimeSource time) {
    this(time, DEFAULT_MAX_PARTITIONS);
  }

  /** @throws IllegalArgumentException when {@code maxPartitions} is less than 1 */
  public InMemoryLimitStore(TimeSource time, int maxPartitions) {
    if (maxPartitions < 1) {
      throw new IllegalArgumentException("maxPartitions must be at least 1, was " + maxPartitions);
    }
    this.time = Objects.requireNonNull(time, "time");
    this.maxPartitions = maxPartitions;
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
    while (true) {
      Partition partition = partitions.computeIfAbsent(key, Partition::new);
      Admission admission = partition.admit(limits, estimatedTokens, time);
      if (admission != null) {
        if (partitions.size() > maxPartitions) {
          dropPartitions();
        }
        return admission;
      }
      // retired by a thread that has not removed it yet
      partitions.remove(key, partition);
    }
  }

  private void dropPartitions() {
    if (!dropping.compareAndSet(false, true)) {
      return;
    }
    try {
      long now = time.nanoTime();
      List<Idle> kept = new ArrayList<>(partitions.size());
      for (Partition partition : partitions.values()) {
        if (partition.retireIfSpent(time)) {
          partitions.remove(partition.key, partition);
        } else {
          kept.add(new Idle(now - partition.lastUsed(), partition));
        }
      }
      int excess = partitions.size() - (maxPartitions - maxPartitions / 10);
      if (excess > 0) {
        kept.sort(Comparator.comparingLong(Idle::nanos).reversed());
        for (int i = 0; i < excess && i < kept.size(); i++) {
          Partition partition = kept.get(i).partition();
          partition.retire();
          partitions.remove(partition.key, partition);
        }
      }
    } finally {
      dropping.set(false);
    }
  }

  /** The partition of {@code key}, or null (for tests). */
  Partition partition(String key) {
    return partitions.get(key);
  }

  /** The number of partitions (for tests). */
  int size() {
    return partitions.size();
  }

  private record Idle(long nanos, Partition partition) {}
}
