package dev.warden.policies.alerts;

import dev.warden.policies.alerts.AlertThresholds.BlockRate;
import dev.warden.policies.alerts.AlertThresholds.InjectionBurst;
import dev.warden.policies.alerts.AlertThresholds.TokenSpike;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The counters of one key scope or one principal. Thread-safe: every method holds this object's
 * monitor for a few arithmetic steps. A counter is made when its kind is first configured and
 * restarted when a reload changes its window; the thresholds come with each call.
 *
 * <p>Each kind fires at most once per window: after firing it is disarmed until a window has
 * passed, and then fires again only if its condition still holds (or holds again).
 */
final class AlertPartition {

  /** Models remembered per key scope; past this, further new models raise nothing (bounded memory). */
  static final int MAX_MODELS = 64;
  private static final long ARMED = Long.MIN_VALUE;

  final String name;
  /** {@code key} or {@code principal}, for the alert. */
  private final String partition;
  private final long created;
  private volatile long lastUsed;
  private SlidingCount tokens;
  private SlidingCount calls;
  private SlidingCount refused;
  private SlidingCount injections;
  private Set<String> models;
  private final long[] firedAt = {ARMED, ARMED, ARMED, ARMED};

  AlertPartition(String name, String partition, long now) {
    this.name = name;
    this.partition = partition;
    this.created = now;
    this.lastUsed = now;
  }

  long lastUsed() {
    return lastUsed;
  }

  /**
   * Counts one decided call.
   *
   * @param used     true when the call went out (not refused): only then is its model used
   * @param alerts   alerts found so far for this call, or null
   * @return {@code alerts}, or a new list, with the alerts this call raises here added
   */
  synchronized List<Alert> decided(AlertThresholds thresholds, String keyId, String principal, String model,
      boolean blocked, boolean used, boolean injection, long now, List<Alert> alerts) {
    lastUsed = now;
    if (thresholds.newModel() != null && used && model != null && partition.equals(AnomalyDetector.KEY)) {
      alerts = newModel(thresholds.newModel().after(), keyId, principal, model, now, alerts);
    }
    BlockRate rate = thresholds.blockRate();
    if (rate != null) {
      if (calls == null || !calls.counts(rate.window())) {
        calls = new SlidingCount(rate.window(), now);
        refused = new SlidingCount(rate.window(), now);
      }
      calls.add(1, now);
      refused.add(blocked ? 1 : 0, now);
      long n = calls.sum(now);
      double share = (double) refused.sum(now) / n;
      if (blocked && n >= rate.minCalls() && share >= rate.ratio() && arm(AlertKind.BLOCK_RATE, rate.window(), now)) {
        alerts = add(alerts, new Alert(AlertKind.BLOCK_RATE, partition, keyId, principal, model,
            Math.round(share * 1000) / 1000.0, rate.ratio(), rate.window()));
      }
    }
    InjectionBurst burst = thresholds.injectionBurst();
    if (burst != null) {
      if (injections == null || !injections.counts(burst.window())) {
        injections = new SlidingCount(burst.window(), now);
      }
      if (injection) {
        injections.add(1, now);
        long n = injections.sum(now);
        if (n >= burst.count() && arm(AlertKind.INJECTION_BURST, burst.window(), now)) {
          alerts = add(alerts, new Alert(AlertKind.INJECTION_BURST, partition, keyId, principal, model, n,
              burst.count(), burst.window()));
        }
      }
    }
    return alerts;
  }

  /** Counts the tokens a call used, as its response reported them. */
  synchronized List<Alert> used(TokenSpike spike, String keyId, String principal, String model, long used, long now,
      List<Alert> alerts) {
    lastUsed = now;
    if (tokens == null || !tokens.counts(spike.window())) {
      tokens = new SlidingCount(spike.window(), now);
    }
    tokens.add(used, now);
    long n = tokens.sum(now);
    if (n <= spike.minTokens() || !tokens.learned()) {
      return alerts;
    }
    long threshold = Math.max(spike.minTokens(), (long) Math.ceil(spike.factor() * tokens.usual()));
    if (n > threshold && arm(AlertKind.TOKEN_SPIKE, spike.window(), now)) {
      alerts = add(alerts, new Alert(AlertKind.TOKEN_SPIKE, partition, keyId, principal, model, n, threshold,
          spike.window()));
    }
    return alerts;
  }

  /** Models seen before {@code after} has passed since the first call are the scope's own; each later one alerts once. */
  private List<Alert> newModel(Duration after, String keyId, String principal, String model, long now,
      List<Alert> alerts) {
    if (models == null) {
      models = new HashSet<>();
    }
    if (models.size() >= MAX_MODELS || !models.add(model)) {
      return alerts;
    }
    return now - created < after.toNanos() ? alerts
        : add(alerts, new Alert(AlertKind.NEW_MODEL, partition, keyId, principal, model, null, null, after));
  }

  /** True (and disarmed) when {@code kind} is armed: never fired, or last fired a window or more ago. */
  private boolean arm(AlertKind kind, Duration window, long now) {
    long last = firedAt[kind.ordinal()];
    if (last != ARMED && now - last < window.toNanos()) {
      return false;
    }
    firedAt[kind.ordinal()] = now;
    return true;
  }

  private static List<Alert> add(List<Alert> alerts, Alert alert) {
    List<Alert> out = alerts == null ? new ArrayList<>(2) : alerts;
    out.add(alert);
    return out;
  }
}
