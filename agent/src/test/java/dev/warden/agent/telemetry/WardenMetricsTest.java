package dev.warden.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.response.ResponseSummary;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.WireTerms;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WardenMetricsTest {

  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final WardenMetrics metrics =
      new WardenMetrics(SdkMeterProvider.builder().registerMetricReader(reader).build().get("test"));

  private Map<String, MetricData> collect() {
    Collection<MetricData> all = reader.collectAllMetrics();
    return all.stream().collect(Collectors.toMap(MetricData::getName, m -> m));
  }

  @Test
  void decisionsAreCountedByKindAndRule() {
    Decision block = new Decision(Decision.Kind.BLOCK, true, "limit", "rate_limited", 429, "m", null, List.of(), "s",
        "sha256:x", null, null, WireTerms.NONE, 30);
    Decision allow = new Decision(Decision.Kind.ALLOW, true, null, null, 0, null, null, List.of(), "s", "sha256:x",
        null, null, WireTerms.NONE, 0);
    metrics.decided(block);
    metrics.decided(block);
    metrics.decided(allow);
    MetricData decisions = collect().get("warden.decisions");
    Map<String, Long> byKey = decisions.getLongSumData().getPoints().stream().collect(Collectors.toMap(
        p -> p.getAttributes().get(AttributeKey.stringKey("decision")) + "/" + p.getAttributes().get(AttributeKey.stringKey("rule")),
        p -> p.getValue()));
    assertThat(byKey).containsEntry("block/limit", 2L).containsEntry("allow/none", 1L);
  }

  @Test
  void aCallsDurationAndTokensAreRecordedWithTheGenAiAttributes() {
    metrics.callEnded(CallSpanTest.CHAT, 0.25, new ResponseSummary("gpt-4o-mini-2024-07-18", 12L, 34L, List.of(), true), null);
    metrics.policyLoad("rejected");
    Map<String, MetricData> all = collect();
    MetricData tokens = all.get("gen_ai.client.token.usage");
    assertThat(tokens.getUnit()).isEqualTo("{token}");
    Map<String, Double> sums = tokens.getHistogramData().getPoints().stream().collect(Collectors.toMap(
        p -> p.getAttributes().get(AttributeKey.stringKey("gen_ai.token.type")), p -> p.getSum()));
    assertThat(sums).containsEntry("input", 12.0).containsEntry("output", 34.0);
    PointData point = tokens.getHistogramData().getPoints().iterator().next();
    assertThat(point.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o-mini");
    assertThat(point.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name"))).isEqualTo("openai");
    assertThat(all.get("gen_ai.client.operation.duration").getHistogramData().getPoints().iterator().next().getSum())
        .isEqualTo(0.25);
    assertThat(all.get("warden.policy.reloads").getLongSumData().getPoints().iterator().next()
        .getAttributes().get(AttributeKey.stringKey("outcome"))).isEqualTo("rejected");
  }
}
