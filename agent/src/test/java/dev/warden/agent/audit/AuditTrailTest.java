package dev.warden.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HashChain KEYED = HashChain.of("audit-key-for-tests");

  @TempDir Path dir;

  private AuditTrail trail(Path file, long rotateBytes, HashChain chain) {
    return new AuditTrail(new FileAuditSink(file, rotateBytes), "checkout-api", chain);
  }

  private static AuditTrail.Members event(int n) {
    return json -> {
      json.writeStringField("event", "test");
      json.writeNumberField("n", n);
    };
  }

  private static AuditVerifier.Result verify(HashChain chain, Path... files) throws IOException {
    return new AuditVerifier(chain).verify(List.of(files));
  }

  @Test
  void recordsAreNumberedChainedAndVerify() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    AuditTrail trail = trail(file, 1 << 20, KEYED);
    for (int i = 1; i <= 5; i++) {
      assertThat(trail.append(event(i))).isTrue();
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(5);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("seq").asLong()).isEqualTo(1);
    assertThat(first.get("service").asText()).isEqualTo("checkout-api");
    assertThat(first.get("prev").asText()).isEqualTo(HashChain.GENESIS);
    assertThat(JSON.readTree(lines.get(1)).get("prev").asText()).isEqualTo(first.get("hash").asText());
    assertThat(lines.get(0)).matches("\\{\"ts\":\"[^\"]+\",\"seq\":1,.*,\"prev\":\"sha256:0{64}\",\"hash\":\"sha256:[0-9a-f]{64}\"}");
    assertThat(verify(KEYED, file).intact()).isTrue();
    assertThat(verify(KEYED, file).records()).isEqualTo(5);
  }

  @Test
  void withoutTheKeyTheChainDoesNotVerify() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    trail(file, 1 << 20, KEYED).append(event(1));
    AuditVerifier.Result result = verify(HashChain.of(null), file);
    assertThat(result.intact()).isFalse();
    assertThat(result.brokenSeq()).isEqualTo(1);
    assertThat(result.reason()).contains("pass the audit key");
  }

  @Test
  void editingDeletingOrReorderingARecordIsFoundAtItsSeq() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    AuditTrail trail = trail(file, 1 << 20, KEYED);
    for (int i = 1; i <= 6; i++) {
      trail.append(event(i));
    }
    List<String> lines = Files.readAllLines(file);

    List<String> edited = new ArrayList<>(lines);
    edited.set(3, edited.get(3).replace("\"n\":4", "\"n\":40"));
    assertThat(brokenAt(edited)).isEqualTo(4);

    List<String> deleted = new ArrayList<>(lines);
    deleted.remove(2);
    assertThat(brokenAt(deleted)).isEqualTo(4);

    List<String> reordered = new ArrayList<>(lines);
    Collections.swap(reordered, 1, 4);
    assertThat(brokenAt(reordered)).isEqualTo(5);

    List<String> rehashedWithoutKey = new ArrayList<>(lines);
    String body = AuditLine.withoutHash(lines.get(5)).replace("\"n\":6", "\"n\":60");
    rehashedWithoutKey.set(5, AuditLine.of(body, HashChain.of(null).hash(body)));
    assertThat(brokenAt(rehashedWithoutKey)).as("forging needs the key").isEqualTo(6);
  }

  private long brokenAt(List<String> lines) throws IOException {
    Path copy = Files.write(dir.resolve("tampered-" + System.nanoTime() + ".jsonl"), lines);
    AuditVerifier.Result result = verify(KEYED, copy);
    assertThat(result.intact()).isFalse();
    return result.brokenSeq();
  }

  @Test
  void rotationCarriesTheChainAcrossFiles() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    AuditTrail trail = trail(file, 400, KEYED);
    for (int i = 1; i <= 12; i++) {
      trail.append(event(i));
    }
    List<Path> files = new ArrayList<>();
    for (int n = 1; Files.exists(dir.resolve("audit.jsonl." + n)); n++) {
      files.add(dir.resolve("audit.jsonl." + n));
    }
    files.add(file);
    assertThat(files).hasSizeGreaterThan(2);
    AuditVerifier.Result result = new AuditVerifier(KEYED).verify(files);
    assertThat(result.intact()).isTrue();
    assertThat(result.records()).isEqualTo(12);
    assertThat(new AuditVerifier(KEYED).verify(files.subList(1, files.size())).intact())
        .as("older files removed by retention: the rest still verifies").isTrue();
    List<Path> missingMiddle = new ArrayList<>(files);
    missingMiddle.remove(1);
    assertThat(new AuditVerifier(KEYED).verify(missingMiddle).intact()).isFalse();
  }

  @Test
  void aCheckpointCatchesATrailCutShortOrRewritten() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    AuditTrail trail = trail(file, 1 << 20, KEYED);
    for (int i = 1; i <= 5; i++) {
      trail.append(event(i));
    }
    AuditTrail.Checkpoint checkpoint = trail.checkpoint();
    assertThat(checkpoint.seq()).isEqualTo(5);
    assertThat(new AuditVerifier(KEYED).verify(List.of(file), checkpoint).intact()).isTrue();
    assertThat(AuditCheckpoints.body(trail, checkpoint))
        .isEqualTo("{\"event\":\"audit_checkpoint\",\"sink\":\"file:" + file + "\",\"seq\":5,\"hash\":\"" + checkpoint.hash() + "\"}");

    List<String> lines = Files.readAllLines(file);
    Path cut = Files.write(dir.resolve("cut.jsonl"), lines.subList(0, 3));
    assertThat(new AuditVerifier(KEYED).verify(List.of(cut)).intact()).as("a shorter chain verifies alone").isTrue();
    AuditVerifier.Result result = new AuditVerifier(KEYED).verify(List.of(cut), checkpoint);
    assertThat(result.intact()).isFalse();
    assertThat(result.brokenSeq()).isEqualTo(5);
  }

  @Test
  void aNewRunContinuesTheChainOfTheFile() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    trail(file, 1 << 20, KEYED).append(event(1));
    trail(file, 1 << 20, KEYED).append(event(2));
    assertThat(verify(KEYED, file).records()).isEqualTo(2);
    assertThat(verify(KEYED, file).intact()).isTrue();
  }

  @Test
  void anUnwritableSinkIsReportedAndTheChainGoesOnFromTheLastWrittenRecord() throws IOException {
    Path blocker = dir.resolve("not-a-dir");
    Files.writeString(blocker, "x");
    AuditTrail broken = trail(blocker.resolve("audit.jsonl"), 1 << 20, KEYED);
    assertThat(broken.append(event(1))).isFalse();

    List<String> written = new ArrayList<>();
    boolean[] fail = {false};
    AuditSink flaky = new AuditSink() {
      @Override public void write(String line) throws IOException {
        if (fail[0]) {
          throw new IOException("disk full");
        }
        written.add(line);
      }
      @Override public String describe() { return "test"; }
    };
    AuditTrail trail = new AuditTrail(flaky, "s", KEYED);
    trail.append(event(1));
    fail[0] = true;
    assertThat(trail.append(event(2))).isFalse();
    fail[0] = false;
    assertThat(trail.append(event(3))).isTrue();
    Path file = Files.write(dir.resolve("flaky.jsonl"), written);
    assertThat(verify(KEYED, file).intact()).as("the dropped record leaves no gap in the chain").isTrue();
  }
}
