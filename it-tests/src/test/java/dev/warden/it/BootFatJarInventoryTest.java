package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import dev.warden.demo.FakeLlmServer;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TempDirs;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The runtime inventory of an application packaged as a Spring Boot fat jar: the SDK's classes load
 * from jars nested in {@code BOOT-INF/lib} ({@code jar:nested:} URLs of Boot's own loader), and
 * their versions are read from those nested jars, then refused by {@code inventory.deny} as on a
 * plain class path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootFatJarInventoryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPENAI_VERSION = OpenAIClient.class.getPackage().getImplementationVersion();

  private FakeLlmServer provider;
  private Path dir;
  private Path audit;
  private PolicyFile policy;
  private ForkedJvm app;

  @RegisterExtension
  final TranscriptOnFailure transcript = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    provider = FakeLlmServer.start();
    dir = Files.createTempDirectory("warden-it-");
    audit = dir.resolve("audit.jsonl");
    policy = new PolicyFile(dir.resolve("policy.yaml"));
    policy.write(TestPolicy.yaml(provider.port()) + "audit:\n  sink: file:" + audit + "\n");
    app = ForkedJvm.start(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(), List.of(),
        List.of("-jar", ItSettings.bootAppJar().toString(), provider.openAiBaseUrl(), TestPolicy.OPENAI_KEY));
    app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  @AfterAll
  void stop() throws IOException {
    app.close();
    provider.close();
    TempDirs.delete(dir);
  }

  @Test
  void theNestedJarsVersionsAreRecordedAndDenied() throws IOException {
    assertThat(app.send("chat gpt-4o-mini hello")).isEqualTo("echo: hello");
    // each library's record is written when that library is first seen, not all at once: wait
    // for the three (a failure is the timeout, with what was found)
    Set<String> libraries = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      Set<String> found = detected();
      while (!hasTheSdkAndItsClient(found)) {
        Thread.sleep(50);
        found = detected();
      }
      return found;
    }, () -> "library_detected records: " + detectedOrError());
    assertThat(libraries).contains("com.openai:openai-java-core:" + OPENAI_VERSION,
        "com.openai:openai-java-client-okhttp:" + OPENAI_VERSION)
        .anyMatch(library -> library.startsWith("com.squareup.okhttp3:okhttp:"));

    int mark = app.stderrMark();
    policy.write(TestPolicy.yaml(provider.port()) + "audit:\n  sink: file:" + audit + "\n"
        + "inventory:\n  deny: [\"com.openai:openai-java:<=" + OPENAI_VERSION + "\"]\n");
    app.awaitStderr(SdkScenarioTest.RELOADED, mark, SdkScenarioTest.RELOAD_TIMEOUT);
    provider.clearRequests();
    ErrorAnswer refused = ErrorAnswer.parse(app.send("chat gpt-4o-mini hello"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.code()).isEqualTo("library_not_allowed");
    assertThat(provider.requests()).isEmpty();
  }

  private static boolean hasTheSdkAndItsClient(Set<String> found) {
    return found.contains("com.openai:openai-java-core:" + OPENAI_VERSION)
        && found.contains("com.openai:openai-java-client-okhttp:" + OPENAI_VERSION)
        && found.stream().anyMatch(library -> library.startsWith("com.squareup.okhttp3:okhttp:"));
  }

  private String detectedOrError() {
    try {
      return detected().toString();
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** {@code library:version} of every library_detected record. */
  private Set<String> detected() throws IOException {
    Set<String> found = new HashSet<>();
    for (String line : Files.readAllLines(audit)) {
      JsonNode record = JSON.readTree(line);
      if (record.path("event").asText().equals("library_detected")) {
        found.add(record.path("library").asText() + ":" + record.path("version").asText());
      }
    }
    return found;
  }
}
