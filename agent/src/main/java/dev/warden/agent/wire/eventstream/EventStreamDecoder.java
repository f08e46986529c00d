package dev.warden.agent.wire.eventstream;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Splits an event stream into messages as its bytes arrive, in whatever pieces: only the message
 * being assembled is buffered. A message whose prelude or message CRC does not check, or whose
 * length is out of bounds, makes the rest of the stream {@link #corrupt()}: nothing more is
 * decoded, and the caller passes the remaining bytes on as received. Not thread-safe.
 */
public final class EventStreamDecoder {

  /** Receives each decoded message with its exact wire bytes. */
  public interface Listener {
    void onMessage(EventStreamMessage message, byte[] wire);
  }

  /** Largest message accepted: Bedrock's limit is far below. */
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private final Listener listener;
  private byte[] buffer = new byte[1024];
  private int count;
  private boolean corrupt;

  public EventStreamDecoder(Listener listener) {
    this.listener = listener;
  }

  /** True once the stream could not be decoded: every later byte is for the caller to pass on. */
  public boolean corrupt() {
    return corrupt;
  }

  /**
   * Feeds the next bytes; each message they complete goes to the listener before this returns.
   *
   * @return the bytes not taken: empty normally; once the stream is corrupt, the bytes held and
   *     these, for the caller to pass on as received
   */
  public byte[] feed(byte[] bytes, int offset, int length) {
    if (corrupt) {
      return Arrays.copyOfRange(bytes, offset, offset + length);
    }
    ensure(count + length);
    System.arraycopy(bytes, offset, buffer, count, length);
    count += length;
    int start = 0;
    while (count - start >= 12) {
      ByteBuffer prelude = ByteBuffer.wrap(buffer, start, 12);
      int total = prelude.getInt();
      int headers = prelude.getInt();
      int preludeCrc = prelude.getInt();
      if (total < EventStreamMessage.OVERHEAD || total > MAX_MESSAGE_BYTES || headers < 0
          || headers > total - EventStreamMessage.OVERHEAD
          || preludeCrc != EventStreamMessage.crc(buffer, start, 8)) {
        return fail(start);
      }
      if (count - start < total) {
        break;
      }
      int messageCrc = ByteBuffer.wrap(buffer, start + total - 4, 4).getInt();
      if (messageCrc != EventStreamMessage.crc(buffer, start, total - 4)) {
        return fail(start);
      }
      byte[] wire = Arrays.copyOfRange(buffer, start, start + total);
      byte[] headerBytes = Arrays.copyOfRange(wire, 12, 12 + headers);
      byte[] payload = Arrays.copyOfRange(wire, 12 + headers, total - 4);
      start += total;
      listener.onMessage(new EventStreamMessage(headerBytes, payload), wire);
    }
    System.arraycopy(buffer, start, buffer, 0, count - start);
    count -= start;
    return EMPTY;
  }

  /** Whether bytes of an unfinished message are held: the stream was cut mid-message. */
  public boolean holdsPartial() {
    return count > 0;
  }

  /**
   * The stream ended: returns the bytes of an unfinished message (empty when none), for the caller
   * to pass on as received, so that the reader still sees the stream was cut.
   */
  public byte[] takePartial() {
    if (count == 0) {
      return EMPTY;
    }
    byte[] partial = Arrays.copyOf(buffer, count);
    count = 0;
    return partial;
  }

  private byte[] fail(int start) {
    corrupt = true;
    byte[] rest = Arrays.copyOfRange(buffer, start, count);
    buffer = null;
    count = 0;
    return rest;
  }

  private void ensure(int capacity) {
    if (capacity > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(capacity, buffer.length * 2));
    }
  }

  private static final byte[] EMPTY = new byte[0];
}
