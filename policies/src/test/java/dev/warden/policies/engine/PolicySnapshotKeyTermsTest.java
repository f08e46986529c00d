package dev.warden.policies.engine;

import static dev.warden.policies.engine.PolicySnapshotKeysTest.assertBlocked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Virtual keys, roles, expiry and output token limits of key scopes. */
class PolicySnapshotKeyTermsTest {

  static final String REAL = "sha256:" + "1".repeat(64);

  @TempDir Path dir;

  static String fingerprint(String key) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  static Exchange request(String fingerprint, Integer maxTokens, String text) {
    return new Exchange("openai", "chat", "gpt-4o-mini", false, fingerprint, maxTokens,
        List.of(new TextPart(0, "user", text)));
  }

  PolicySnapshot virtualScope(String extra) throws Exception {
    Path secret = dir.resolve("openai.key");
    Files.writeString(secret, "sk-real-one\n");
    return PolicyLoader.parse("""
        version: 1
        %s
        keys:
          scopes:
            - id: support-bot
              virtualKey: wdn_support_7f3a
              secret: file:%s
            - id: held
              fingerprint: "%s"
        """.formatted(extra, secret, REAL), "p.yaml");
  }

  @Test
  void theVirtualKeyIsAllowedWithTheRealKeyInItsTerms() throws Exception {
    PolicySnapshot s = virtualScope("");
    Decision d = s.onRequest(request(fingerprint("wdn_support_7f3a"), null, "hello"));
    assertThat(d.kind()).isEqualTo(Decision.Kind.ALLOW);
    assertThat(d.keyId()).isEqualTo("support-bot");
    assertThat(d.terms().secret().value()).isEqualTo("sk-real-one");
    assertThat(d.terms().secret().toString()).doesNotContain("sk-real");
  }

  @Test
  void aRealKeyTheApplicationHoldsIsSentAsItIs() throws Exception {
    Decision d = virtualScope("").onRequest(request(REAL, null, "hello"));
    assertThat(d.keyId()).isEqualTo("held");
    assertThat(d.terms().none()).isTrue();
  }

  @Test
  void rewritingRulesKeepTheKeyTerms() throws Exception {
    PolicySnapshot s = virtualScope("pii: {prompts: redact}");
    Decision d = s.onRequest(request(fingerprint("wdn_support_7f3a"), null, "mail me at ann@example.com"));
    assertThat(d.kind()).isEqualTo(Decision.Kind.MODIFY);
    assertThat(d.terms().secret()).isNotNull();
  }

  @Test
  void blocksCarryNoKeyButMonitorModeStillSwapsIt() throws Exception {
    Decision enforced = virtualScope("pii: {prompts: block}")
        .onRequest(request(fingerprint("wdn_support_7f3a"), null, "mail me at ann@example.com"));
    assertThat(enforced.blocks()).isTrue();
    assertThat(enforced.terms().none()).isTrue();

    Decision monitored = virtualScope("mode: monitor\npii: {prompts: block}")
        .onRequest(request(fingerprint("wdn_support_7f3a"), null, "mail me at ann@example.com"));
    assertThat(monitored.kind()).isEqualTo(Decision.Kind.BLOCK);
    assertThat(monitored.blocks()).isFalse();
    assertThat(monitored.terms().secret().value()).isEqualTo("sk-real-one");
  }

  @Test
  void aRotatedSecretFileIsReadOnTheNextCall() throws Exception {
    PolicySnapshot s = virtualScope("");
    Files.writeString(dir.resolve("openai.key"), "sk-real-two-longer\n");
    assertThat(s.onRequest(request(fingerprint("wdn_support_7f3a"), null, "hi")).terms().secret().value())
        .isEqualTo("sk-real-two-longer");
    Files.delete(dir.resolve("openai.key"));
    assertThat(s.onRequest(request(fingerprint("wdn_support_7f3a"), null, "hi")).terms().secret().value())
        .as("a removed file keeps the last good key").isEqualTo("sk-real-two-longer");
  }

  PolicySnapshot scope(String lines) throws Exception {
    return PolicyLoader.parse("""
        version: 1
        keys:
          scopes:
            - id: s
              fingerprint: "%s"
        %s
        """.formatted(REAL, lines.indent(6)), "p.yaml");
  }

  @Test
  void anExpiredScopeIsRefusedAndAFutureOneIsNot() throws Exception {
    PolicySnapshot past = scope("expires: 2001-01-01");
    assertBlocked(past.onRequest(request(REAL, null, "hi")), "key", "key_expired", "key scope 's' has expired", "s", past);
    assertThat(scope("expires: 2999-01-01").onRequest(request(REAL, null, "hi")).blocks()).isFalse();
    assertThat(scope("expires: \"2001-01-01T00:00:00Z\"").onRequest(request(REAL, null, "hi")).code()).isEqualTo("key_expired");
  }

