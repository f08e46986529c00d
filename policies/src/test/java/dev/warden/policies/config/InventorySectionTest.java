package dev.warden.policies.config;

import static dev.warden.policies.config.PolicyLoaderErrorsTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code inventory} section: {@code deny} entries and {@code action}, each error at its line and column. */
class InventorySectionTest {

  private static PolicyDocument document(String yaml) throws PolicyException {
    ErrorList errors = new ErrorList("p.yaml");
    PolicyDocument document = PolicyReader.read(LocatedYamlReader.read(yaml, errors), System::getenv, errors);
    errors.throwIfAny();
    return document;
  }

  @Test
  void entriesAndActionAreRead() throws Exception {
    InventoryPolicy inventory = document("""
        version: 1
        inventory:
          deny: ["com.openai:openai-java:<4.0.0", "com.azure:azure-ai-openai:(,1.0.0-beta.16],[1.0.0,1.0.2)"]
          action: report
        """).inventory();
    assertThat(inventory.deny()).extracting(r -> r.text())
        .containsExactly("com.openai:openai-java:<4.0.0", "com.azure:azure-ai-openai:(,1.0.0-beta.16],[1.0.0,1.0.2)");
    assertThat(inventory.block()).isFalse();
    assertThat(document("version: 1\ninventory:\n  deny: [a.b:c:<1]\n").inventory().block())
        .as("block is the default").isTrue();
    assertThat(document("version: 1\n").inventory()).isEqualTo(InventoryPolicy.NONE);
  }

  @Test
  void eachBadEntryIsReportedAtItsOwnColumn() {
    assertThat(errors("""
        version: 1
        inventory:
          deny: ["openai-java:<4", "com.openai:openai-java:4.0.0", "com.openai:openai-java:[2.0,1.0]", 7, "a b:c:<1"]
          action: deny
          alert: true
        """)).containsExactly(
        "p.yaml:3:10: 'inventory.deny[0]': 'openai-java:<4' is not group:artifact:RANGE (e.g. com.openai:openai-java:<4.0.0)",
        "p.yaml:3:28: 'inventory.deny[1]': '4.0.0' is no version range: write [4.0.0] for exactly that version, <4.0.0 for"
            + " the ones before it, or a Maven range such as [1.0,2.0)",
        "p.yaml:3:60: 'inventory.deny[2]': '[2.0,1.0]': [2.0,1.0] holds no version (its lower bound is not below its upper"
            + " bound)",
        "p.yaml:3:96: 'inventory.deny[3]' must be a string",
        "p.yaml:3:99: 'inventory.deny[4]': 'a b:c:<1': the group 'a b' has the character ' ', which Maven names do not",
        "p.yaml:4:11: 'inventory.action' must be one of: block, report (got 'deny')",
        "p.yaml:5:3: unknown key 'alert' in inventory");
  }

  @Test
  void theSectionAndItsListMustHaveTheirShapes() {
    assertThat(errors("version: 1\ninventory: [x]\n")).containsExactly("p.yaml:2:12: 'inventory' must be a mapping");
    assertThat(errors("version: 1\ninventory:\n  deny: []\n"))
        .containsExactly("p.yaml:3:9: 'inventory.deny' must not be empty; omit it when no library is denied");
    assertThat(errors("version: 1\ninventory:\n  deny: com.openai:openai-java:<4\n"))
        .containsExactly("p.yaml:3:9: 'inventory.deny' must be a list");
  }
}
