package dev.warden.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trail's file removed, or renamed away as logrotate's {@code create} mode does, while Warden
 * has it open: the next record starts a new file at the path rather than vanishing into the old
 * one, and the chain goes on (the renamed file and the new one verify as one trail).
 */
class AuditFileGoneTest {

  private static final HashChain KEYED = HashChain.of("audit-key-for-tests");

  @TempDir Path dir;

  private static AuditTrail.Members event(int n) {
    return json -> json.writeNumberField("n", n);
  }

  @Test
  void aRemovedFileIsStartedAgainAtTheNextRecord() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    AuditTrail trail = new AuditTrail(new FileAuditSink(file, 1 << 20), "checkout-api", KEYED);
    trail.append(event(1));
    trail.append(event(2));
    Files.delete(file);
    assertThat(trail.append(event(3))).isTrue();
    assertThat(Files.readAllLines(file)).hasSize(1).allMatch(line -> line.contains("\"seq\":3"));
  }

  @Test
  void aRenamedFileIsFollowedByANewOneAndBothVerifyAsOneTrail() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    AuditTrail trail = new AuditTrail(new FileAuditSink(file, 1 << 20), "checkout-api", KEYED);
    trail.append(event(1));
    trail.append(event(2));
    Path rotated = Files.move(file, dir.resolve("audit.jsonl-20261128"));
    Files.createFile(file);
    trail.append(event(3));
    trail.append(event(4));
    assertThat(Files.readAllLines(rotated)).hasSize(2);
    assertThat(Files.readAllLines(file)).hasSize(2);
    AuditVerifier.Result result = new AuditVerifier(KEYED).verify(List.of(rotated, file));
    assertThat(result.intact()).as(String.valueOf(result)).isTrue();
    assertThat(result.records()).isEqualTo(4);
  }
}
