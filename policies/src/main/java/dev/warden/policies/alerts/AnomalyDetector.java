package dev.warden.policies.alerts;

import dev.warden.policies.limits.TimeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds anomalies in a JVM's LLM calls as they are decided and as their responses report usage:
 * token spikes, new models, block-rate surges and injection bursts (see {@link AlertKind}), each
 * counted per key scope and per principal. Calls with no key scope share one key partition; calls
 * with no principal are counted in no principal partition. Thread-safe; calls on different
 * partitions do not wait for each other.
 *
 * <p>Cheap: constant time and memory per call and partition, and no allocation unless a partition
 * or a counter is new or an alert is raised. The state lives here, not in a policy snapshot, so it
 * survives reloads; the thresholds are the caller's current snapshot's. Memory is bounded by a cap
 * on partitions per side (key, principal); past it, the partitions idle longest are dropped (as
 * {@link dev.warden.policies.limits.InMemoryLimitStore} does) until a tenth of the cap is free,
 * and those partitions learn their usual rates again. An update racing with its partition's drop
 * is lost, which an estimate can afford.
 */
public final class AnomalyDetector {

  static final String KEY = "key";
  static final String PRINCIPAL = "principal";
  /** The key partition of calls that match no key scope. */
  private static final String NO_SCOPE = "";

  private final TimeSource time;
  private final int maxPartitions;
  private final ConcurrentHashMap<String, AlertPartition> keys = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AlertPartition> principals = new ConcurrentHashMap<>();
  private final AtomicBoolean dropping = new AtomicBoolean();

  /** @param maxPartitions the cap on key partitions, and on principal partitions; at least 1 */
  public AnomalyDetector(TimeSource time, int maxPartitions) {
    if (maxPartitions < 1) {
      throw new IllegalArgumentException("maxPartitions must be at least 1, was " + maxPartitions);
    }
    this.time = Objects.requireNonNull(time, "time");
    this.maxPartitions = maxPartitions;
  }

  /**
   * Counts a decided call.
   *
   * @param keyId     its key scope, or null
   * @param principal who called, or null
   * @param model     the model asked for, or null
   * @param blocked   true when the decision was to block (in monitor mode too)
   * @param used      true when the call goes to the provider (or the cache): its model is in use
   * @param injection true when the call had an injection finding, blocked or flagged
   * @return the alerts to raise; an empty immutable list when none
   */
  public List<Alert> decided(AlertThresholds thresholds, String keyId, String principal, String model,
      boolean blocked, boolean used, boolean injection) {
    if (thresholds.newModel() == null && thresholds.blockRate() == null && thresholds.injectionBurst() == null) {
      return List.of();
    }
    long now = time.nanoTime();
    List<Alert> alerts = partition(keys, keyId == null ? NO_SCOPE : keyId, KEY, now)
        .decided(thresholds, keyId, principal, model, blocked, used, injection, now, null);
    if (principal != null) {
      alerts = partition(principals, principal, PRINCIPAL, now)
          .decided(thresholds, keyId, principal, model, blocked, used, injection, now, alerts);
    }
    return alerts == null ? List.of() : alerts;
  }

  /**
   * Counts the tokens (input plus output) a call used, as its response reported them.
   *
   * @return the alerts to raise; an empty immutable list when none
   */
  public List<Alert> used(AlertThresholds thresholds, String keyId, String principal, String model, long tokens) {
    if (thresholds.tokenSpike() == null) {
      return List.of();
    }
    long now = time.nanoTime();
    List<Alert> alerts = partition(keys, keyId == null ? NO_SCOPE : keyId, KEY, now)
        .used(thresholds.tokenSpike(), keyId, principal, model, tokens, now, null);
    if (principal != null) {
      alerts = partition(principals, principal, PRINCIPAL, now)
          .used(thresholds.tokenSpike(), keyId, principal, model, tokens, now, alerts);
    }
    return alerts == null ? List.of() : alerts;
  }

  private AlertPartition partition(ConcurrentHashMap<String, AlertPartition> map, String name, String side, long now) {
    AlertPartition partition = map.get(name);
    if (partition != null) {
      return partition;
    }
    partition = new AlertPartition(name, side, now);
    AlertPartition raced = map.putIfAbsent(name, partition);
    if (raced != null) {
      return raced;
    }
    if (map.size() > maxPartitions) {
      dropIdlest(map);
    }
    return partition;
  }

  private void dropIdlest(ConcurrentHashMap<String, AlertPartition> map) {
    if (!dropping.compareAndSet(false, true)) {
      return;
    }
    try {
      // the readings are taken once: calls go on updating them while this sorts
      List<Idle> all = new ArrayList<>(map.size());
      for (AlertPartition partition : map.values()) {
        all.add(new Idle(partition.lastUsed(), partition));
      }
      int excess = all.size() - (maxPartitions - maxPartitions / 10);
      if (excess > 0) {
        all.sort(Comparator.comparingLong(Idle::lastUsed));
        for (int i = 0; i < excess; i++) {
          map.remove(all.get(i).partition().name, all.get(i).partition());
        }
      }
    } finally {
      dropping.set(false);
    }
  }

  private record Idle(long lastUsed, AlertPartition partition) {}

  /** The number of key and principal partitions (for tests). */
  int size() {
    return keys.size() + principals.size();
  }

  /** True when {@code principal} has a partition (for tests). */
  boolean tracksPrincipal(String principal) {
    return principals.containsKey(principal);
  }
}
