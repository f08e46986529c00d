package dev.warden.agent.alerts;

import dev.warden.agent.WardenLog;
import dev.warden.agent.policy.ActivePolicy;
import dev.warden.policies.alerts.Alert;
import dev.warden.policies.alerts.AlertThresholds;
import dev.warden.policies.alerts.AnomalyDetector;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.limits.TimeSource;
import java.io.IOException;
import java.util.List;

/**
 * Feeds the JVM's anomaly detector with each call, after its decision is recorded and when its
 * response reports usage, and raises what it finds. Never throws: an alert that cannot be raised
 * is logged once and the call goes on. Thread-safe.
 */
public final class CallAlerts {

  /**
   * The counters of every snapshot of this JVM, so that a reload keeps them. A partition costs at
   * most about 1 KB; 5,000 per side keeps the detector within about 10 MB.
   */
  private static final AnomalyDetector DETECTOR = new AnomalyDetector(TimeSource.SYSTEM, 5_000);
  private static volatile boolean warned;

  private CallAlerts() {}

  /** Counts a decided call: its refusal, its injection finding, its model when it goes out. */
  public static void decided(ActivePolicy policy, String principal, String model, Decision decision) {
    AlertThresholds thresholds = policy.snapshot().alerts();
    if (thresholds.off()) {
      return;
    }
    try {
      boolean blocked = decision.kind() == Decision.Kind.BLOCK;
      boolean injection = decision.injection() != null && decision.injection().flagged();
      raise(policy, DETECTOR.decided(thresholds, decision.keyId(), principal, model, blocked, !decision.blocks(),
          injection));
    } catch (IOException | RuntimeException e) {
      warnOnce(e);
    }
  }

  /** Counts the tokens a call used, as its response reported them. */
  public static void used(ActivePolicy policy, String keyId, String principal, String model, long tokens) {
    AlertThresholds thresholds = policy.snapshot().alerts();
    if (thresholds.tokenSpike() == null) {
      return;
    }
    try {
      raise(policy, DETECTOR.used(thresholds, keyId, principal, model, tokens));
    } catch (IOException | RuntimeException e) {
      warnOnce(e);
    }
  }

  /** True when the policy counts tokens: the response's usage must be read. */
  public static boolean countsTokens(ActivePolicy policy) {
    return policy.snapshot().alerts().tokenSpike() != null;
  }

  private static void raise(ActivePolicy policy, List<Alert> alerts) throws IOException {
    for (int i = 0; i < alerts.size(); i++) {
      AlertEmitter.emit(alerts.get(i), policy.audit(), policy.snapshot().hash());
    }
  }

  private static void warnOnce(Exception e) {
    if (!warned) {
      warned = true;
      WardenLog.warn("an anomaly alert could not be raised (" + e.getClass().getName() + "); calls go on (logged once)");
    }
  }
}
