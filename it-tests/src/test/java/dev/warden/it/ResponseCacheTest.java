package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.demo.FakeLlmServer;
import dev.warden.it.drivers.LangChain4jDriver;
import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The encrypted response cache with real SDKs: the second identical call never reaches the fake
 * provider and gets the same text, its pseudonyms restored as on a miss, sync and streamed (the
 * stream replayed in the provider's event format), through openai-java (OkHttp) and LangChain4j
 * (JDK HttpClient); two key scopes with identical requests never share an
 * entry; the audit trail records the hit as {@code cache_hit}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseCacheTest {

  private static final String KEY_B = "sk-it-openai-cache-b-00000002";
  private static final String EMAIL = "jane.doe@example.com";

  private FakeLlmServer provider;
  private Path dir;
  private ForkedJvm openAi;
  private ForkedJvm langChain;
  private ForkedJvm otherKey;

  @RegisterExtension
  final TranscriptOnFailure openAiTranscript = new TranscriptOnFailure(() -> openAi);

  @RegisterExtension
  final TranscriptOnFailure langChainTranscript = new TranscriptOnFailure(() -> langChain);

  @RegisterExtension
  final TranscriptOnFailure otherTranscript = new TranscriptOnFailure(() -> otherKey);

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.writeString(dir.resolve("cache.keys"), Base64.getEncoder().encodeToString(key));
    PolicyFile policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write("""
        version: 1
        providers:
          - {name: openai, format: openai, baseUrl: "http://127.0.0.1:%d/v1"}
        keys:
          scopes:
            - {id: team-a, fingerprint: "%s"}
            - {id: team-b, fingerprint: "%s"}
        pii:
          prompts: pseudonymize
        cache:
          enabled: true
          ttl: 10m
          maxBytes: 16MB
          keyring: file:%s
          when: always
        audit:
          sink: file:%s
        """.formatted(provider.port(), TestPolicy.fingerprint(TestPolicy.OPENAI_KEY), TestPolicy.fingerprint(KEY_B),
        dir.resolve("cache.keys"), dir.resolve("audit.jsonl")));
    openAi = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    langChain = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        LangChain4jDriver.class, provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY);
    otherKey = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        OpenAiJavaDriver.class, provider.openAiBaseUrl(), KEY_B);
    for (ForkedJvm app : List.of(openAi, langChain, otherKey)) {
      app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    }
  }

  @AfterAll
  void stop() throws IOException {
    for (ForkedJvm app : List.of(openAi, langChain, otherKey)) {
      app.close();
    }
    provider.close();
    for (String name : List.of("policy.yaml", "cache.keys", "audit.jsonl")) {
      Files.deleteIfExists(dir.resolve(name));
    }
    Files.deleteIfExists(dir);
  }

  @BeforeEach
  void forget() {
    provider.clearRequests();
  }

  @Test
  void theSecondIdenticalCallIsAnsweredFromTheCacheWithItsPseudonymsRestored() {
    String prompt = "chat gpt-4o-mini Please forward the invoice to " + EMAIL;
    String first = openAi.send(prompt);
    assertThat(first).isEqualTo("echo: Please forward the invoice to " + EMAIL);
    assertThat(provider.requests()).hasSize(1);
    assertThat(openAi.send(prompt)).isEqualTo(first);
    assertThat(openAi.send(prompt)).isEqualTo(first);
    assertThat(provider.requests()).as("the second and third never left the application").hasSize(1);
  }

  @Test
  void theJdkClientGetsCacheHitsToo() {
    String prompt = "chat gpt-4o-mini What are the opening hours on Saturday?";
    String first = langChain.send(prompt);
    assertThat(first).isEqualTo("echo: What are the opening hours on Saturday?");
    assertThat(langChain.send(prompt)).isEqualTo(first);
    assertThat(provider.requests()).hasSize(1);
  }

  @Test
  void anotherKeyScopeNeverSharesAnEntry() {
    String prompt = "chat gpt-4o-mini Which team owns the billing service?";
    openAi.send(prompt);
    assertThat(otherKey.send(prompt)).isEqualTo("echo: Which team owns the billing service?");
    assertThat(provider.requests()).as("team-b's identical call went to the provider").hasSize(2);
    otherKey.send(prompt);
    assertThat(provider.requests()).as("and then hit its own entry").hasSize(2);
  }

  @Test
  void aStreamIsReplayedFromTheCacheInTheProvidersEventFormat() {
    String prompt = "stream gpt-4o-mini Count the planets of the solar system, and mail " + EMAIL;
    String first = openAi.send(prompt);
    assertThat(first).isEqualTo("echo: Count the planets of the solar system, and mail " + EMAIL);
    assertThat(openAi.send(prompt)).isEqualTo(first);
    String lcPrompt = "stream gpt-4o-mini List three rivers of Europe.";
    String lcFirst = langChain.send(lcPrompt);
    assertThat(lcFirst).isEqualTo("echo: List three rivers of Europe.");
    assertThat(langChain.send(lcPrompt)).isEqualTo(lcFirst);
    assertThat(provider.requests()).as("each stream reached the provider once").hasSize(2);
  }

  @Test
  void aHitIsAuditedAsCacheHit() throws IOException {
    String prompt = "chat gpt-4o-mini Summarise the refund policy.";
    openAi.send(prompt);
    openAi.send(prompt);
    List<String> decisions = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(dir.resolve("audit.jsonl"))) {
      JsonNode record = json.readTree(line);
      if (record.has("decision")) {
        decisions.add(record.get("decision").asText());
      }
    }
    assertThat(decisions).contains("cache_hit");
    assertThat(Files.readString(dir.resolve("audit.jsonl"))).doesNotContain("refund policy");
  }
}
