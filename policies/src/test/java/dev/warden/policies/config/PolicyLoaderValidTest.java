package dev.warden.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.policies.engine.PolicySnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderValidTest {

  static final String FULL = """
      # Warden policy, every supported key
      version: 1
      mode: monitor
      onError: allow
      providers:
        - name: local-openai
          format: openai
          baseUrl: http://127.0.0.1:18080/v1
        - format: anthropic
          baseUrl: "HTTPS://Claude.Proxy.Internal/"
        - name: ipv6
          format: openai
          baseUrl: "http://[::1]:9000/openai/v1//"
      keys:
        default: allow
        scopes:
          - id: support-bot
            fingerprint: "sha256:%s"
            providers: [openai, local-openai]
            models: [gpt-4o-mini, "gpt-4.1*"]
            operations: [chat, embeddings]
          - id: batch
            fingerprint: "sha256:%s"
      pii:
        prompts: redact
        entities: [EMAIL]
      """.formatted("0123456789abcdef".repeat(4), "f".repeat(64));

  @Test
  void fullExampleParsesWithEveryValue() throws Exception {
    PolicySnapshot snapshot = PolicyLoader.parse(FULL, "full.yaml");

    assertThat(snapshot.fileName()).isEqualTo("full.yaml");
    assertThat(snapshot.monitor()).isTrue();
    assertThat(snapshot.failClosed()).isFalse();
    assertThat(snapshot.providers()).containsExactly(
        new ProviderEndpoint("local-openai", "openai", "http", "127.0.0.1", 18080, "/v1"),
        new ProviderEndpoint("anthropic", "anthropic", "https", "claude.proxy.internal", 443, ""),
        new ProviderEndpoint("ipv6", "openai", "http", "::1", 9000, "/openai/v1"),
        new ProviderEndpoint("openai", "openai", "https", "api.openai.com", 443, "/v1"),
        new ProviderEndpoint("anthropic", "anthropic", "https", "api.anthropic.com", 443, ""),
        new ProviderEndpoint("gemini", "gemini", "https", "generativelanguage.googleapis.com", 443, ""),
        new ProviderEndpoint("azure.ai.openai", "azure-openai", "https", "*.openai.azure.com", 443, ""),
        new ProviderEndpoint("azure.ai.openai", "azure-openai", "https", "*.cognitiveservices.azure.com", 443, ""),

        new ProviderEndpoint("bedrock", "bedrock", "https", "bedrock-runtime.*.amazonaws.com", 443, ""),
        new ProviderEndpoint("bedrock", "bedrock", "https", "bedrock-runtime-fips.*.amazonaws.com", 443, ""));
  }

  @Test
  void minimalPolicyHasTheDocumentedDefaults() throws Exception {
    PolicySnapshot snapshot = PolicyLoader.parse("version: 1\n", "min.yaml");

    assertThat(snapshot.monitor()).isFalse();
    assertThat(snapshot.failClosed()).isTrue();
    assertThat(snapshot.providers()).containsExactly(
        new ProviderEndpoint("openai", "openai", "https", "api.openai.com", 443, "/v1"),
        new ProviderEndpoint("anthropic", "anthropic", "https", "api.anthropic.com", 443, ""),
        new ProviderEndpoint("gemini", "gemini", "https", "generativelanguage.googleapis.com", 443, ""),
        new ProviderEndpoint("azure.ai.openai", "azure-openai", "https", "*.openai.azure.com", 443, ""),
        new ProviderEndpoint("azure.ai.openai", "azure-openai", "https", "*.cognitiveservices.azure.com", 443, ""),

        new ProviderEndpoint("bedrock", "bedrock", "https", "bedrock-runtime.*.amazonaws.com", 443, ""),
        new ProviderEndpoint("bedrock", "bedrock", "https", "bedrock-runtime-fips.*.amazonaws.com", 443, ""));
  }

  @Test
  void explicitDefaultsAndHttpDefaultPortAreAccepted() throws Exception {
    PolicySnapshot snapshot = PolicyLoader.parse("""
        version: 1
        mode: enforce
        onError: block
        providers:
          - {format: openai, baseUrl: "http://llm.local"}
        pii: {prompts: off}
        """, "p.yaml");
    assertThat(snapshot.monitor()).isFalse();
    assertThat(snapshot.failClosed()).isTrue();
    assertThat(snapshot.providers().get(0)).isEqualTo(new ProviderEndpoint("openai", "openai", "http", "llm.local", 80, ""));
  }

  @Test
  void geminiFormatTakesItsNameAndAnyBaseUrl() throws Exception {
    PolicySnapshot snapshot = PolicyLoader.parse("""
        version: 1
        providers:
          - {format: gemini, baseUrl: "http://127.0.0.1:9000"}
          - {name: gemini-gateway, format: gemini, baseUrl: "https://llm.internal/google/v1beta/"}
        """, "p.yaml");
    assertThat(snapshot.providers()).startsWith(
        new ProviderEndpoint("gemini", "gemini", "http", "127.0.0.1", 9000, ""),
        new ProviderEndpoint("gemini-gateway", "gemini", "https", "llm.internal", 443, "/google/v1beta"));
  }

  @Test
  void hashIsSha256OfTheUtf8Bytes() throws Exception {
    String yaml = "version: 1 # café\n";
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8));

    PolicySnapshot snapshot = PolicyLoader.parse(yaml, "p.yaml");

    assertThat(snapshot.hash()).isEqualTo("sha256:" + HexFormat.of().formatHex(digest)).hasSize(7 + 64);
    assertThat(PolicyLoader.parse("version: 1\n", "a.yaml").hash())
        .isEqualTo("sha256:09bfcc6a14b83e2192b8673677725c84883ee9cd0c70e45c9ec09daa8f2b2847")
        .isEqualTo(PolicyLoader.parse("version: 1\n", "b.yaml").hash());
  }

  @Test
  void loadReadsTheFileAndHashesItsBytes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    byte[] bytes = "\uFEFFversion: 1\nmode: monitor\n".getBytes(StandardCharsets.UTF_8);
    Files.write(file, bytes);

    PolicySnapshot snapshot = PolicyLoader.load(file);

    assertThat(snapshot.monitor()).isTrue();
    assertThat(snapshot.fileName()).isEqualTo(file.toString());
    assertThat(snapshot.hash()).isEqualTo("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
  }

  @Test
  void loadReportsErrorsWithTheFilePath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "version: 1\nmode: loud\n");

    PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.load(file));

    assertThat(e.errors()).containsExactly(new PolicyError(file.toString(), 2, 7, "'mode' must be one of: enforce, monitor (got 'loud')"));
  }

  @Test
  void loadRefusesInvalidUtf8AtTheFirstBadByte(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'v', 'e', 'r', 's', 'i', 'o', 'n', ':', ' ', '1', '\n', '#', (byte) 0xE9, '\n'});

    PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.load(file));

    assertThat(e.errors()).containsExactly(new PolicyError(file.toString(), 2, 2, "policy file is not valid UTF-8 (byte 0xe9)"));
  }

  @Test
  void loadRefusesAFileOverOneMebibyteWithoutParsingIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("huge.yaml");
    Files.write(file, new byte[PolicyLoader.MAX_BYTES + 1]);

    PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.load(file));

    assertThat(e.errors()).containsExactly(new PolicyError(file.toString(), 1, 1, "policy file is larger than 1 MiB"));
  }

  @Test
  void exactlyOneMebibyteIsStillAccepted() throws Exception {
    String head = "version: 1\n#";
    String yaml = head + "x".repeat(PolicyLoader.MAX_BYTES - head.length() - 1) + "\n";
    assertThat(yaml.getBytes(StandardCharsets.UTF_8)).hasSize(PolicyLoader.MAX_BYTES);

    assertThat(PolicyLoader.parse(yaml, "p.yaml").failClosed()).isTrue();
  }

  @Test
  void loadFailsWithIoExceptionForAMissingFile(@TempDir Path dir) {
    Throwable t = catchThrowableOfType(IOException.class, () -> PolicyLoader.load(dir.resolve("missing.yaml")));
    assertThat(t).isNotNull();
  }
}
