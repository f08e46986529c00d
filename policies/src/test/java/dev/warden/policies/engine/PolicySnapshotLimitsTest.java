package dev.warden.policies.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.identity.Caller;
import dev.warden.policies.limits.InMemoryLimitStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Key scope limits as the snapshot applies them, on a store with a hand-moved clock. */
class PolicySnapshotLimitsTest {

  static final String KEY = "sha256:" + "1".repeat(64);

  final AtomicLong nanos = new AtomicLong();
  final InMemoryLimitStore store = new InMemoryLimitStore(nanos::get);

  PolicySnapshot policy(String limits, String extra) throws Exception {
    return PolicyLoader.parse("""
        version: 1
        %s
        keys:
          scopes:
            - id: s
              fingerprint: "%s"
              limits: %s
        """.formatted(extra, KEY, limits), "p.yaml", store);
  }

  static Exchange request(String text, Integer maxTokens) {
    return new Exchange("openai", "chat", "gpt-4o-mini", false, KEY, maxTokens, List.of(new TextPart(0, "user", text)));
  }

  @Test
  void aBurstOverRequestsPerMinuteIsRefusedWith429AndRetryAfter() throws Exception {
    PolicySnapshot s = policy("{requestsPerMinute: 2}", "");
    assertThat(s.onRequest(request("a", null)).blocks()).isFalse();
    assertThat(s.onRequest(request("b", null)).blocks()).isFalse();
    Decision third = s.onRequest(request("c", null));
    assertThat(third.blocks()).isTrue();
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.code()).isEqualTo("rate_limited");
    assertThat(third.rule()).isEqualTo("limit");
    assertThat(third.retryAfterSeconds()).isEqualTo(30);
    assertThat(third.message()).isEqualTo("key scope 's' is over its requestsPerMinute; retry after 30 s");
    assertThat(third.keyId()).isEqualTo("s");
    nanos.addAndGet(30_000_000_000L);
    assertThat(s.onRequest(request("d", null)).blocks()).as("refilled after Retry-After").isFalse();
  }

  @Test
  void tokensAreReservedFromTheTextAndMaxTokensAndSettledFromUsage() throws Exception {
    PolicySnapshot s = policy("{tokensPerMinute: 1000}", "");
    Decision first = s.onRequest(request("x".repeat(400), 500)); // 100 + 500
    assertThat(first.terms().reservedTokens()).isEqualTo(600);
    Decision second = s.onRequest(request("x".repeat(400), 500));
    assertThat(second.code()).as("600 + 600 > 1000").isEqualTo("rate_limited");
    first.terms().reservation().settle(150); // the call used far less than it could have
    assertThat(s.onRequest(request("x".repeat(400), 500)).blocks()).isFalse();
  }

  @Test
  void tokensPerDayIsABudget() throws Exception {
    PolicySnapshot s = policy("{tokensPerDay: 100}", "");
    Decision used = s.onRequest(request("x".repeat(40), 50));
    used.terms().reservation().settle(100);
    Decision over = s.onRequest(request("hi", 10));
    assertThat(over.code()).isEqualTo("budget_exceeded");
    assertThat(over.status()).isEqualTo(429);
    assertThat(over.retryAfterSeconds()).isGreaterThan(3600);
  }

  @Test
  void perPrincipalCountsEachCallerApart() throws Exception {
    PolicySnapshot s = policy("{requestsPerMinute: 1, perPrincipal: true}", "");
    Caller alice = new Caller("alice", List.of());
    Caller bob = new Caller("bob", List.of());
    assertThat(s.onRequest(request("a", null), alice).blocks()).isFalse();
    assertThat(s.onRequest(request("a", null), bob).blocks()).isFalse();
    assertThat(s.onRequest(request("a", null), alice).code()).isEqualTo("rate_limited");
  }

  @Test
  void aCallBlockedByALaterRuleGivesItsTokensBack() throws Exception {
    PolicySnapshot s = policy("{tokensPerMinute: 1000}", "pii: {prompts: block}");
    Decision blocked = s.onRequest(request("mail ann@example.com " + "x".repeat(380), 500));
    assertThat(blocked.code()).isEqualTo("pii_blocked");
    assertThat(s.onRequest(request("x".repeat(400), 500)).blocks()).isFalse();
    assertThat(s.onRequest(request("x".repeat(400), 500)).code()).as("only the blocked call was given back")
        .isEqualTo("rate_limited");
  }

  @Test
  void monitorModeCountsButLetsTheCallOut() throws Exception {
    PolicySnapshot s = policy("{requestsPerMinute: 1}", "mode: monitor");
    s.onRequest(request("a", null));
    Decision over = s.onRequest(request("b", null));
    assertThat(over.code()).isEqualTo("rate_limited");
    assertThat(over.blocks()).isFalse();
  }

  @Test
  void countsSurviveAReloadOfTheSamePolicy() throws Exception {
    policy("{requestsPerMinute: 1}", "").onRequest(request("a", null));
    assertThat(policy("{requestsPerMinute: 1}", "").onRequest(request("b", null)).code()).isEqualTo("rate_limited");
  }
}
