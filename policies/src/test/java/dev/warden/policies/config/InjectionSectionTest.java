package dev.warden.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InjectionSectionTest {

  private static PolicyDocument read(String yaml) throws PolicyException {
    ErrorList errors = new ErrorList("p.yaml");
    PolicyDocument document = PolicyReader.read(LocatedYamlReader.read(yaml, errors), System::getenv, errors);
    errors.throwIfAny();
    return document;
  }

  private static List<String> errors(String yaml) {
    try {
      read(yaml);
      return List.of();
    } catch (PolicyException e) {
      return e.errors().stream().map(PolicyError::toString).toList();
    }
  }

  @Test
  void absentMeansOffAndPresentDefaultsToDetect() throws Exception {
    assertThat(read("version: 1\n").injection()).isEqualTo(InjectionPolicy.OFF);
    InjectionPolicy present = read("version: 1\ninjection:\n  threshold: 0.8\n").injection();
    assertThat(present.action()).isEqualTo(InjectionAction.DETECT);
    assertThat(present.threshold()).isEqualTo(0.8);
    assertThat(present.toolThreshold()).isEqualTo(0.8);
    assertThat(present.roles()).isEqualTo(Set.of("user", "tool"));
    assertThat(present.canary()).isFalse();
  }

  @Test
  void everyKeyIsRead() throws Exception {
    InjectionPolicy policy = read("""
        version: 1
        injection:
          action: block
          threshold: 0.6
          toolThreshold: 0.9
          roles: [user, tool, system]
          canary: true
        """).injection();
    assertThat(policy).isEqualTo(
        new InjectionPolicy(InjectionAction.BLOCK, 0.6, 0.9, Set.of("user", "tool", "system"), true));
    assertThat(policy.plantsCanary()).isTrue();
  }

  @Test
  void aScopeOverridesKeyByKey() throws Exception {
    PolicyDocument doc = read("""
        version: 1
        injection: {action: block, threshold: 0.6}
        keys:
          scopes:
            - id: a
              fingerprint: "sha256:%s"
              injection: {toolThreshold: 0.95}
            - id: b
              fingerprint: "sha256:%s"
              injection: {action: off}
        """.formatted("a".repeat(64), "b".repeat(64)));
    assertThat(doc.keys().scopes().get(0).injection())
        .isEqualTo(new InjectionPolicy(InjectionAction.BLOCK, 0.6, 0.95, Set.of("user", "tool"), false));
    assertThat(doc.keys().scopes().get(1).injection().off()).isTrue();
    assertThat(doc.usesInjection()).isTrue();
  }

  @Test
  void theCanaryIsInheritedKeyByKeyAndOffWithTheAction() throws Exception {
    PolicyDocument doc = read("""
        version: 1
        injection: {action: block, canary: true}
        keys:
          scopes:
            - id: a
              fingerprint: "sha256:%s"
              injection: {threshold: 0.9}
            - id: b
              fingerprint: "sha256:%s"
              injection: {canary: false}
            - id: c
              fingerprint: "sha256:%s"
              injection: {action: off}
        """.formatted("a".repeat(64), "b".repeat(64), "c".repeat(64)));
    assertThat(doc.injection().plantsCanary()).isTrue();
    assertThat(doc.keys().scopes().get(0).injection().plantsCanary()).isTrue();
    assertThat(doc.keys().scopes().get(1).injection().plantsCanary()).isFalse();
    assertThat(doc.keys().scopes().get(1).injection().action()).isEqualTo(InjectionAction.BLOCK);
    assertThat(doc.keys().scopes().get(2).injection().plantsCanary()).isFalse();

    PolicyDocument scoped = read("""
        version: 1
        keys:
          scopes:
            - id: a
              fingerprint: "sha256:%s"
              injection: {canary: true}
        """.formatted("a".repeat(64)));
    assertThat(scoped.injection().plantsCanary()).isFalse();
    assertThat(scoped.keys().scopes().get(0).injection().action()).isEqualTo(InjectionAction.DETECT);
    assertThat(scoped.keys().scopes().get(0).injection().plantsCanary()).isTrue();
  }

  @Test
  void aCanaryWithActionOffOrNotABooleanIsAnError() {
    assertThat(errors("version: 1\ninjection:\n  action: off\n  canary: true\n")).containsExactly(
        "p.yaml:4:11: 'injection.canary' has no effect with action: off; "
            + "use action: detect to plant canaries without blocking injections");
    assertThat(errors("version: 1\ninjection:\n  action: off\n  canary: false\n")).isEmpty();
    assertThat(errors("version: 1\ninjection:\n  canary: \"yes\"\n")).containsExactly(
        "p.yaml:3:11: 'injection.canary' must be true or false (got a string)");
    assertThat(errors("version: 1\ninjection:\n  canary: 1\n")).containsExactly(
        "p.yaml:3:11: 'injection.canary' must be true or false (got an integer)");
  }

  @Test
  void badValuesAreReportedWhereTheyAre() {
    assertThat(errors("""
        version: 1
        injection:
          action: shout
          threshold: 1.5
          toolThreshold: high
          roles: [user, robot]
          colour: red
        """)).containsExactly(
        "p.yaml:3:11: 'injection.action' must be one of: off, detect, block (got 'shout')",
        "p.yaml:4:14: 'injection.threshold' must be a score in (0, 1] (got 1.5)",
        "p.yaml:5:18: 'injection.toolThreshold' must be a number in (0, 1] (got a string)",
        "p.yaml:6:17: unknown role 'robot' in injection.roles; allowed: system, developer, user, assistant, tool",
        "p.yaml:7:3: unknown key 'colour' in injection");
  }

  @Test
  void anEmptyRoleListIsAnError() {
    assertThatThrownBy(() -> read("version: 1\ninjection:\n  roles: []\n")).isInstanceOf(PolicyException.class);
  }
}
