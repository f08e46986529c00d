package dev.warden.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every byte of every record, flipped: the verifier names the exact first broken record (its
 * {@code file:line}, and from the second record on the seq that position should hold), never
 * finds the trail intact and never fails to read it. The records carry the shapes real ones do
 * (strings, numbers, arrays, a nested object, non-ASCII text), so each kind of field is hit.
 */
class AuditTamperTest {

  private static final HashChain KEYED = HashChain.of("audit-key-for-tamper-tests");
  /** One bit low and high, a case flip, and a byte turned into its complement. */
  private static final int[] MASKS = {0x01, 0x80, 0x20, 0xFF};
  private static final int RECORDS = 5;

  @TempDir Path dir;

  private List<byte[]> chain() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    AuditTrail trail = new AuditTrail(new FileAuditSink(file, 1 << 20), "checkout-api", KEYED);
    for (int i = 1; i <= RECORDS; i++) {
      int n = i;
      trail.append(json -> {
        json.writeStringField("principal", "zoë-" + n);
        json.writeStringField("decision", "modify");
        json.writeArrayFieldStart("findings");
        json.writeStartObject();
        json.writeStringField("type", "EMAIL");
        json.writeNumberField("count", n);
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("injection");
        json.writeNumberField("score", 0.31);
        json.writeBooleanField("flagged", false);
        json.writeEndObject();
      });
    }
    List<byte[]> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add(line.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(lines).hasSize(RECORDS);
    return lines;
  }

  @Test
  void everyFlippedByteOfEveryRecordIsFoundAtThatRecord() throws IOException {
    List<byte[]> lines = chain();
    assertThat(verify(write("intact", lines)).intact()).isTrue();
    int cases = 0;
    for (int record = 0; record < RECORDS; record++) {
      byte[] original = lines.get(record);
      for (int position = 0; position < original.length; position++) {
        for (int mask : MASKS) {
          List<byte[]> tampered = new ArrayList<>(lines);
          byte[] flipped = original.clone();
          flipped[position] ^= (byte) mask;
          tampered.set(record, flipped);
          Path file = write("flip", tampered);
          AuditVerifier.Result result = verify(file);
          String what = "record " + (record + 1) + ", byte " + position + " ^ 0x" + Integer.toHexString(mask);
          assertThat(result.intact()).as(what).isFalse();
          assertThat(result.where()).as(what).isEqualTo(file + ":" + (record + 1));
          if (record > 0) {
            assertThat(result.brokenSeq()).as(what + ": " + result.reason()).isEqualTo(record + 1);
          }
          assertThat(result.records()).as(what).isEqualTo(record);
          cases++;
        }
      }
    }
    assertThat(cases).isGreaterThan(RECORDS * 100 * MASKS.length);
    System.out.println("AuditTamperTest: " + cases + " flipped bytes over " + RECORDS + " records, each found at its record");
  }

  @Test
  void everyDeletionAndEverySwapIsFoundWhereTheChainBreaks() throws IOException {
    List<byte[]> lines = chain();
    // deleting the first or the last record leaves a chain that verifies alone (retention, a cut):
    // the exported checkpoint catches those, see AuditTrailTest
    for (int deleted = 1; deleted < RECORDS - 1; deleted++) {
      List<byte[]> tampered = new ArrayList<>(lines);
      tampered.remove(deleted);
      AuditVerifier.Result result = verify(write("deleted", tampered));
      assertThat(result.intact()).as("record %d deleted", deleted + 1).isFalse();
      assertThat(result.brokenSeq()).as("record %d deleted", deleted + 1).isEqualTo(deleted + 2);
    }
    for (int a = 0; a < RECORDS; a++) {
      for (int b = a + 1; b < RECORDS; b++) {
        List<byte[]> tampered = new ArrayList<>(lines);
        Collections.swap(tampered, a, b);
        AuditVerifier.Result result = verify(write("swapped", tampered));
        assertThat(result.intact()).as("records %d and %d swapped", a + 1, b + 1).isFalse();
        assertThat(result.where()).as("records %d and %d swapped", a + 1, b + 1).endsWith(":" + (a == 0 ? 2 : a + 1));
      }
    }
  }

  private Path write(String name, List<byte[]> lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      bytes.write(line);
      bytes.write('\n');
    }
    return Files.write(dir.resolve(name + ".jsonl"), bytes.toByteArray());
  }

  private static AuditVerifier.Result verify(Path file) throws IOException {
    return new AuditVerifier(KEYED).verify(List.of(file));
  }
}
