package dev.warden.policies.config;

import static dev.warden.policies.config.PolicyLoaderErrorsTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.alerts.AlertThresholds;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code alerts} section: each kind optional, each key defaulted, every bad value at its line and column. */
class AlertsSectionTest {

  @Test
  void noSectionRaisesNothing() throws Exception {
    assertThat(PolicyLoader.parse("version: 1\n", "p.yaml").alerts()).isEqualTo(AlertThresholds.OFF);
    assertThat(AlertThresholds.OFF.off()).isTrue();
  }

  @Test
  void eachKindTakesItsValues() throws Exception {
    AlertThresholds alerts = PolicyLoader.parse("""
        version: 1
        alerts:
          tokenSpike: {factor: 2.5, window: 1s, minTokens: 100}
          newModel: {after: 2s}
          blockRate: {ratio: 1, window: 10m, minCalls: 3}
          injectionBurst: {count: 2, window: 1h}
        """, "p.yaml").alerts();
    assertThat(alerts.tokenSpike()).isEqualTo(new AlertThresholds.TokenSpike(2.5, Duration.ofSeconds(1), 100));
    assertThat(alerts.newModel()).isEqualTo(new AlertThresholds.NewModel(Duration.ofSeconds(2)));
    assertThat(alerts.blockRate()).isEqualTo(new AlertThresholds.BlockRate(1.0, Duration.ofMinutes(10), 3));
    assertThat(alerts.injectionBurst()).isEqualTo(new AlertThresholds.InjectionBurst(2, Duration.ofHours(1)));
  }

  @Test
  void anEmptyKindHasTheDocumentedDefaultsAndAnAbsentOneIsOff() throws Exception {
    AlertThresholds alerts = PolicyLoader.parse("version: 1\nalerts:\n  tokenSpike: {}\n  blockRate: {window: 1m}\n",
        "p.yaml").alerts();
    assertThat(alerts.tokenSpike()).isEqualTo(new AlertThresholds.TokenSpike(5, Duration.ofMinutes(5), 20_000));
    assertThat(alerts.blockRate()).isEqualTo(new AlertThresholds.BlockRate(0.5, Duration.ofMinutes(1), 20));
    assertThat(alerts.newModel()).isNull();
    assertThat(alerts.injectionBurst()).isNull();
    assertThat(AlertThresholds.NewModel.DEFAULT.after()).isEqualTo(Duration.ofMinutes(10));
    assertThat(AlertThresholds.InjectionBurst.DEFAULT).isEqualTo(new AlertThresholds.InjectionBurst(5, Duration.ofMinutes(1)));
  }

  @Test
  void badValuesAreReportedAtTheirValues() {
    assertThat(errors("""
        version: 1
        alerts:
          tokenSpike: {factor: 1, window: 0s, minTokens: -3}
          newModel: {after: 2d}
          blockRate: {ratio: 1.5, minCalls: many}
          injectionBurst: {count: 0, windw: 1m}
        """)).containsExactly(
        "p.yaml:3:24: 'alerts.tokenSpike.factor' must be a number greater than 1 and less than 1000 (got 1)",
        "p.yaml:3:35: 'alerts.tokenSpike.window' must be a duration from 1s to 1d such as 30s, 5m or 1h (got 0s)",
        "p.yaml:3:50: 'alerts.tokenSpike.minTokens' must be a whole number from 1 to 9223372036854775807 (got -3)",
        "p.yaml:4:21: 'alerts.newModel.after' must be a duration from 1s to 1d such as 30s, 5m or 1h (got 2d)",
        "p.yaml:5:22: 'alerts.blockRate.ratio' must be a number greater than 0 and at most 1 (got 1.5)",
        "p.yaml:5:37: 'alerts.blockRate.minCalls' must be a whole number from 1 to 2147483647 (got a string)",
        "p.yaml:6:27: 'alerts.injectionBurst.count' must be a whole number from 1 to 2147483647 (got 0)",
        "p.yaml:6:30: unknown key 'windw' in alerts.injectionBurst");
  }

  @Test
  void unknownKindsAndNonMappingsAreReported() {
    assertThat(errors("version: 1\nalerts:\n  tokenSpikes: {}\n  newModel: true\n")).containsExactly(
        "p.yaml:3:3: unknown key 'tokenSpikes' in alerts",
        "p.yaml:4:13: 'alerts.newModel' must be a mapping");
    assertThat(errors("version: 1\nalerts: on\n")).hasSize(1).allMatch(e -> e.startsWith("p.yaml:2:9: 'alerts' must be a mapping"));
  }
}
