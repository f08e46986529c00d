package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.LeakHunt;
import dev.warden.it.harness.PlantedSecrets;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TestPolicy;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * openai-java against a provider that answers badly (a stream cut mid-event, a 17 MB event,
 * invalid JSON, invalid UTF-8), with Warden rewriting completions under {@code onError: block} and
 * {@code onError: allow}, next to the same application without the agent. A response Warden
 * cannot read is the provider's, not a Warden failure: in both modes it reaches the application
 * exactly as without Warden, and the SDK fails or succeeds on it as it would anyway. A request
 * body Warden cannot read follows onError. The application survives every case, no Warden line
 * carries body content, and planted keys and personal data appear in no output or file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileProviderTest {

  private HostileProvider provider;
  private Path dir;
  private ForkedJvm blocking;
  private ForkedJvm allowing;
  private ForkedJvm plain;

  @RegisterExtension
  final TranscriptOnFailure blockingTranscript = new TranscriptOnFailure(() -> blocking);
  @RegisterExtension
  final TranscriptOnFailure allowingTranscript = new TranscriptOnFailure(() -> allowing);

  @BeforeAll
  void start() throws IOException {
    provider = new HostileProvider();
    dir = Files.createTempDirectory("warden-it-");
    blocking = app("block");
    allowing = app("allow");
    plain = ForkedJvm.startDriver(ItSettings.currentJavaHome(), null, null, List.of("-Ddriver.maxRetries=0"),
        OpenAiJavaDriver.class, provider.baseUrl(), TestPolicy.OPENAI_KEY);
    blocking.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    allowing.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
  }

  private ForkedJvm app(String onError) throws IOException {
    PolicyFile policy = new PolicyFile(dir.resolve(onError + ".yaml"));
    // completions: redact puts every response through the rewrite
    policy.write("""
        version: 1
        onError: %s
        providers:
          - {name: openai, format: openai, baseUrl: "%s"}
        keys:
          default: allow
        pii:
          prompts: pseudonymize
          completions: redact
        """.formatted(onError, provider.baseUrl()));
    return ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(),
        List.of("-Ddriver.maxRetries=0"), OpenAiJavaDriver.class, provider.baseUrl(), TestPolicy.OPENAI_KEY);
  }

  @AfterAll
  void stop() throws IOException {
    for (ForkedJvm app : new ForkedJvm[] {blocking, allowing, plain}) {
      if (app != null) {
        app.close();
      }
    }
    provider.close();
    for (String file : List.of("block.yaml", "allow.yaml")) {
      Files.deleteIfExists(dir.resolve(file));
    }
    Files.deleteIfExists(dir);
  }

  @Test
  void aStreamCutMidEventFailsInTheSdkAsWithoutWarden() {
    String expected = plain.send("system-stream gpt-4o-mini cut-stream");
    assertThat(expected).startsWith("FAILURE|");

    assertSameInBothModes("system-stream gpt-4o-mini cut-stream", expected);
  }

  @Test
  void aSeventeenMegabyteEventPassesAsWithoutWarden() {
    assertThat(plain.send("stream gpt-4o-mini giant-event")).isEqualTo("giant-ok");

    assertSameInBothModes("stream gpt-4o-mini giant-event", "giant-ok");
  }

  @Test
  void invalidJsonFailsInTheSdkAsWithoutWarden() {
    String expected = plain.send("chat gpt-4o-mini invalid-json");
    assertThat(expected).startsWith("FAILURE|");

    assertSameInBothModes("chat gpt-4o-mini invalid-json", expected);
  }

  @Test
  void invalidUtf8ReachesTheSdkAsWithoutWarden() {
    assertSameInBothModes("chat gpt-4o-mini invalid-utf8", plain.send("chat gpt-4o-mini invalid-utf8"));
  }

  @Test
  void aRequestBodyWardenCannotReadFollowsOnError() {
    String post = "post " + provider.baseUrl() + "/chat/completions "
        + "{\"model\":\"gpt-4o-mini\",\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    assertThat(blocking.send(post)).startsWith("HTTP 403 ").contains("\"code\":\"warden_error\"");
    assertThat(allowing.send(post)).isEqualTo(plain.send(post)).startsWith("HTTP 200 ");
    assertAlive();
  }

  @Test
  void plantedKeyAndPersonalDataAppearInNoOutputOrFile() {
    PlantedSecrets planted = new PlantedSecrets();
    for (ForkedJvm app : List.of(blocking, allowing)) {
      assertThat(app.send("chat gpt-4o-mini " + planted.prompt())).isEqualTo("fine");
    }
    new LeakHunt(planted).jvm("blocking", blocking).jvm("allowing", allowing).tree(dir).assertNone();
  }

  private void assertSameInBothModes(String command, String expected) {
    assertThat(blocking.send(command)).isEqualTo(expected);
    assertThat(allowing.send(command)).isEqualTo(expected);
    assertAlive();
  }

  /** Both applications still answer, and Warden logged no failure and no body content. */
  private void assertAlive() {
    for (ForkedJvm app : List.of(blocking, allowing)) {
      assertThat(app.send("chat gpt-4o-mini hello")).isEqualTo("fine");
      assertThat(app.stderr()).doesNotContain("[warden] internal error");
      assertThat(app.stderr().lines().filter(line -> line.contains("[warden]")))
          .noneMatch(line -> line.contains(HostileProvider.MARK));
    }
  }
}
