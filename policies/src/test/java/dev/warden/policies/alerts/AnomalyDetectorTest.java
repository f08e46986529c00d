package dev.warden.policies.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.alerts.AlertThresholds.BlockRate;
import dev.warden.policies.alerts.AlertThresholds.InjectionBurst;
import dev.warden.policies.alerts.AlertThresholds.NewModel;
import dev.warden.policies.alerts.AlertThresholds.TokenSpike;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each alert kind on a clock the test moves: fires, stays quiet below its threshold, once per window, re-arms. */
class AnomalyDetectorTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final AlertThresholds SPIKE = new AlertThresholds(new TokenSpike(5, MINUTE, 1000), null, null, null);
  private static final AlertThresholds MODELS = new AlertThresholds(null, new NewModel(Duration.ofMinutes(10)), null, null);
  private static final AlertThresholds BLOCKS = new AlertThresholds(null, null, new BlockRate(0.5, MINUTE, 10), null);
  private static final AlertThresholds BURSTS = new AlertThresholds(null, null, null, new InjectionBurst(3, MINUTE));

  private long now = 1_000_000_000L;
  private final AnomalyDetector detector = new AnomalyDetector(() -> now, 100);

  private void advance(Duration by) {
    now += by.toNanos();
  }

  /** One call of {@code tokens} every 6 s for {@code minutes}: a steady 1000 tokens a minute at 100 a call. */
  private void steady(AlertThresholds thresholds, int minutes, long tokens) {
    for (int i = 0; i < minutes * 10; i++) {
      assertThat(detector.used(thresholds, "svc", "alice", "gpt-4o", tokens)).isEmpty();
      advance(Duration.ofSeconds(6));
    }
  }

  @Test
  void aTokenSpikeOverFactorTimesTheUsualRateAlertsForTheScopeAndThePrincipal() {
    steady(SPIKE, 5, 100);
    List<Alert> alerts = detector.used(SPIKE, "svc", "alice", "gpt-4o", 5_000);
    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.TOKEN_SPIKE, AlertKind.TOKEN_SPIKE);
    Alert scope = alerts.get(0);
    assertThat(scope.partition()).isEqualTo("key");
    assertThat(scope.keyId()).isEqualTo("svc");
    assertThat(scope.principal()).isEqualTo("alice");
    assertThat(scope.model()).isEqualTo("gpt-4o");
    assertThat(scope.observed().longValue()).isGreaterThan(5_000);
    assertThat(scope.threshold().longValue()).isBetween(4_500L, 5_500L); // 5 × about 1000 a minute
    assertThat(scope.window()).isEqualTo(MINUTE);
    assertThat(alerts.get(1).partition()).isEqualTo("principal");
  }

  @Test
  void usageWithinFactorTimesTheUsualRateOrUnderMinTokensDoesNotAlert() {
    steady(SPIKE, 5, 100);
    assertThat(detector.used(SPIKE, "svc", "alice", "gpt-4o", 3_000)).as("4 × usual").isEmpty();
    AlertThresholds high = new AlertThresholds(new TokenSpike(5, MINUTE, 1_000_000), null, null, null);
    assertThat(detector.used(high, "svc", "alice", "gpt-4o", 50_000)).as("under minTokens").isEmpty();
  }

  @Test
  void aNewScopeLearnsItsRateForAWindowBeforeItCanSpike() {
    assertThat(detector.used(SPIKE, "fresh", null, "m", 50_000)).as("first call").isEmpty();
    advance(Duration.ofSeconds(90));
    assertThat(detector.used(SPIKE, "fresh", null, "m", 50_000)).as("still learning").isEmpty();
    advance(Duration.ofSeconds(40)); // a whole window has slid out: its usual is about 50,000 a window
    assertThat(detector.used(SPIKE, "fresh", null, "m", 50_000)).as("usual now").isEmpty();
    advance(Duration.ofMinutes(30)); // quiet for a long while: the usual rate decays towards 0
    assertThat(detector.used(SPIKE, "fresh", null, "m", 50_000)).extracting(Alert::kind)
        .containsExactly(AlertKind.TOKEN_SPIKE);
  }

  @Test
  void aSpikeAlertsOncePerWindowAndAgainAfterIt() {
    steady(SPIKE, 5, 100);
    assertThat(detector.used(SPIKE, "svc", null, "m", 6_000)).hasSize(1);
    advance(Duration.ofSeconds(10));
    assertThat(detector.used(SPIKE, "svc", null, "m", 6_000)).as("same window").isEmpty();
    advance(Duration.ofSeconds(55));
    assertThat(detector.used(SPIKE, "svc", null, "m", 30_000)).as("re-armed").hasSize(1);
  }

  @Test
  void aModelFirstUsedAfterTheBaselinePeriodAlertsOnce() {
    assertThat(detector.decided(MODELS, "svc", "alice", "gpt-4o", false, true, false)).isEmpty();
    advance(Duration.ofMinutes(9));
    assertThat(detector.decided(MODELS, "svc", "alice", "gpt-4o-mini", false, true, false)).as("baseline").isEmpty();
    advance(Duration.ofMinutes(2));
    assertThat(detector.decided(MODELS, "svc", "alice", "gpt-4o-mini", false, true, false)).isEmpty();
    assertThat(detector.decided(MODELS, "svc", "alice", "o3-pro", false, false, false)).as("refused: not used").isEmpty();
    List<Alert> alerts = detector.decided(MODELS, "svc", "alice", "o3-pro", false, true, false);
    assertThat(alerts).singleElement().satisfies(alert -> {
      assertThat(alert.kind()).isEqualTo(AlertKind.NEW_MODEL);
      assertThat(alert.partition()).isEqualTo("key");
      assertThat(alert.model()).isEqualTo("o3-pro");
      assertThat(alert.window()).isEqualTo(Duration.ofMinutes(10));
      assertThat(alert.observed()).isNull();
    });
    assertThat(detector.decided(MODELS, "svc", "alice", "o3-pro", false, true, false)).as("seen now").isEmpty();
    assertThat(detector.decided(MODELS, "other", "alice", "o3-pro", false, true, false)).as("a new scope's baseline")
        .isEmpty();
  }

  @Test
  void aBlockRateOverTheRatioAlertsOnlyWithEnoughCalls() {
    for (int i = 0; i < 4; i++) {
      assertThat(detector.decided(BLOCKS, "svc", null, "m", true, false, false)).as("under minCalls").isEmpty();
    }
    for (int i = 0; i < 5; i++) {
      assertThat(detector.decided(BLOCKS, "svc", null, "m", false, true, false)).isEmpty();
    }
    List<Alert> alerts = detector.decided(BLOCKS, "svc", null, "m", true, false, false); // 5 of 10
    assertThat(alerts).singleElement().satisfies(alert -> {
      assertThat(alert.kind()).isEqualTo(AlertKind.BLOCK_RATE);
      assertThat(alert.observed().doubleValue()).isEqualTo(0.5);
      assertThat(alert.threshold().doubleValue()).isEqualTo(0.5);
    });
    assertThat(detector.decided(BLOCKS, "svc", null, "m", true, false, false)).as("once per window").isEmpty();
    advance(Duration.ofSeconds(61));
    for (int i = 0; i < 9; i++) {
      assertThat(detector.decided(BLOCKS, "svc", null, "m", false, true, false)).isEmpty();
    }
    assertThat(detector.decided(BLOCKS, "svc", null, "m", true, false, false)).as("1 of 10 refused").isEmpty();
    for (int i = 0; i < 7; i++) {
      detector.decided(BLOCKS, "svc", null, "m", true, false, false);
    }
    assertThat(detector.decided(BLOCKS, "svc", null, "m", true, false, false)).as("re-armed: 9 of 18").hasSize(1);
  }

  @Test
  void anInjectionBurstFromOnePrincipalAlertsForItAsAnError() {
    assertThat(detector.decided(BURSTS, "svc", "mallory", "m", true, false, true)).isEmpty();
    assertThat(detector.decided(BURSTS, "svc", "alice", "m", true, false, true)).isEmpty();
    List<Alert> alerts = detector.decided(BURSTS, "svc", "mallory", "m", true, false, true);
    assertThat(alerts).as("the scope's third").extracting(Alert::partition).containsExactly("key");
    alerts = detector.decided(BURSTS, "svc", "mallory", "m", false, true, true);
    assertThat(alerts).as("mallory's third; the scope is disarmed").singleElement().satisfies(alert -> {
      assertThat(alert.kind()).isEqualTo(AlertKind.INJECTION_BURST);
      assertThat(alert.kind().severity).isEqualTo("ERROR");
      assertThat(alert.partition()).isEqualTo("principal");
      assertThat(alert.principal()).isEqualTo("mallory");
      assertThat(alert.observed().longValue()).isEqualTo(3);
      assertThat(alert.threshold().longValue()).isEqualTo(3);
    });
    advance(Duration.ofSeconds(61));
    assertThat(detector.decided(BURSTS, "svc", "mallory", "m", true, false, true)).as("the burst slid out").isEmpty();
    assertThat(detector.decided(BURSTS, "svc", "alice", "m", false, true, false)).as("no finding").isEmpty();
  }

  @Test
  void partitionsAreBoundedByDroppingTheIdlest() {
    AnomalyDetector small = new AnomalyDetector(() -> now, 10);
    small.decided(BURSTS, "svc", "first", "m", false, true, false);
    for (int i = 0; i < 100; i++) {
      advance(Duration.ofSeconds(1));
      small.decided(BURSTS, "svc", "p" + i, "m", false, true, false);
      assertThat(small.size()).isLessThanOrEqualTo(1 + 10);
    }
    assertThat(small.tracksPrincipal("first")).isFalse();
    assertThat(small.tracksPrincipal("p99")).isTrue();
  }

  @Test
  void aReloadKeepsTheCountsAndAChangedWindowRestartsThem() {
    for (int i = 0; i < 2; i++) {
      detector.decided(BURSTS, "svc", null, "m", true, false, true);
      detector.decided(BURSTS, "other", null, "m", true, false, true);
    }
    AlertThresholds reloaded = new AlertThresholds(null, MODELS.newModel(), null, new InjectionBurst(3, MINUTE));
    assertThat(detector.decided(reloaded, "svc", null, "m", true, false, true)).as("a new snapshot, the same counts")
        .hasSize(1);
    AlertThresholds longer = new AlertThresholds(null, null, null, new InjectionBurst(3, Duration.ofMinutes(2)));
    assertThat(detector.decided(longer, "other", null, "m", true, false, true)).as("1 in the new window, not 3")
        .isEmpty();
  }

  @Test
  void nothingConfiguredCountsNothing() {
    assertThat(detector.decided(AlertThresholds.OFF, "svc", "alice", "m", true, false, true)).isEmpty();
    assertThat(detector.used(AlertThresholds.OFF, "svc", "alice", "m", 1_000_000)).isEmpty();
    assertThat(detector.size()).isZero();
  }
}
