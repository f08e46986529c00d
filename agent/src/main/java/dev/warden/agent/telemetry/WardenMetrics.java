package dev.warden.agent.telemetry;

import dev.warden.agent.inventory.LibraryCoordinates;
import dev.warden.agent.inventory.LibraryInventory;
import dev.warden.agent.wire.response.ResponseSummary;
import dev.warden.policies.cache.CacheStores;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.exchange.Exchange;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;

/**
 * Warden's metrics (DESIGN.md's telemetry contract): the GenAI client's
 * {@code gen_ai.client.token.usage} and {@code gen_ai.client.operation.duration}, and
 * {@code warden.decisions} (by decision and rule), {@code warden.policy.reloads} (by outcome),
 * {@code warden.alerts} (by kind) and {@code warden.inventory.libraries} (1 per LLM client library
 * and version in the JVM).
 * Thread-safe.
 */
public final class WardenMetrics {

  private static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
  private static final AttributeKey<String> DECISION = AttributeKey.stringKey("decision");
  private static final AttributeKey<String> RULE = AttributeKey.stringKey("rule");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
  private static final AttributeKey<String> RESULT = AttributeKey.stringKey("result");
  private static final AttributeKey<String> KIND = AttributeKey.stringKey("kind");
  private static final AttributeKey<String> LIBRARY = AttributeKey.stringKey("library");
  private static final AttributeKey<String> VERSION = AttributeKey.stringKey("version");
  /** The semantic conventions' advice for token counts and durations. */
  private static final List<Long> TOKEN_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L,
      262144L, 1048576L, 4194304L, 16777216L, 67108864L);
  private static final List<Double> DURATION_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
      5.12, 10.24, 20.48, 40.96, 81.92);

  private final LongHistogram tokenUsage;
  private final DoubleHistogram duration;
  private final LongCounter decisions;
  private final LongCounter reloads;
  private final LongCounter cacheLookups;
  private final LongCounter alerts;

  WardenMetrics(Meter meter) {
    tokenUsage = meter.histogramBuilder("gen_ai.client.token.usage").ofLongs().setUnit("{token}")
        .setDescription("Tokens used by LLM calls").setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS).build();
    duration = meter.histogramBuilder("gen_ai.client.operation.duration").setUnit("s")
        .setDescription("Duration of LLM calls, to the end of the response").setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
        .build();
    decisions = meter.counterBuilder("warden.decisions").setDescription("Warden's decisions on LLM calls").build();
    reloads = meter.counterBuilder("warden.policy.reloads").setDescription("Policy file loads by outcome").build();
    cacheLookups = meter.counterBuilder("warden.cache.lookups")
        .setDescription("Response cache lookups by result: hit, miss, open_failure").build();
    alerts = meter.counterBuilder("warden.alerts").setDescription("Anomaly alerts raised, by kind").build();
    meter.gaugeBuilder("warden.inventory.libraries").ofLongs()
        .setDescription("LLM client libraries in the JVM: 1 per library and version found")
        .buildWithCallback(gauge -> {
          for (LibraryCoordinates library : LibraryInventory.jvm().libraries()) {
            gauge.record(1, Attributes.of(LIBRARY, library.groupArtifact(), VERSION, library.version()));
          }
        });
    meter.counterBuilder("warden.cache.evictions").setDescription("Cache entries dropped for size or age")
        .buildWithCallback(count -> count.record(CacheStores.evictions()));
  }

  /** One decision, by kind and rule ({@code none} when no rule decided). */
  public void decided(Decision decision) {
    decisions.add(1, Attributes.of(DECISION, decision.kind().label(), RULE, decision.rule() == null ? "none" : decision.rule()));
  }

  /** A response cache lookup: {@code hit}, {@code miss} or {@code open_failure}. */
  public void cacheLookup(String result) {
    cacheLookups.add(1, Attributes.of(RESULT, result));
  }

  /** An anomaly alert of {@code kind} ({@code token_spike}, {@code new_model}, ...) raised. */
  public void alerted(String kind) {
    alerts.add(1, Attributes.of(KIND, kind));
  }

  /** A policy file loaded ({@code loaded}) or rejected ({@code rejected}). */
  public void policyLoad(String outcome) {
    reloads.add(1, Attributes.of(OUTCOME, outcome));
  }

  /** A call that ended after {@code seconds}, with the response's usage when it reported any. */
  public void callEnded(Exchange exchange, double seconds, ResponseSummary summary, String errorType) {
    AttributesBuilder common = Attributes.builder()
        .put(GenAiAttributes.OPERATION_NAME, exchange.operation())
        .put(GenAiAttributes.PROVIDER_NAME, exchange.provider());
    if (exchange.model() != null) {
      common.put(GenAiAttributes.REQUEST_MODEL, exchange.model());
    }
    if (summary != null && summary.model() != null) {
      common.put(GenAiAttributes.RESPONSE_MODEL, summary.model());
    }
    Attributes base = common.build();
    duration.record(seconds, errorType == null ? base : base.toBuilder().put(GenAiAttributes.ERROR_TYPE, errorType).build());
    if (summary != null && summary.inputTokens() != null) {
      tokenUsage.record(summary.inputTokens(), base.toBuilder().put(TOKEN_TYPE, "input").build());
    }
    if (summary != null && summary.outputTokens() != null) {
      tokenUsage.record(summary.outputTokens(), base.toBuilder().put(TOKEN_TYPE, "output").build());
    }
  }
}
