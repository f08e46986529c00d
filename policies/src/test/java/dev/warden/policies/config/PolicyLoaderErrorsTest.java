package dev.warden.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every error names the file, the exact line and column, and what is wrong. */
class PolicyLoaderErrorsTest {

  static final String FP_A = "sha256:" + "a".repeat(64);
  static final String FP_B = "sha256:" + "b".repeat(64);

  static List<String> errors(String yaml) {
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.parse(yaml, "p.yaml"));
    assertThat(e).as("expected the policy to be rejected").isNotNull();
    return e.errors().stream().map(PolicyError::toString).toList();
  }

  @Test
  void yamlSyntaxErrorIsReportedAtTheParsersProblemMark() {
    assertThat(errors("version: 1\nmode: [enforce\n")).containsExactly(
        "p.yaml:3:1: invalid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence at 2:7)");
  }

  @Test
  void mappingValueInsidePlainScalarIsASyntaxError() {
    assertThat(errors("version: 1\na: b: c\n")).containsExactly("p.yaml:2:5: invalid YAML: mapping values are not allowed here");
  }

  @Test
  void tabIndentationIsASyntaxErrorWithoutQuotingTheLine() {
    List<String> errors = errors("version: 1\nkeys:\n\tdefault: deny\n");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("p.yaml:3:1: invalid YAML: ").doesNotContain("default: deny").doesNotContain("\n");
  }

  @Test
  void versionOfTheWrongTypeIsReportedAtItsValue() {
    assertThat(errors("version: \"1\"\n")).containsExactly("p.yaml:1:10: 'version' must be an integer");
    assertThat(errors("version: 1.0\n")).containsExactly("p.yaml:1:10: 'version' must be an integer");
  }

  @Test
  void versionOtherThanOneIsRejected() {
    assertThat(errors("version: 2\n")).containsExactly("p.yaml:1:10: 'version' must be 1 (got 2)");
  }

  @Test
  void missingVersionIsReportedAtTheStartOfTheRootMapping() {
    assertThat(errors("mode: monitor\n")).containsExactly("p.yaml:1:1: 'version' is required");
    assertThat(errors("# comment\n\nmode: monitor\n")).containsExactly("p.yaml:3:1: 'version' is required");
  }

  @Test
  void emptyFileAndCommentOnlyFileNeedAVersion() {
    assertThat(errors("")).containsExactly("p.yaml:1:1: empty policy file: 'version' is required");
    assertThat(errors("# nothing here\n")).containsExactly("p.yaml:1:1: empty policy file: 'version' is required");
    assertThat(errors("---\n...\n")).containsExactly("p.yaml:1:1: empty policy file: 'version' is required");
  }

  @Test
  void rootThatIsNotAMappingIsRejected() {
    assertThat(errors("- version: 1\n")).containsExactly("p.yaml:1:1: a policy file must be a mapping that starts with 'version: 1'");
  }

  @Test
  void unknownTopLevelKeyIsReportedAtTheKey() {
    assertThat(errors("version: 1\nfoo: bar\n")).containsExactly("p.yaml:2:1: unknown key 'foo' at the top level");
  }

  @Test
  void unknownNestedKeyIsReportedAtTheKeyWithItsPath() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - id: a
              fingerprint: "%s"
              foo: 1
        """.formatted(FP_A);
    assertThat(errors(yaml)).containsExactly("p.yaml:6:7: unknown key 'foo' in keys.scopes[0]");
  }

  @Test
  void unknownKeysInKeysAndPiiSections() {
    String yaml = """
        version: 1
        keys:
          defualt: deny
        pii:
          propmts: redact
        """;
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:3:3: unknown key 'defualt' in keys",
        "p.yaml:5:3: unknown key 'propmts' in pii");
  }

  @Test
  void badEnumValuesListTheAllowedOnes() {
    String yaml = """
        version: 1
        mode: enforcing
        onError: ignore
        keys:
          default: maybe
        pii:
          prompts: mask
        """;
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:2:7: 'mode' must be one of: enforce, monitor (got 'enforcing')",
        "p.yaml:3:10: 'onError' must be one of: block, allow (got 'ignore')",
        "p.yaml:5:12: 'keys.default' must be one of: deny, allow (got 'maybe')",
        "p.yaml:7:12: 'pii.prompts' must be one of: off, detect, redact, pseudonymize, block (got 'mask')");
  }

  @Test
  void enumOfTheWrongTypeSaysWhatItGot() {
    assertThat(errors("version: 1\nmode: [enforce]\nonError: 1\npii: {prompts: yes}\n")).containsExactly(
        "p.yaml:2:7: 'mode' must be one of: enforce, monitor (got a list)",
        "p.yaml:3:10: 'onError' must be one of: block, allow (got an integer)",
        "p.yaml:4:16: 'pii.prompts' must be one of: off, detect, redact, pseudonymize, block (got 'yes')");
  }

  @Test
  void duplicateScopeIdIsReportedAtTheSecondId() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - id: bot
              fingerprint: "%s"
            - id: bot
              fingerprint: "%s"
        """.formatted(FP_A, FP_B);
    assertThat(errors(yaml)).containsExactly("p.yaml:6:11: duplicate key scope id 'bot' (first at 4:11)");
  }

  @Test
  void badFingerprintsAreRejectedWithoutQuotingThem() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - id: upper
              fingerprint: "sha256:%s"
            - id: short
              fingerprint: "sha256:abc"
            - id: prefix
              fingerprint: "%s"
            - id: raw-key
              fingerprint: sk-proj-SECRETSECRET
            - id: number
              fingerprint: 12
        """.formatted("A".repeat(64), "a".repeat(64));
    List<String> errors = errors(yaml);
    String rule = "' must be \"sha256:\" followed by 64 lowercase hex digits";
    assertThat(errors).containsExactly(
        "p.yaml:5:20: 'keys.scopes[0].fingerprint" + rule,
        "p.yaml:7:20: 'keys.scopes[1].fingerprint" + rule,
        "p.yaml:9:20: 'keys.scopes[2].fingerprint" + rule,
        "p.yaml:11:20: 'keys.scopes[3].fingerprint" + rule,
        "p.yaml:13:20: 'keys.scopes[4].fingerprint' must be a string");
    assertThat(String.join("\n", errors)).doesNotContain("SECRET").doesNotContain("AAAA");
  }

  @Test
  void sameFingerprintInTwoScopesIsRejected() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - {id: a, fingerprint: "%s"}
            - {id: b, fingerprint: "%s"}
        """.formatted(FP_A, FP_A);
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:5:28: 'keys.scopes[1].fingerprint' is already used by scope 'a'; a key can match only one scope");
  }

  @Test
  void scopeWithoutIdOrFingerprintIsReportedAtTheScope() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - models: [gpt-4o]
        """;
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:4:7: 'keys.scopes[0].id' is required",
        "p.yaml:4:7: 'keys.scopes[0]' needs a 'fingerprint' (a real key the application holds) or a 'virtualKey' with its 'secret'");
  }

  @Test
  void cacheAndTelemetrySectionsAreChecked() {
    String yaml = """
        version: 1
        cache:
          enabled: true
          ttl: forever
          maxBytes: 10KB
          keyring: env:WARDEN_TEST_UNSET_VARIABLE
          store: redis://user:secret@127.0.0.1:6379
        telemetry:
          content: full
          exporter: otlp
        """;
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:4:8: 'cache.ttl' must be a duration such as 30s, 10m, 2h or 1d",
        "p.yaml:5:13: 'cache.maxBytes' must be at least 1MB, as bytes or with KB, MB or GB (e.g. 64MB)",
        "p.yaml:6:12: 'cache.keyring': environment variable WARDEN_TEST_UNSET_VARIABLE is not set or empty",
        "p.yaml:7:10: 'cache.store' must be redis://host:port or redis://host:port/db",
        "p.yaml:9:12: 'telemetry.content' must be one of: none, redacted (got 'full')",
        "p.yaml:10:3: unknown key 'exporter' in telemetry");
  }

  @Test
  void auditSinkKeyAndRotationAreChecked() throws PolicyException {
    assertThat(PolicyLoader.parse("version: 1\naudit: {sink: otlp}\n", "p.yaml").audit().otlp()).isTrue();
    assertThat(errors("version: 1\naudit: {sink: file:logs/audit.jsonl}\n")).containsExactly(
        "p.yaml:2:15: 'audit.sink' must be file:/absolute/path, stdout or otlp");
    assertThat(errors("version: 1\naudit: {key: env:WARDEN_TEST_UNSET_VARIABLE, rotateBytes: 1KB, required: maybe, to: x}\n"))
        .containsExactly(
            "p.yaml:2:8: 'audit.sink' is required: file:/path/to/audit.jsonl, stdout or otlp",
            "p.yaml:2:81: unknown key 'to' in audit");
    assertThat(errors("version: 1\naudit: {sink: stdout, key: env:WARDEN_TEST_UNSET_VARIABLE, rotateBytes: 1KB, required: maybe}\n"))
        .containsExactly(
            "p.yaml:2:28: 'audit.key': environment variable WARDEN_TEST_UNSET_VARIABLE is not set or empty",
            "p.yaml:2:73: 'audit.rotateBytes' must be at least 64KB, as bytes or with KB, MB or GB (e.g. 10MB)",
            "p.yaml:2:88: 'audit.required' must be true or false (got a string)");
  }

  @Test
  void identitySourcesAndRolesAreChecked() {
    String yaml = """
        version: 1
        identity:
          sources: [mdc:user, "ldap:uid", "thread-name:(", spring-security:x, 7]
          roles:
            alice: support
            bob: [ops, 3]
          realm: corp
        """;
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:3:23: 'identity.sources[1]': unknown identity source 'ldap'; use one of: otel-baggage:KEY, mdc:KEY, spring-security, system-property:NAME, env:NAME, thread-name:REGEX",
        "p.yaml:3:35: 'identity.sources[2]': thread-name: invalid regex: missing closing )",
        "p.yaml:3:52: 'identity.sources[3]': spring-security takes no argument; write it alone",
        "p.yaml:3:71: 'identity.sources[4]' must be a string",
        "p.yaml:5:12: 'identity.roles.alice' must be a list",
        "p.yaml:6:16: 'identity.roles.bob[1]' must be a string",
        "p.yaml:7:3: unknown key 'realm' in identity");
  }

  @Test
  void blockedPrincipalsAreANonEmptyListOfNames() {
    String sources = "version: 1\nidentity:\n  sources: [mdc:user]\n";
    assertThat(errors(sources + "  blocked: []\n"))
        .containsExactly("p.yaml:4:12: 'identity.blocked' must not be empty; omit it when no caller is blocked");
    assertThat(errors(sources + "  blocked: [alice, \" \"]\n"))
        .containsExactly("p.yaml:4:20: 'identity.blocked[1]' must not be blank");
    assertThat(errors("version: 1\nidentity:\n  blocked: [alice]\n"))
        .containsExactly("p.yaml:3:12: 'identity.blocked' needs 'identity.sources': without them no caller has a name");
  }

  @Test
  void disabledIsTrueOrFalse() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - id: a
              fingerprint: "%s"
              disabled: yes please
        """.formatted(FP_A);
    assertThat(errors(yaml)).containsExactly("p.yaml:6:17: 'keys.scopes[0].disabled' must be true or false (got a string)");
  }

  @Test
  void scopeKeysAreCheckedWithoutQuotingKeysOrSecrets() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - id: a
              virtualKey: wdn_x
              secret: env:WARDEN_TEST_UNSET_VARIABLE
              roles: support
              maxOutputTokens: 0
              onMaxOutputTokens: shrink
              limits: {requestsPerMinute: 0, burst: 5, perPrincipal: yes please}
              expires: next tuesday
            - id: b
              secret: file:relative/key
            - id: c
              virtualKey: wdn_c_12345678
            - id: d
              fingerprint: "%s"
              virtualKey: wdn_d_12345678
              secret: file:/nonexistent/warden/key
        """.formatted(FP_A);
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:5:19: 'keys.scopes[0].virtualKey' must be at least 8 printable ASCII characters without spaces",
        "p.yaml:6:15: 'keys.scopes[0].secret': environment variable WARDEN_TEST_UNSET_VARIABLE is not set or empty",
        "p.yaml:7:14: 'keys.scopes[0].roles' must be a list",
        "p.yaml:8:24: 'keys.scopes[0].maxOutputTokens' must be a whole number from 1 to 2147483647 (got 0)",
        "p.yaml:9:26: 'keys.scopes[0].onMaxOutputTokens' must be one of: block, clamp (got 'shrink')",
        "p.yaml:10:35: 'keys.scopes[0].limits.requestsPerMinute' must be a whole number from 1 to 2147483647 (got 0)",
        "p.yaml:10:38: unknown key 'burst' in keys.scopes[0].limits",
        "p.yaml:10:62: 'keys.scopes[0].limits.perPrincipal' must be true or false (got a string)",
        "p.yaml:11:16: 'keys.scopes[0].expires' must be a date (2027-03-01, from the start of that day, UTC) or an instant (2027-03-01T12:00:00Z)",
        "p.yaml:12:7: 'keys.scopes[1]' needs a 'fingerprint' (a real key the application holds) or a 'virtualKey' with its 'secret'",
        "p.yaml:13:15: 'keys.scopes[1].secret': a file secret needs an absolute path: file:/path/to/key",
        "p.yaml:15:19: 'keys.scopes[2].virtualKey' needs 'secret': where the real key is read (env:NAME or file:/path)",
        "p.yaml:19:15: 'keys.scopes[3].secret': secret file /nonexistent/warden/key cannot be read (NoSuchFileException)");
  }

  @Test
  void modelGlobsMustBeNonEmptyAndWellFormed() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - id: a
              fingerprint: "%s"
              models: ["", "gpt 4", "gpt-[45]", 4, "gpt-4*"]
        """.formatted(FP_A);
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:6:16: 'keys.scopes[0].models[0]' must not be empty",
        "p.yaml:6:20: 'keys.scopes[0].models[1]' must not contain whitespace or control characters",
        "p.yaml:6:29: 'keys.scopes[0].models[2]' may use only '*' and '?' as wildcards",
        "p.yaml:6:41: 'keys.scopes[0].models[3]' must be a string");
  }

  @Test
  void emptyListsAreRejectedWithAHint() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - id: a
              fingerprint: "%s"
              models: []
              providers: []
              operations: []
        """.formatted(FP_A);
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:6:15: 'keys.scopes[0].models' must not be empty; omit it to allow any model",
        "p.yaml:7:18: 'keys.scopes[0].providers' must not be empty; omit it to allow any provider",
        "p.yaml:8:19: 'keys.scopes[0].operations' must not be empty; omit it to allow any operation");
  }

  @Test
  void operationsAndProvidersMustBeKnown() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - id: a
              fingerprint: "%s"
              providers: [openai, vertex]
              operations: [chat, completions]
        """.formatted(FP_A);
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:6:27: unknown provider 'vertex' in keys.scopes[0].providers; known: openai, anthropic, gemini, azure.ai.openai, bedrock",
        "p.yaml:7:26: 'keys.scopes[0].operations[1]' must be one of: chat, embeddings (got 'completions')");
  }

  @Test
  void providerFormatMustBeKnownAndBaseUrlWellFormed() {
    String yaml = """
        version: 1
        providers:
          - format: vertex
            baseUrl: https://us-central1-aiplatform.googleapis.com
          - format: openai
            baseUrl: ftp://127.0.0.1/v1
          - format: openai
            baseUrl: "http://user:hunter2@127.0.0.1/v1"
          - format: openai
            baseUrl: "http://127.0.0.1/v1?x=1"
          - format: openai
            baseUrl: "http://127.0.0.1:99999/v1"
          - format: openai
            baseUrl: "not a url"
          - format: openai
          - baseUrl: http://127.0.0.1
        """;
    List<String> errors = errors(yaml);
    assertThat(errors).containsExactly(
        "p.yaml:3:13: 'providers[0].format' must be one of: openai, anthropic, gemini, azure-openai, bedrock (got 'vertex')",
        "p.yaml:6:14: 'providers[1].baseUrl' must start with http:// or https://",
        "p.yaml:8:14: 'providers[2].baseUrl' must not contain credentials",
        "p.yaml:10:14: 'providers[3].baseUrl' must not have a query or a fragment",
        "p.yaml:12:14: 'providers[4].baseUrl' has a port outside 1-65535",
        "p.yaml:14:14: 'providers[5].baseUrl' is not a valid URL",
        "p.yaml:15:5: 'providers[6].baseUrl' is required",
        "p.yaml:16:5: 'providers[7].format' is required");
    assertThat(String.join("\n", errors)).doesNotContain("hunter2");
  }

  @Test
  void providerNameOfABuiltInMustKeepItsFormat() {
    String yaml = """
        version: 1
        providers:
          - name: openai
            format: anthropic
            baseUrl: http://127.0.0.1:9000
        """;
    assertThat(errors(yaml)).containsExactly("p.yaml:3:11: 'providers[0].name' 'openai' is a built-in provider with format openai");
  }

  @Test
  void repeatedEndpointIsRejected() {
    String yaml = """
        version: 1
        providers:
          - {format: openai, baseUrl: "http://127.0.0.1:8080/v1"}
          - {name: other, format: openai, baseUrl: "HTTP://127.0.0.1:8080/v1/"}
        """;
    assertThat(errors(yaml)).containsExactly("p.yaml:4:44: 'providers[1].baseUrl' repeats the endpoint of providers[0]");
  }

  @Test
  void wrongContainerTypesAreReported() {
    String yaml = """
        version: 1
        providers: openai
        keys:
          scopes:
            - just-a-string
        pii: redact
        """;
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:2:12: 'providers' must be a list",
        "p.yaml:5:7: 'keys.scopes[0]' must be a mapping",
        "p.yaml:6:6: 'pii' must be a mapping");
  }

  @Test
  void duplicateKeyIsReportedAtItsSecondOccurrence() {
    assertThat(errors("version: 1\nmode: monitor\nmode: enforce\n")).containsExactly("p.yaml:3:1: duplicate key 'mode' (first at 2:1)");
  }

  @Test
  void allErrorsAreCollectedInFileOrder() {
    String yaml = """
        foo: 1
        mode: loud
        cache: {enabled: true}
        keys:
          scopes:
            - id: a
              fingerprint: nope
        """;
    assertThat(errors(yaml)).containsExactly(
        "p.yaml:1:1: 'version' is required",
        "p.yaml:1:1: unknown key 'foo' at the top level",
        "p.yaml:2:7: 'mode' must be one of: enforce, monitor (got 'loud')",
        "p.yaml:3:8: 'cache.keyring' is required when the cache is enabled: entries are always encrypted",
        "p.yaml:7:20: 'keys.scopes[0].fingerprint' must be \"sha256:\" followed by 64 lowercase hex digits");
  }

  @Test
  void aliasesAreRefused() {
    String yaml = """
        version: 1
        keys:
          scopes:
            - &s {id: a, fingerprint: "%s"}
            - *s
        """.formatted(FP_A);
    assertThat(errors(yaml)).containsExactly("p.yaml:5:7: YAML aliases ('*name') are not supported in policy files");
  }

  @Test
  void aSecondDocumentIsRefused() {
    assertThat(errors("version: 1\n---\nversion: 1\n")).containsExactly("p.yaml:3:1: a policy file must hold exactly one YAML document");
  }

  @Test
  void fileLargerThanOneMebibyteIsRefusedAtOneOne() {
    String yaml = "version: 1\n" + "#".repeat(PolicyLoader.MAX_BYTES) + "\n";
    assertThat(errors(yaml)).containsExactly("p.yaml:1:1: policy file is larger than 1 MiB");
  }

  @Test
  void exceptionMessageJoinsErrorsByLine() {
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.parse("foo: 1\n", "x.yaml"));
    assertThat(e.getMessage()).isEqualTo("x.yaml:1:1: 'version' is required\nx.yaml:1:1: unknown key 'foo' at the top level");
  }
}
