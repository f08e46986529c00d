package dev.warden.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code pii} section: actions, custom entities with RE2 patterns, allowed literals, scope overrides. */
class PiiSectionTest {

  private static final String FP = "sha256:" + "a".repeat(64);

  private static List<String> errors(String yaml) {
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.parse(yaml, "p.yaml"));
    assertThat(e).as("the policy is invalid").isNotNull();
    return e.errors().stream().map(PolicyError::toString).toList();
  }

  @Test
  void aFullSectionIsValid() throws PolicyException {
    String yaml = """
        version: 1
        pii:
          prompts: pseudonymize
          completions: redact
          entities: [EMAIL]
          custom:
            - {name: EMPLOYEE_ID, pattern: 'E-\\d{6}', context: [employee, staff]}
            - {name: ACCOUNT, pattern: '\\b\\d{16}\\b', validator: luhn}
          allow: ["support@example.com"]
        """;
    PolicyLoader.parse(yaml, "p.yaml");
  }

  @Test
  void customPatternErrorsPointAtThePattern() {
    String yaml = """
        version: 1
        pii:
          custom:
            - name: BROKEN
              pattern: 'E-(\\d{6}'
            - name: EMPTY_MATCH
              pattern: 'x*'
            - name: lower
              pattern: 'x'
            - name: EMAIL
              pattern: 'x'
            - pattern: 'y'
            - name: CHECKED
              pattern: 'z'
              validator: crc32
              colour: red
        """;
    List<String> errors = errors(yaml);
    assertThat(errors).hasSize(7);
    assertThat(errors.get(0)).startsWith("p.yaml:5:16: 'pii.custom[0].pattern': invalid pattern: ");
    assertThat(errors.subList(1, 7)).containsExactly(
        "p.yaml:7:16: 'pii.custom[1].pattern': pattern matches the empty text; it must match at least one char",
        "p.yaml:8:13: 'pii.custom[2].name' must be upper case letters, digits and _, starting with a letter (got 'lower')",
        "p.yaml:10:13: 'pii.custom[3].name' 'EMAIL' is a built-in entity; choose another name",
        "p.yaml:12:7: 'pii.custom[4].name' is required",
        "p.yaml:15:18: 'pii.custom[5].validator' must be one of: luhn, mod97 (got 'crc32')",
        "p.yaml:16:7: unknown key 'colour' in pii.custom[5]");
  }

  @Test
  void aCatastrophicBacktrackingPatternIsFineBecauseRe2IsLinear() throws PolicyException {
    PolicyLoader.parse("version: 1\npii:\n  custom:\n    - {name: EVIL, pattern: '(a+)+$'}\n", "p.yaml");
  }

  @Test
  void anOversizedPatternIsRejected() {
    String yaml = "version: 1\npii:\n  custom:\n    - {name: BIG, pattern: '" + "a".repeat(1001) + "'}\n";
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:4:28: 'pii.custom[0].pattern': pattern is 1001 chars long; at most 1000 are allowed");
  }

  @Test
  void contextProblemsAreReportedAtTheEntry() {
    String yaml = "version: 1\npii:\n  custom:\n    - {name: ID, pattern: 'x+', context: ['" + "w".repeat(65) + "']}\n";
    assertThat(errors(yaml)).containsExactly("p.yaml:4:7: 'pii.custom[0]': context words are at most 64 chars long");
  }

  @Test
  void badActionsAreListed() {
    String yaml = """
        version: 1
        pii:
          prompts: scramble
          completions: pseudonymize
        """;
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:3:12: 'pii.prompts' must be one of: off, detect, redact, pseudonymize, block (got 'scramble')",
        "p.yaml:4:16: 'pii.completions' must be one of: off, detect, redact (got 'pseudonymize')");
  }

  @Test
  void scopeOverridesAreValidatedWithTheirOwnPath() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - id: a
              fingerprint: "%s"
              pii: {prompts: maybe, allow: []}
        """.formatted(FP);
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:6:22: 'keys.scopes[0].pii.prompts' must be one of: off, detect, redact, pseudonymize, block (got 'maybe')",
        "p.yaml:6:36: 'keys.scopes[0].pii.allow' must not be empty; omit it when nothing is allowed");
  }
}
