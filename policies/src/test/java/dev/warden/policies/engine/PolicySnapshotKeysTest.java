package dev.warden.policies.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySnapshotKeysTest {

  static final String SUPPORT = "sha256:" + "1".repeat(64);
  static final String OPEN = "sha256:" + "2".repeat(64);
  static final String STRANGER = "sha256:" + "9".repeat(64);

  static final String SCOPES = """
      version: 1
      keys:
        %s
        scopes:
          - id: support-bot
            fingerprint: "%s"
            providers: [openai]
            models: [gpt-4o-mini, "gpt-4.1*"]
            operations: [chat]
          - id: open
            fingerprint: "%s"
      """;

  static PolicySnapshot snapshot(String yaml) throws Exception {
    return PolicyLoader.parse(yaml, "p.yaml");
  }

  static PolicySnapshot scopes(String defaultLine) throws Exception {
    return snapshot(SCOPES.formatted(defaultLine, SUPPORT, OPEN));
  }

  static Exchange request(String provider, String operation, String model, String fingerprint) {
    return new Exchange(provider, operation, model, false, fingerprint, null, List.of(new TextPart(0, "user", "hello")));
  }

  static void assertBlocked(Decision d, String rule, String code, String message, String keyId, PolicySnapshot s) {
    assertThat(d.kind()).isEqualTo(Decision.Kind.BLOCK);
    assertThat(d.enforced()).isTrue();
    assertThat(d.blocks()).isTrue();
    assertThat(d.rule()).isEqualTo(rule);
    assertThat(d.code()).isEqualTo(code);
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.message()).isEqualTo(message);
    assertThat(d.keyId()).isEqualTo(keyId);
    assertThat(d.rewrittenParts()).isNull();
    assertThat(d.findings()).isEmpty();
    assertThat(d.policyHash()).isEqualTo(s.hash());
  }

  static void assertAllowed(Decision d, String keyId, PolicySnapshot s) {
    assertThat(d.kind()).isEqualTo(Decision.Kind.ALLOW);
    assertThat(d.enforced()).isTrue();
    assertThat(d.blocks()).isFalse();
    assertThat(d.modifies()).isFalse();
    assertThat(d.rule()).isNull();
    assertThat(d.code()).isNull();
    assertThat(d.status()).isZero();
    assertThat(d.message()).isNull();
    assertThat(d.keyId()).isEqualTo(keyId);
    assertThat(d.rewrittenParts()).isNull();
    assertThat(d.findings()).isEmpty();
    assertThat(d.policyHash()).isEqualTo(s.hash());
  }

  @Test
  void withoutKeysSectionEveryKeyIsAllowedAndNoScopeMatches() throws Exception {
    PolicySnapshot s = snapshot("version: 1\n");
    assertAllowed(s.onRequest(request("openai", "chat", "gpt-4o", SUPPORT)), null, s);
    assertAllowed(s.onRequest(request("anthropic", "chat", null, null)), null, s);
  }

  @Test
  void matchingScopeAllowsAndNamesTheScope() throws Exception {
    PolicySnapshot s = scopes("");
    assertAllowed(s.onRequest(request("openai", "chat", "gpt-4o-mini", SUPPORT)), "support-bot", s);
    assertAllowed(s.onRequest(request("openai", "chat", "gpt-4.1-nano", SUPPORT)), "support-bot", s);
    assertAllowed(s.onRequest(request("openai", "chat", "gpt-4.1", SUPPORT)), "support-bot", s);
  }

  @Test
  void scopeWithoutListsAllowsAnything() throws Exception {
    PolicySnapshot s = scopes("");
    assertAllowed(s.onRequest(request("anthropic", "embeddings", null, OPEN)), "open", s);
    assertAllowed(s.onRequest(request(null, null, null, OPEN)), "open", s);
  }

  @Test
  void unknownKeyIsDeniedByDefaultWhenKeysSectionExists() throws Exception {
    PolicySnapshot s = scopes("");
    String message = "the API key matches no key scope and keys.default is deny";
    assertBlocked(s.onRequest(request("openai", "chat", "gpt-4o-mini", STRANGER)), "key", "key_not_allowed", message, null, s);
    assertBlocked(s.onRequest(request("openai", "chat", "gpt-4o-mini", null)), "key", "key_not_allowed", message, null, s);
  }

  @Test
  void explicitDenyBehavesLikeTheDefault() throws Exception {
    PolicySnapshot s = scopes("default: deny");
    assertThat(s.onRequest(request("openai", "chat", "gpt-4o-mini", STRANGER)).code()).isEqualTo("key_not_allowed");
  }

  @Test
  void defaultAllowLetsUnknownKeysThroughWithoutScope() throws Exception {
    PolicySnapshot s = scopes("default: allow");
    assertAllowed(s.onRequest(request("anthropic", "embeddings", "anything", STRANGER)), null, s);
    assertAllowed(s.onRequest(request("openai", "chat", "x", null)), null, s);
  }

  @Test
  void defaultAllowStillAppliesTheMatchedScopesRules() throws Exception {
    PolicySnapshot s = scopes("default: allow");
    assertBlocked(s.onRequest(request("openai", "chat", "gpt-4o", SUPPORT)), "model", "model_not_allowed",
        "model 'gpt-4o' is not allowed for key scope 'support-bot'", "support-bot", s);
  }

  @Test
  void providerNotListedIsKeyNotAllowed() throws Exception {
    PolicySnapshot s = scopes("");
    assertBlocked(s.onRequest(request("anthropic", "chat", "gpt-4o-mini", SUPPORT)), "key", "key_not_allowed",
        "provider 'anthropic' is not allowed for key scope 'support-bot'", "support-bot", s);
    assertBlocked(s.onRequest(request(null, "chat", "gpt-4o-mini", SUPPORT)), "key", "key_not_allowed",
        "provider (none) is not allowed for key scope 'support-bot'", "support-bot", s);
  }

  @Test
  void operationNotListedIsKeyNotAllowed() throws Exception {
    PolicySnapshot s = scopes("");
    assertBlocked(s.onRequest(request("openai", "embeddings", "gpt-4o-mini", SUPPORT)), "key", "key_not_allowed",
        "operation 'embeddings' is not allowed for key scope 'support-bot'", "support-bot", s);
  }

  @Test
  void modelNotMatchingAnyGlobIsModelNotAllowed() throws Exception {
    PolicySnapshot s = scopes("");
    assertBlocked(s.onRequest(request("openai", "chat", "gpt-4o", SUPPORT)), "model", "model_not_allowed",
        "model 'gpt-4o' is not allowed for key scope 'support-bot'", "support-bot", s);
    assertBlocked(s.onRequest(request("openai", "chat", "gpt-4o-mini-2024-07-18", SUPPORT)), "model", "model_not_allowed",
        "model 'gpt-4o-mini-2024-07-18' is not allowed for key scope 'support-bot'", "support-bot", s);
    assertBlocked(s.onRequest(request("openai", "chat", null, SUPPORT)), "model", "model_not_allowed",
        "a request without a model is not allowed for key scope 'support-bot'", "support-bot", s);
  }

  @Test
  void providerIsCheckedBeforeOperationAndModel() throws Exception {
    PolicySnapshot s = scopes("");
    assertThat(s.onRequest(request("anthropic", "embeddings", "claude", SUPPORT)).message())
        .isEqualTo("provider 'anthropic' is not allowed for key scope 'support-bot'");
    assertThat(s.onRequest(request("openai", "embeddings", "claude", SUPPORT)).message())
        .isEqualTo("operation 'embeddings' is not allowed for key scope 'support-bot'");
  }

  @Test
  void hostileModelNameIsCutAndHasNoControlCharacters() throws Exception {
    PolicySnapshot s = scopes("");
    String model = "evil\r\nx-injected: 1" + "m".repeat(200);
    String message = s.onRequest(request("openai", "chat", model, SUPPORT)).message();
    assertThat(message).doesNotContain("\r").doesNotContain("\n").hasSizeLessThan(140)
        .startsWith("model 'evil??x-injected: 1mmm").endsWith("…' is not allowed for key scope 'support-bot'");
  }

  @Test
  void configuredProviderNamesCanBeScoped() throws Exception {
    PolicySnapshot s = snapshot("""
        version: 1
        providers:
          - {name: local-openai, format: openai, baseUrl: "http://127.0.0.1:18080/v1"}
        keys:
          scopes:
            - {id: local, fingerprint: "%s", providers: [local-openai]}
        """.formatted(SUPPORT));
    assertAllowed(s.onRequest(request("local-openai", "chat", "m", SUPPORT)), "local", s);
    assertThat(s.onRequest(request("openai", "chat", "m", SUPPORT)).code()).isEqualTo("key_not_allowed");
  }

  @Test
  void monitorModeGivesTheSameDecisionUnenforced() throws Exception {
    PolicySnapshot s = snapshot("mode: monitor\n" + SCOPES.formatted("", SUPPORT, OPEN));
    assertThat(s.monitor()).isTrue();

    Decision denied = s.onRequest(request("openai", "chat", "gpt-4o", SUPPORT));
    assertThat(denied.kind()).isEqualTo(Decision.Kind.BLOCK);
    assertThat(denied.enforced()).isFalse();
    assertThat(denied.blocks()).isFalse();
    assertThat(denied.code()).isEqualTo("model_not_allowed");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.message()).isEqualTo("model 'gpt-4o' is not allowed for key scope 'support-bot'");

    Decision unknown = s.onRequest(request("openai", "chat", "gpt-4o", STRANGER));
    assertThat(unknown.kind()).isEqualTo(Decision.Kind.BLOCK);
    assertThat(unknown.enforced()).isFalse();
    assertThat(unknown.code()).isEqualTo("key_not_allowed");

    Decision allowed = s.onRequest(request("openai", "chat", "gpt-4o-mini", SUPPORT));
    assertThat(allowed.kind()).isEqualTo(Decision.Kind.ALLOW);
    assertThat(allowed.enforced()).isFalse();
    assertThat(allowed.keyId()).isEqualTo("support-bot");
  }

  @Test
  void snapshotIsSafeToShareBetweenThreads() throws Exception {
    PolicySnapshot s = scopes("");
    Exchange ok = request("openai", "chat", "gpt-4.1-mini", SUPPORT);
    Exchange bad = request("openai", "chat", "o3", SUPPORT);
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 20_000; i++) {
          if (s.onRequest(ok).kind() != Decision.Kind.ALLOW || !"model_not_allowed".equals(s.onRequest(bad).code())) {
            wrong.incrementAndGet();
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(wrong).hasValue(0);
  }
}
