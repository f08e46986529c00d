package dev.warden.policies.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.Finding;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySnapshotPiiTest {

  static final String KEY = "sha256:" + "c".repeat(64);

  static final List<TextPart> PARTS = List.of(
      new TextPart(0, "system", "You are a helpful assistant for ops@acme.io."),
      new TextPart(1, "user", "Nothing personal here."),
      new TextPart(1, "user", "jane.doe@example.com asked; cc bob@example.org, thanks"),
      new TextPart(2, "assistant", "Noted."),
      new TextPart(3, "tool", "result for x@y.c and a@b"),
      new TextPart(4, "developer", "Escalate to lead@acme.io"));

  static PolicySnapshot pii(String action) throws Exception {
    return PolicyLoader.parse("version: 1\npii:\n  prompts: " + action + "\n", "p.yaml");
  }

  static Exchange request(List<TextPart> parts) {
    return new Exchange("openai", "chat", "gpt-4o-mini", false, KEY, 256, parts);
  }

  @Test
  void redactReplacesEachAddressAndLeavesOtherPartsNull() throws Exception {
    PolicySnapshot s = pii("redact");

    Decision d = s.onRequest(request(PARTS));

    assertThat(d.kind()).isEqualTo(Decision.Kind.MODIFY);
    assertThat(d.enforced()).isTrue();
    assertThat(d.modifies()).isTrue();
    assertThat(d.blocks()).isFalse();
    assertThat(d.rule()).isEqualTo("pii");
    assertThat(d.code()).isNull();
    assertThat(d.status()).isZero();
    assertThat(d.keyId()).isNull();
    assertThat(d.policyHash()).isEqualTo(s.hash());
    assertThat(d.findings()).containsExactly(new Finding("pii", "EMAIL", 4));
    assertThat(d.rewrittenParts()).containsExactly(
        "You are a helpful assistant for [EMAIL].",
        null,
        "[EMAIL] asked; cc [EMAIL], thanks",
        null,
        null,
        "Escalate to [EMAIL]");
  }

  @Test
  void detectAllowsAndCountsWithoutRewriting() throws Exception {
    Decision d = pii("detect").onRequest(request(PARTS));

    assertThat(d.kind()).isEqualTo(Decision.Kind.ALLOW);
    assertThat(d.enforced()).isTrue();
    assertThat(d.rule()).isNull();
    assertThat(d.status()).isZero();
    assertThat(d.rewrittenParts()).isNull();
    assertThat(d.findings()).containsExactly(new Finding("pii", "EMAIL", 4));
  }

  @Test
  void blockRefusesWithoutQuotingTheAddress() throws Exception {
    Decision d = pii("block").onRequest(request(PARTS));

    assertThat(d.kind()).isEqualTo(Decision.Kind.BLOCK);
    assertThat(d.blocks()).isTrue();
    assertThat(d.rule()).isEqualTo("pii");
    assertThat(d.code()).isEqualTo("pii_blocked");
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.message()).isEqualTo("the request contains personal data (EMAIL) and the policy blocks it");
    assertThat(d.findings()).containsExactly(new Finding("pii", "EMAIL", 4));
    assertThat(d.rewrittenParts()).isNull();
  }

  @Test
  void nothingFoundIsAPlainAllow() throws Exception {
    for (String action : List.of("detect", "redact", "block")) {
      PolicySnapshot s = pii(action);
      Decision d = s.onRequest(request(List.of(new TextPart(0, "user", "write to me at jane at example dot com"))));
      assertThat(d.kind()).as(action).isEqualTo(Decision.Kind.ALLOW);
      assertThat(d.findings()).as(action).isEmpty();
      assertThat(d.rewrittenParts()).as(action).isNull();
      assertThat(d.status()).as(action).isZero();
    }
  }

  @Test
  void offAndAbsentSectionScanNothing() throws Exception {
    for (PolicySnapshot s : List.of(pii("off"), PolicyLoader.parse("version: 1\n", "p.yaml"))) {
      Decision d = s.onRequest(request(PARTS));
      assertThat(d.kind()).isEqualTo(Decision.Kind.ALLOW);
      assertThat(d.findings()).isEmpty();
    }
  }

  @Test
  void emptyRequestAndNullTextAreFine() throws Exception {
    PolicySnapshot s = pii("redact");
    assertThat(s.onRequest(request(List.of())).kind()).isEqualTo(Decision.Kind.ALLOW);
    Decision d = s.onRequest(request(List.of(new TextPart(0, "user", null), new TextPart(1, "user", ""), new TextPart(2, "user", "a@b.de"))));
    assertThat(d.rewrittenParts()).containsExactly(null, null, "[EMAIL]");
  }

  @Test
  void redactKeepsUnicodeAroundTheAddress() throws Exception {
    Decision d = pii("redact").onRequest(request(List.of(new TextPart(0, "user", "連絡先はjohn@example.comです 😀"))));
    assertThat(d.rewrittenParts()).containsExactly("連絡先は[EMAIL]です 😀");
  }

  @Test
  void monitorModeRedactIsRecordedButNotApplied() throws Exception {
    PolicySnapshot s = PolicyLoader.parse("version: 1\nmode: monitor\npii: {prompts: redact}\n", "p.yaml");

    Decision d = s.onRequest(request(PARTS));

    assertThat(d.kind()).isEqualTo(Decision.Kind.MODIFY);
    assertThat(d.enforced()).isFalse();
    assertThat(d.modifies()).isFalse();
    assertThat(d.rewrittenParts()).hasSize(PARTS.size());
    assertThat(d.findings()).containsExactly(new Finding("pii", "EMAIL", 4));
  }

  @Test
  void monitorModeBlockIsRecordedButNotApplied() throws Exception {
    PolicySnapshot s = PolicyLoader.parse("version: 1\nmode: monitor\npii: {prompts: block}\n", "p.yaml");
    Decision d = s.onRequest(request(PARTS));
    assertThat(d.kind()).isEqualTo(Decision.Kind.BLOCK);
    assertThat(d.code()).isEqualTo("pii_blocked");
    assertThat(d.enforced()).isFalse();
    assertThat(d.blocks()).isFalse();
  }

  @Test
  void keyScopeDecidesBeforePiiAndItsIdIsCarried() throws Exception {
    PolicySnapshot s = PolicyLoader.parse("""
        version: 1
        keys:
          scopes:
            - {id: bot, fingerprint: "%s", models: ["gpt-4o*"]}
        pii:
          prompts: block
        """.formatted(KEY), "p.yaml");

    Decision denied = s.onRequest(new Exchange("openai", "chat", "o3", false, KEY, null, PARTS));
    assertThat(denied.code()).isEqualTo("model_not_allowed");
    assertThat(denied.findings()).isEmpty();

    Decision piiBlocked = s.onRequest(request(PARTS));
    assertThat(piiBlocked.code()).isEqualTo("pii_blocked");
    assertThat(piiBlocked.keyId()).isEqualTo("bot");

    Decision clean = s.onRequest(request(List.of(new TextPart(0, "user", "hi"))));
    assertThat(clean.kind()).isEqualTo(Decision.Kind.ALLOW);
    assertThat(clean.keyId()).isEqualTo("bot");
  }

  @Test
  void decisionsCarryNoRequestTextExceptTheRewrittenParts() throws Exception {
    for (String action : List.of("detect", "redact", "block")) {
      Decision d = pii(action).onRequest(request(PARTS));
      String visible = d.toString().replace(Arrays.toString(d.rewrittenParts()), "") + d.message() + d.findings();
      assertThat(visible).as(action).doesNotContain("jane").doesNotContain("example.com").doesNotContain("acme");
    }
  }
}
