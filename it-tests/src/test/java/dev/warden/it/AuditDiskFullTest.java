package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TranscriptOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A disk that is full: the audit trail on {@code /dev/full}, which opens and then fails every
 * write with ENOSPC (AuditUnwritableTest covers a trail that cannot even be opened). The calls go
 * on and the failure is reported once; with {@code audit.required: true} each call is refused
 * with {@code warden_error} before the network, whether {@code onError} is block or allow;
 * pointed at a disk with room again, records are written and calls go on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditDiskFullTest {

  private static final Path FULL = Path.of("/dev/full");
  private static final ObjectMapper JSON = new ObjectMapper();

  private FaultRun run;
  private PolicyFile policy;
  private ForkedJvm app;

  @RegisterExtension
  final TranscriptOnFailure transcript = new TranscriptOnFailure(() -> app);

  private String policyYaml(Path sink, boolean required) {
    return run.policy("audit:\n  sink: file:" + sink + "\n  required: " + required + "\n");
  }

  @BeforeAll
  void start() throws IOException {
    assertThat(FULL).as("this test needs Linux's /dev/full").exists();
    run = FaultRun.start();
    policy = run.writePolicy("policy.yaml", policyYaml(FULL, false));
    app = run.app("app", policy, FaultRun.Key.VIRTUAL, List.of());
  }

  @AfterAll
  void stop() throws IOException {
    run.close();
  }

  @BeforeEach
  void forget() {
    run.provider.clearRequests();
  }

  private void reload(String yaml) {
    int mark = app.stderrMark();
    policy.write(yaml);
    app.awaitStderr(SdkScenarioTest.RELOADED, mark, SdkScenarioTest.RELOAD_TIMEOUT);
  }

  @Test
  @Order(1)
  void callsGoOnAndTheFullDiskIsReportedOnce() {
    for (int i = 0; i < 3; i++) {
      assertThat(app.send(run.plantedChat(), FaultRun.CALL_BOUND)).isEqualTo(run.redactedEcho());
    }
    assertThat(run.provider.requests()).hasSize(3);
    assertThat(app.stderr()).containsOnlyOnce("audit record not written to file:/dev/full");
  }

  @Test
  @Order(2)
  void withRequiredEachCallIsRefusedBeforeTheNetwork() {
    reload(policyYaml(FULL, true));
    for (String command : List.of(run.plantedChat(), "stream " + FaultRun.MODEL + " a streamed call")) {
      ErrorAnswer error = ErrorAnswer.parse(app.send(command, FaultRun.CALL_BOUND));
      assertThat(error.status()).isEqualTo(403);
      assertThat(error.code()).isEqualTo("warden_error");
    }
    assertThat(run.provider.requests()).isEmpty();
  }

  /** onError governs Warden's own failures to decide; a required record that cannot be written refuses the call either way. */
  @Test
  @Order(3)
  void onErrorAllowDoesNotOverrideRequired() {
    reload(policyYaml(FULL, true).replace("onError: block", "onError: allow"));
    ErrorAnswer error = ErrorAnswer.parse(app.send(run.plantedChat(), FaultRun.CALL_BOUND));
    assertThat(error.code()).isEqualTo("warden_error");
    assertThat(run.provider.requests()).isEmpty();
  }

  @Test
  @Order(4)
  void withRoomAgainRecordsAreWrittenAndCallsGoOn() throws IOException {
    Path audit = run.dir.resolve("audit.jsonl");
    reload(policyYaml(audit, true));
    assertThat(app.send(run.plantedChat(), FaultRun.CALL_BOUND)).isEqualTo(run.redactedEcho());
    assertThat(run.provider.requests()).hasSize(1);
    List<String> lines = Files.readAllLines(audit);
    assertThat(lines).isNotEmpty();
    assertThat(JSON.readTree(lines.get(lines.size() - 1)).get("decision").asText()).isEqualTo("modify");
  }

  @Test
  @Order(5)
  void nothingPlantedLeaked() {
    System.out.println(getClass().getSimpleName() + " " + run.huntLeaks(run.hunt()));
  }
}
