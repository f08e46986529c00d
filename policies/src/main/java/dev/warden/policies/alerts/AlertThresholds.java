package dev.warden.policies.alerts;

import java.time.Duration;

/**
 * The {@code alerts} section: the thresholds of each alert kind, null for a kind the policy does
 * not raise. Immutable; validated by the policy reader, so the components are in range.
 */
public record AlertThresholds(TokenSpike tokenSpike, NewModel newModel, BlockRate blockRate,
    InjectionBurst injectionBurst) {

  /** No {@code alerts} section: nothing is raised. */
  public static final AlertThresholds OFF = new AlertThresholds(null, null, null, null);

  /** True when no kind is raised. */
  public boolean off() {
    return tokenSpike == null && newModel == null && blockRate == null && injectionBurst == null;
  }

  /**
   * Tokens used in {@code window} by one key scope or principal above {@code factor} times its
   * usual use of a window, and above {@code minTokens}.
   */
  public record TokenSpike(double factor, Duration window, long minTokens) {
    public static final TokenSpike DEFAULT = new TokenSpike(5, Duration.ofMinutes(5), 20_000);
  }

  /** A model first used by a key scope more than {@code after} after its first call. */
  public record NewModel(Duration after) {
    public static final NewModel DEFAULT = new NewModel(Duration.ofMinutes(10));
  }

  /** At least {@code ratio} of at least {@code minCalls} calls in {@code window} refused. */
  public record BlockRate(double ratio, Duration window, int minCalls) {
    public static final BlockRate DEFAULT = new BlockRate(0.5, Duration.ofMinutes(5), 20);
  }

  /** At least {@code count} calls with an injection finding (blocked or flagged) in {@code window}. */
  public record InjectionBurst(int count, Duration window) {
    public static final InjectionBurst DEFAULT = new InjectionBurst(5, Duration.ofMinutes(1));
  }
}
