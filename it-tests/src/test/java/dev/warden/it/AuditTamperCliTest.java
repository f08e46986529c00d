package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TranscriptOnFailure;
import dev.warden.it.harness.VerifyAuditCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code java -jar warden-agent.jar verify-audit} on the keyed trail of a real application, tampered
 * as someone with write access to the file would: a byte flipped inside each field's value and
 * inside member names of one record (the decision with PII findings), the record deleted, swapped
 * with the next, cut short, and re-hashed without the key. Every copy exits 1 and names the exact
 * first broken record: {@code broken at seq N (FILE:LINE)}. AuditTamperTest flips every byte of
 * every record in-process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTamperCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The record tampered with: the planted call's, third in the trail after policy_loaded and an allowed call. */
  /** The line of the first modified call's record: where the inventory's records fall varies with timing. */
  private static int modifiedLine;

  private FaultRun run;
  private Path audit;
  private Path auditKey;
  private ForkedJvm app;

  @RegisterExtension
  final TranscriptOnFailure transcript = new TranscriptOnFailure(() -> app);

  @BeforeAll
  void start() throws IOException {
    run = FaultRun.start();
    audit = run.dir.resolve("audit.jsonl");
    auditKey = run.secret("audit.key", "faults-audit-" + FaultRun.newCacheKey());
    PolicyFile policy = run.writePolicy("policy.yaml", run.policy("audit:\n  sink: file:" + audit
        + "\n  key: file:" + auditKey + "\n"));
    app = run.app("app", policy, FaultRun.Key.HELD, List.of());
    assertThat(app.send("chat " + FaultRun.MODEL + " hello")).isEqualTo("echo: hello");
    assertThat(app.send(run.plantedChat())).isEqualTo(run.redactedEcho());
    assertThat(ErrorAnswer.parse(app.send("chat gpt-4o outside the scope")).code()).isEqualTo("model_not_allowed");
    assertThat(app.send("chat " + FaultRun.MODEL + " goodbye")).isEqualTo("echo: goodbye");
    List<String> lines = Files.readAllLines(audit);
    for (int i = 0; i < lines.size() && modifiedLine == 0; i++) {
      if (JSON.readTree(lines.get(i)).path("decision").asText().equals("modify")) {
        modifiedLine = i + 1;
      }
    }
  }

  @AfterAll
  void stop() throws IOException {
    run.close();
  }

  @Test
  @Order(1)
  void theUntouchedTrailIsIntact() throws IOException {
    Verified verified = verify(audit);
    assertThat(verified.exit()).as(verified.output()).isZero();
    assertThat(verified.output()).contains("intact: " + Files.readAllLines(audit).size() + " records");
  }

  @Test
  @Order(2)
  void everyTamperedCopyNamesTheFirstBrokenRecord() throws Exception {
    List<String> lines = Files.readAllLines(audit);
    JsonNode record = JSON.readTree(lines.get(modifiedLine - 1));
    assertThat(record.get("decision").asText()).isEqualTo("modify");
    Map<String, Expected> cases = new LinkedHashMap<>();
    for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      cases.put("value of " + name, expect(flipInValue(lines, name), modifiedLine));
    }
    for (String name : List.of("seq", "prev", "decision", "findings")) {
      cases.put("name of " + name, expect(flipInName(lines, name), modifiedLine));
    }
    List<String> deleted = new ArrayList<>(lines);
    deleted.remove(modifiedLine - 1);
    cases.put("record deleted", expect(deleted, modifiedLine + 1));
    List<String> swapped = new ArrayList<>(lines);
    Collections.swap(swapped, modifiedLine - 1, modifiedLine);
    cases.put("record swapped with the next", expect(swapped, modifiedLine + 1));
    List<String> cut = new ArrayList<>(lines);
    cut.set(modifiedLine - 1, lines.get(modifiedLine - 1).substring(0, lines.get(modifiedLine - 1).length() / 2));
    cases.put("record cut short", expect(cut, modifiedLine));
    cases.put("record re-hashed without the key", expect(rehashedWithoutKey(lines), modifiedLine));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Map<String, Future<Verified>> runs = new LinkedHashMap<>();
      int n = 0;
      for (Map.Entry<String, Expected> tampered : cases.entrySet()) {
        Path copy = Files.write(run.dir.resolve("tampered-" + n++ + ".jsonl"), tampered.getValue().lines());
        runs.put(tampered.getKey(), pool.submit(() -> verify(copy)));
      }
      for (Map.Entry<String, Future<Verified>> result : runs.entrySet()) {
        Verified verified = result.getValue().get();
        Expected expected = cases.get(result.getKey());
        assertThat(verified.exit()).as(result.getKey() + ": " + verified.output()).isEqualTo(1);
        assertThat(verified.output()).as(result.getKey())
            .startsWith("broken at seq " + expected.seq() + " (" + verified.file() + ":" + modifiedLine + ")");
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println(getClass().getSimpleName() + ": " + cases.size() + " tampered copies, each broken at its record");
  }

  @Test
  @Order(3)
  void nothingPlantedLeaked() throws IOException {
    System.out.println(getClass().getSimpleName() + " " + run.huntLeaks(run.hunt()
        .plant("audit key", Files.readString(auditKey))));
  }

  /** The copy's lines and the seq verify-audit must name; the break is always on line {@link #modifiedLine}. */
  private record Expected(List<String> lines, int seq) {}

  private static Expected expect(List<String> lines, int seq) {
    return new Expected(lines, seq);
  }

  private record Verified(int exit, String output, Path file) {}

  /** The trail with one byte in the middle of member {@code name}'s value (as written) of the record flipped. */
  private static List<String> flipInValue(List<String> lines, String name) throws IOException {
    String line = lines.get(modifiedLine - 1);
    String value = JSON.readTree(line).get(name).toString();
    int start = line.indexOf("\"" + name + "\":" + value);
    assertThat(start).as(name + " as written").isNotNegative();
    return flipped(lines, start + name.length() + 3 + value.length() / 2);
  }

  private static List<String> flipInName(List<String> lines, String name) {
    int start = lines.get(modifiedLine - 1).indexOf("\"" + name + "\":");
    assertThat(start).isNotNegative();
    return flipped(lines, start + 1 + name.length() / 2);
  }

  private static List<String> flipped(List<String> lines, int index) {
    char[] chars = lines.get(modifiedLine - 1).toCharArray();
    chars[index] ^= 0x01;
    List<String> copy = new ArrayList<>(lines);
    copy.set(modifiedLine - 1, new String(chars));
    return copy;
  }

  /** The record's hash replaced by the plain SHA-256 a forger without the key could compute. */
  private static List<String> rehashedWithoutKey(List<String> lines) throws NoSuchAlgorithmException {
    String line = lines.get(modifiedLine - 1);
    int hash = line.lastIndexOf(",\"hash\":\"");
    String body = line.substring(0, hash) + "}";
    String forged = "sha256:" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    List<String> copy = new ArrayList<>(lines);
    copy.set(modifiedLine - 1, line.substring(0, hash) + ",\"hash\":\"" + forged + "\"}");
    return copy;
  }

  private Verified verify(Path file) throws IOException {
    VerifyAuditCli.Result result = VerifyAuditCli.run(auditKey, List.of(file));
    return new Verified(result.exit(), result.output(), file);
  }
}
