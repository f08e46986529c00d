package dev.warden.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up in the middle of a record: the write fails part-way, as on a real full file
 * system (ENOSPC after a short write). The half record is cut off again, so once there is room the
 * chain goes on and the whole trail verifies, instead of carrying a broken line forever.
 */
class FullDiskTest {

  private static final HashChain KEYED = HashChain.of("audit-key-for-tests");

  @TempDir Path dir;

  /** A real file whose disk has {@code room} bytes left: a write beyond that lands in part, then fails. */
  private static final class FillingChannel implements SeekableByteChannel {
    private final SeekableByteChannel file;
    long room;

    FillingChannel(Path path, long room) throws IOException {
      this.file = Files.newByteChannel(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      this.room = room;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      if (room <= 0) {
        throw new IOException("No space left on device");
      }
      int n = (int) Math.min(room, source.remaining());
      ByteBuffer part = source.slice().limit(n);
      file.write(part);
      source.position(source.position() + n);
      room -= n;
      return n;
    }

    @Override public int read(ByteBuffer destination) { throw new UnsupportedOperationException(); }
    @Override public long position() throws IOException { return file.position(); }
    @Override public SeekableByteChannel position(long position) throws IOException { file.position(position); return this; }
    @Override public long size() throws IOException { return file.size(); }
    @Override public SeekableByteChannel truncate(long size) throws IOException {
      room += file.size() - size;
      file.truncate(size);
      return this;
    }
    @Override public boolean isOpen() { return file.isOpen(); }
    @Override public void close() throws IOException { file.close(); }
  }

  @Test
  void aRecordCutShortByAFullDiskIsRemovedAndTheTrailVerifiesOnceThereIsRoom() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    FillingChannel[] channel = new FillingChannel[1];
    AuditTrail trail = new AuditTrail(new FileAuditSink(file, 1 << 20, path -> {
      channel[0] = new FillingChannel(path, 500);
      return channel[0];
    }), "checkout-api", KEYED);
    int written = 0;
    int refused = 0;
    for (int i = 0; i < 10; i++) {
      int n = i;
      if (trail.append(json -> json.writeNumberField("n", n))) {
        written++;
      } else {
        refused++;
      }
    }
    assertThat(written).as("the disk took a few records").isPositive();
    assertThat(refused).as("then filled up").isPositive();
    assertThat(Files.readString(file)).as("no half record left").endsWith("\"}\n");
    assertThat(Files.readAllLines(file)).hasSize(written);

    channel[0].room = 1 << 20;
    assertThat(trail.append(json -> json.writeNumberField("n", 10))).isTrue();
    AuditVerifier.Result result = new AuditVerifier(KEYED).verify(List.of(file));
    assertThat(result.intact()).as(String.valueOf(result)).isTrue();
    assertThat(result.records()).isEqualTo(written + 1);
  }
}