  @Test
  void aDisabledScopeRefusesItsKeyFirstEvenWhenOtherKeysAreAllowed() throws Exception {
    PolicySnapshot off = scope("disabled: true\nexpires: 2001-01-01");
    assertBlocked(off.onRequest(request(REAL, null, "hi")), "key", "key_disabled", "key scope 's' is disabled", "s", off);
    assertThat(scope("disabled: false").onRequest(request(REAL, null, "hi")).blocks()).isFalse();

    // the switch must not let the key fall through to an allowing default
    PolicySnapshot allowByDefault = PolicyLoader.parse("""
        version: 1
        keys:
          default: allow
          scopes:
            - {id: s, fingerprint: "%s", disabled: true}
        """.formatted(REAL), "p.yaml");
    assertThat(allowByDefault.onRequest(request(REAL, null, "hi")).code()).isEqualTo("key_disabled");
    assertThat(allowByDefault.onRequest(request("sha256:" + "2".repeat(64), null, "hi")).blocks()).isFalse();
  }

  @Test
  void rolesNeedOneInCommonThroughIdentityRoles() throws Exception {
    PolicySnapshot s = PolicyLoader.parse("""
        version: 1
        identity:
          sources: [mdc:user]
          roles:
            alice: [support]
            ROLE_ADMIN: [admin]
            "*": [default]
        keys:
          scopes:
            - id: s
              fingerprint: "%s"
              roles: [support, admin]
            - id: anyone
              fingerprint: "%s"
              roles: []
        """.formatted(REAL, "sha256:" + "2".repeat(64)), "p.yaml");
    String refused = "the caller has none of the roles that key scope 's' allows";
    assertBlocked(s.onRequest(request(REAL, null, "hi"), new Caller("bob", List.of())), "role", "role_not_allowed",
        refused, "s", s);
    assertBlocked(s.onRequest(request(REAL, null, "hi")), "role", "role_not_allowed", refused, "s", s);
    assertThat(s.onRequest(request(REAL, null, "hi"), new Caller("alice", List.of())).blocks()).isFalse();
    assertThat(s.onRequest(request(REAL, null, "hi"), new Caller("bob", List.of("ROLE_ADMIN"))).blocks())
        .as("a Spring authority maps to a role").isFalse();
    assertThat(s.onRequest(request("sha256:" + "2".repeat(64), null, "hi")).blocks()).as("empty = anyone").isFalse();
    assertThat(s.identitySources()).extracting(Object::toString).containsExactly("mdc:user");
  }

  @Test
  void aBlockedPrincipalIsRefusedWhateverItsKeyAndOthersAreNot() throws Exception {
    PolicySnapshot s = PolicyLoader.parse("""
        version: 1
        identity:
          sources: [mdc:user]
          blocked: [mallory]
        keys:
          default: allow
        """, "p.yaml");
    assertBlocked(s.onRequest(request(REAL, null, "hi"), new Caller("mallory", List.of())), "principal",
        "principal_blocked", "the caller is blocked by identity.blocked", null, s);
    assertThat(s.onRequest(request(REAL, null, "hi"), new Caller("alice", List.of())).blocks()).isFalse();
    assertThat(s.onRequest(request(REAL, null, "hi"), Caller.UNKNOWN).blocks()).as("no principal").isFalse();
  }

  @Test
  void maxOutputTokensBlocksARequestThatAsksForMore() throws Exception {
    PolicySnapshot s = scope("maxOutputTokens: 1024");
    assertBlocked(s.onRequest(request(REAL, 4096, "hi")), "key", "key_not_allowed",
        "an output limit of 4096 tokens is above key scope 's''s maxOutputTokens 1024", "s", s);
    assertThat(s.onRequest(request(REAL, 1024, "hi")).blocks()).isFalse();
    assertThat(s.onRequest(request(REAL, null, "hi")).terms().none()).as("no limit asked: sent as built").isTrue();
  }

  @Test
  void clampLowersOrSetsTheLimitInsteadOfRefusing() throws Exception {
    PolicySnapshot s = scope("maxOutputTokens: 1024\nonMaxOutputTokens: clamp");
    Decision over = s.onRequest(request(REAL, 4096, "hi"));
    assertThat(over.blocks()).isFalse();
    assertThat(over.terms().outputTokenLimit()).isEqualTo(1024);
    assertThat(s.onRequest(request(REAL, null, "hi")).terms().outputTokenLimit()).isEqualTo(1024);
    assertThat(s.onRequest(request(REAL, 100, "hi")).terms().none()).isTrue();
  }
}
