package dev.warden.policies.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.pii.CompletionRewriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code pii.prompts: pseudonymize}, {@code completions: redact}, custom entities and scope overrides, end to end in the engine. */
class PolicySnapshotPseudonymTest {

  private static final String KEY_A = "sha256:" + "a".repeat(64);
  private static final String KEY_B = "sha256:" + "b".repeat(64);
  private static final Pattern PLACEHOLDER = Pattern.compile("<EMAIL_[0-9a-f]{4,}>");

  private static Exchange request(String key, String... texts) {
    List<TextPart> parts = new java.util.ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      parts.add(new TextPart(i, "user", texts[i]));
    }
    return new Exchange("openai", "chat", "gpt-4o-mini", false, key, null, parts);
  }

  @Test
  void pseudonymizeSendsStablePlaceholdersAndTheCompletionGetsTheValuesBack() throws Exception {
    PolicySnapshot policy = PolicyLoader.parse("version: 1\npii:\n  prompts: pseudonymize\n", "p.yaml");

    Decision first = policy.onRequest(request(null, "Mail jane.doe@example.com and bob@example.org", "again jane.doe@example.com"));
    assertThat(first.kind()).isEqualTo(Decision.Kind.MODIFY);
    String sent = first.rewrittenParts()[0];
    assertThat(sent).doesNotContain("jane.doe").doesNotContain("bob@");
    Matcher m = PLACEHOLDER.matcher(sent);
    assertThat(m.find()).isTrue();
    String jane = m.group();
    assertThat(m.find()).isTrue();
    String bob = m.group();
    assertThat(jane).isNotEqualTo(bob);
    assertThat(first.rewrittenParts()[1]).isEqualTo("again " + jane);

    CompletionRewriter completions = first.completionRewriter();
    assertThat(completions).isNotNull();
    assertThat(completions.rewrite("I wrote to " + jane + " and " + bob + "; <EMAIL_ffff> is unknown"))
        .isEqualTo("I wrote to jane.doe@example.com and bob@example.org; <EMAIL_ffff> is unknown");

    Decision nextTurn = policy.onRequest(request(null, "Any reply from jane.doe@example.com?"));
    assertThat(nextTurn.rewrittenParts()[0]).isEqualTo("Any reply from " + jane + "?");
  }

  @Test
  void nothingFoundAndNothingToRestoreMeansNoRewriter() throws Exception {
    PolicySnapshot policy = PolicyLoader.parse("version: 1\npii:\n  prompts: pseudonymize\n", "p.yaml");
    Decision d = policy.onRequest(request(null, "nothing personal"));
    assertThat(d.kind()).isEqualTo(Decision.Kind.ALLOW);
    assertThat(d.completionRewriter()).isNull();
  }

  @Test
  void completionsRedactRemovesWhatTheModelProducedButKeepsRestoredValues() throws Exception {
    PolicySnapshot policy = PolicyLoader.parse(
        "version: 1\npii:\n  prompts: pseudonymize\n  completions: redact\n", "p.yaml");
    Decision d = policy.onRequest(request(null, "Contact jane.doe@example.com"));
    String jane = d.rewrittenParts()[0].substring("Contact ".length());
    assertThat(d.completionRewriter().rewrite("Sure: " + jane + ", or try leak@evil.example"))
        .isEqualTo("Sure: jane.doe@example.com, or try [EMAIL]");

    Decision clean = policy.onRequest(request(null, "no data"));
    assertThat(clean.kind()).isEqualTo(Decision.Kind.ALLOW);
    assertThat(clean.completionRewriter().rewrite("write to leak@evil.example")).isEqualTo("write to [EMAIL]");
  }

  @Test
  void completionsDetectCountsWhatTheModelProducedAndChangesOnlyPlaceholders() throws Exception {
    PolicySnapshot policy = PolicyLoader.parse(
        "version: 1\npii:\n  prompts: pseudonymize\n  completions: detect\n", "p.yaml");
    Decision d = policy.onRequest(request(null, "Contact jane.doe@example.com"));
    String jane = d.rewrittenParts()[0].substring("Contact ".length());
    CompletionRewriter completions = d.completionRewriter();
    assertThat(completions.rewrite("Sure: " + jane + ", or try leak@evil.example"))
        .isEqualTo("Sure: jane.doe@example.com, or try leak@evil.example");
    CompletionRewriter.Channel stream = completions.forJsonText().channel();
    String args = stream.feed("{\"to\":\"" + jane.substring(0, 4)) + stream.feed(jane.substring(4) + "\",\"cc\":\"call 415-555-")
        + stream.feed("0132\"}") + stream.finish();
    assertThat(args).isEqualTo("{\"to\":\"jane.doe@example.com\",\"cc\":\"call 415-555-0132\"}");
    assertThat(completions.findings()).isEqualTo(Map.of("EMAIL", 1, "PHONE", 1));

    Decision clean = policy.onRequest(request(null, "no data"));
    assertThat(clean.completionRewriter().rewrite("write to leak@evil.example")).isEqualTo("write to leak@evil.example");
    assertThat(clean.completionRewriter().findings()).containsExactly(Map.entry("EMAIL", 1));
  }

  @Test
  void customEntitiesAndAllowedLiterals() throws Exception {
    PolicySnapshot policy = PolicyLoader.parse("""
        version: 1
        pii:
          prompts: redact
          entities: [EMAIL]
          custom:
            - {name: EMPLOYEE_ID, pattern: 'E-\\d{6}', context: [employee]}
          allow: ["support@example.com"]
        """, "p.yaml");
    Decision d = policy.onRequest(request(null,
        "employee E-123456 wrote to support@example.com and jane@example.com; ticket E-654321"));
    assertThat(d.rewrittenParts()[0])
        .isEqualTo("employee [EMPLOYEE_ID] wrote to support@example.com and [EMAIL]; ticket E-654321");
  }

  @Test
  void aScopeOverridesTheSectionKeyByKey() throws Exception {
    PolicySnapshot policy = PolicyLoader.parse("""
        version: 1
        keys:
          default: allow
          scopes:
            - id: strict
              fingerprint: "%s"
              pii: {prompts: block}
            - id: relaxed
              fingerprint: "%s"
              pii: {prompts: "off"}
        pii:
          prompts: redact
        """.formatted(KEY_A, KEY_B), "p.yaml");
    String text = "reach me at jane@example.com";
    assertThat(policy.onRequest(request(KEY_A, text)).code()).isEqualTo("pii_blocked");
    Decision relaxed = policy.onRequest(request(KEY_B, text));
    assertThat(relaxed.kind()).isEqualTo(Decision.Kind.ALLOW);
    assertThat(relaxed.keyId()).isEqualTo("relaxed");
    assertThat(policy.onRequest(request(null, text)).rewrittenParts()[0]).isEqualTo("reach me at [EMAIL]");
  }

  @Test
  void monitorModeDecidesButEnforcesNothing() throws Exception {
    PolicySnapshot policy = PolicyLoader.parse("version: 1\nmode: monitor\npii:\n  prompts: pseudonymize\n", "p.yaml");
    Decision d = policy.onRequest(request(null, "jane@example.com"));
    assertThat(d.kind()).isEqualTo(Decision.Kind.MODIFY);
    assertThat(d.modifies()).isFalse();
  }
}
