package dev.warden.policies.engine;

import static dev.warden.policies.engine.PolicySnapshotKeyTermsTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.Finding;
import dev.warden.policies.identity.Caller;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code inventory.deny}: a call made by a denied library is refused, or reported, as {@code action} says. */
class PolicySnapshotInventoryTest {

  private static final List<String> OLD = List.of("com.openai:openai-java-core:3.2.0",
      "com.openai:openai-java-client-okhttp:3.2.0");
  private static final List<String> NEW = List.of("com.openai:openai-java-core:4.101.0");

  private static PolicySnapshot policy(String extra) throws Exception {
    return PolicyLoader.parse("version: 1\n" + extra + "inventory:\n  deny: [\"com.openai:openai-java:<4.0.0\"]\n",
        "p.yaml");
  }

  @Test
  void aDeniedLibrarysCallIsRefusedWith403LibraryNotAllowed() throws Exception {
    PolicySnapshot s = policy("");
    assertThat(s.deniesLibraries()).isTrue();
    Decision d = s.onRequest(request(null, null, "hi"), Caller.UNKNOWN, OLD);
    assertThat(d.blocks()).isTrue();
    assertThat(d.rule()).isEqualTo("library");
    assertThat(d.code()).isEqualTo("library_not_allowed");
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.message()).isEqualTo("calls from com.openai:openai-java-core:3.2.0 are refused by inventory.deny");
    assertThat(d.policyHash()).isEqualTo(s.hash());
  }

  @Test
  void aLibraryOutsideTheRangeOrAnUnknownOneIsDecidedAsUsual() throws Exception {
    PolicySnapshot s = policy("");
    Decision d = s.onRequest(request(null, null, "hi"), Caller.UNKNOWN, NEW);
    assertThat(d.kind()).isEqualTo(Decision.Kind.ALLOW);
    assertThat(d.findings()).isEmpty();
    assertThat(s.onRequest(request(null, null, "hi"), Caller.UNKNOWN, List.of()).kind()).isEqualTo(Decision.Kind.ALLOW);
  }

  @Test
  void reportLetsTheCallOutWithALibraryFinding() throws Exception {
    PolicySnapshot s = PolicyLoader.parse("""
        version: 1
        inventory:
          deny: ["com.openai:openai-java:<4.0.0"]
          action: report
        """, "p.yaml");
    Decision d = s.onRequest(request(null, null, "hi"), Caller.UNKNOWN, OLD);
    assertThat(d.kind()).isEqualTo(Decision.Kind.ALLOW);
    assertThat(d.findings()).containsExactly(new Finding("library", "com.openai:openai-java-core:3.2.0", 1));
  }

  @Test
  void reportKeepsTheOtherRulesBlocks() throws Exception {
    PolicySnapshot s = PolicyLoader.parse("""
        version: 1
        keys:
          default: deny
        inventory:
          deny: ["com.openai:openai-java:<4.0.0"]
          action: report
        """, "p.yaml");
    assertThat(s.onRequest(request(null, null, "hi"), Caller.UNKNOWN, OLD).code()).isEqualTo("key_not_allowed");
  }

  @Test
  void monitorModeRecordsTheRefusalButLetsTheCallOut() throws Exception {
    Decision d = policy("mode: monitor\n").onRequest(request(null, null, "hi"), Caller.UNKNOWN, OLD);
    assertThat(d.code()).isEqualTo("library_not_allowed");
    assertThat(d.enforced()).isFalse();
    assertThat(d.blocks()).isFalse();
  }

  @Test
  void withoutDenyEntriesNoLibraryIsLookedAt() throws Exception {
    PolicySnapshot s = PolicyLoader.parse("version: 1\n", "p.yaml");
    assertThat(s.deniesLibraries()).isFalse();
    assertThat(s.onRequest(request(null, null, "hi"), Caller.UNKNOWN, OLD).findings()).isEmpty();
  }
}
