package dev.warden.agent.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.audit.AuditTrail;
import dev.warden.agent.audit.AuditTrails;
import dev.warden.agent.audit.AuditVerifier;
import dev.warden.agent.audit.HashChain;
import dev.warden.policies.alerts.Alert;
import dev.warden.policies.alerts.AlertKind;
import dev.warden.policies.config.AuditPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An alert's audit record joins the chain with its members; its warn line names no principal. */
class AlertEmitterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachAlertIsAChainedRecordWithItsMembers(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("audit.jsonl");
    AuditTrail trail = AuditTrails.of(new AuditPolicy(file, false, false, null, 10 << 20, false));
    AlertEmitter.emit(new Alert(AlertKind.TOKEN_SPIKE, "principal", "svc", "alice@example.com", "gpt-4o", 131_072L,
        20_000L, Duration.ofMinutes(5)), trail, "sha256:p");
    AlertEmitter.emit(new Alert(AlertKind.NEW_MODEL, "key", null, null, "o3", null, null, Duration.ofSeconds(90)),
        trail, "sha256:p");
    AlertEmitter.emit(new Alert(AlertKind.BLOCK_RATE, "key", "svc", null, "gpt-4o", 0.625, 0.5, Duration.ofHours(2)),
        trail, "sha256:p");

    List<String> lines = Files.readAllLines(file);
    JsonNode spike = JSON.readTree(lines.get(0));
    assertThat(spike.get("event").asText()).isEqualTo("alert");
    assertThat(spike.get("alert").asText()).isEqualTo("token_spike");
    assertThat(spike.get("severity").asText()).isEqualTo("WARN");
    assertThat(spike.get("partition").asText()).isEqualTo("principal");
    assertThat(spike.get("keyId").asText()).isEqualTo("svc");
    assertThat(spike.get("principal").asText()).isEqualTo("alice@example.com");
    assertThat(spike.get("model").asText()).isEqualTo("gpt-4o");
    assertThat(spike.get("observed").isIntegralNumber()).isTrue();
    assertThat(spike.get("observed").asLong()).isEqualTo(131_072);
    assertThat(spike.get("threshold").asLong()).isEqualTo(20_000);
    assertThat(spike.get("window").asText()).isEqualTo("5m");
    assertThat(spike.get("policy").asText()).isEqualTo("sha256:p");
    JsonNode model = JSON.readTree(lines.get(1));
    assertThat(model.has("keyId")).isFalse();
    assertThat(model.has("observed")).isFalse();
    assertThat(model.get("window").asText()).isEqualTo("90s");
    JsonNode rate = JSON.readTree(lines.get(2));
    assertThat(rate.get("observed").asDouble()).isEqualTo(0.625);
    assertThat(rate.get("window").asText()).isEqualTo("2h");

    AuditVerifier.Result result = new AuditVerifier(HashChain.of(null)).verify(List.of(file));
    assertThat(result.intact()).as(String.valueOf(result.reason())).isTrue();
    assertThat(result.records()).isEqualTo(3);
  }

  @Test
  void theWarnLineNamesTheScopeAndNumbersButNotThePrincipal() {
    String line = AlertEmitter.describe(new Alert(AlertKind.INJECTION_BURST, "principal", "svc", "alice@example.com",
        "gpt-4o", 5L, 5L, Duration.ofMinutes(1)), "1m");
    assertThat(line).isEqualTo(
        "alert injection_burst (ERROR): a principal of key scope 'svc': 5 injection findings in 1m (threshold 5)");
    assertThat(AlertEmitter.describe(new Alert(AlertKind.NEW_MODEL, "key", null, null, "o3", null, null,
        Duration.ofMinutes(10)), "10m"))
        .isEqualTo("alert new_model (WARN): calls with no key scope: first use of model 'o3' more than 10m after its first call");
    assertThat(AlertEmitter.window(Duration.ofDays(1))).isEqualTo("1d");
    assertThat(AlertEmitter.window(Duration.ofSeconds(61))).isEqualTo("61s");
  }
}
