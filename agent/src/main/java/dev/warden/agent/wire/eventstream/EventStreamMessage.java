package dev.warden.agent.wire.eventstream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One message of the AWS event stream encoding ({@code application/vnd.amazon.eventstream}), the
 * binary framing of Bedrock's streamed responses: a prelude (total length, headers length, CRC32 of
 * those 8 bytes), the headers, the payload, and a CRC32 of everything before it. The header block
 * is kept as received, so a message re-encoded with a new payload keeps its headers byte for byte.
 * Immutable.
 */
public final class EventStreamMessage {

  /** Prelude (12 bytes) plus message CRC (4 bytes). */
  static final int OVERHEAD = 16;

  private static final byte STRING = 7;

  private final byte[] headers;
  private final byte[] payload;

  public EventStreamMessage(byte[] headers, byte[] payload) {
    this.headers = headers;
    this.payload = payload;
  }

  /** A message with string headers, in the map's order. */
  public static EventStreamMessage of(Map<String, String> stringHeaders, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    for (Map.Entry<String, String> header : stringHeaders.entrySet()) {
      byte[] name = header.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] value = header.getValue().getBytes(StandardCharsets.UTF_8);
      out.write(name.length);
      out.write(name, 0, name.length);
      out.write(STRING);
      out.write(value.length >>> 8);
      out.write(value.length);
      out.write(value, 0, value.length);
    }
    return new EventStreamMessage(out.toByteArray(), payload);
  }

  public byte[] payload() {
    return payload;
  }

  /** This message with another payload and the same headers. */
  public EventStreamMessage withPayload(byte[] newPayload) {
    return new EventStreamMessage(headers, newPayload);
  }

  /**
   * The value of the string header {@code name} ({@code :event-type}, {@code :message-type}, …),
   * or null when absent, of another type, or when the header block is malformed.
   */
  public String stringHeader(String name) {
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    int i = 0;
    while (i < headers.length) {
      int nameLength = headers[i++] & 0xFF;
      if (i + nameLength + 1 > headers.length) {
        return null;
      }
      boolean match = nameLength == wanted.length
          && Arrays.equals(headers, i, i + nameLength, wanted, 0, nameLength);
      i += nameLength;
      int type = headers[i++];
      int valueLength = valueLength(type, i);
      if (valueLength < 0 || i + valueLength > headers.length) {
        return null;
      }
      if (match) {
        return type == STRING ? new String(headers, i + 2, valueLength - 2, StandardCharsets.UTF_8) : null;
      }
      i += valueLength;
    }
    return null;
  }

  /** Bytes the value of a header of {@code type} at {@code at} takes, length prefix included; -1 when unknown. */
  private int valueLength(int type, int at) {
    switch (type) {
      case 0: case 1: return 0;
      case 2: return 1;
      case 3: return 2;
      case 4: return 4;
      case 5: case 8: return 8;
      case 9: return 16;
      case 6: case 7:
        return at + 2 > headers.length ? -1 : 2 + ((headers[at] & 0xFF) << 8 | headers[at + 1] & 0xFF);
      default: return -1;
    }
  }

  /** The message's wire bytes, with both CRCs computed. */
  public byte[] encode() {
    int total = OVERHEAD + headers.length + payload.length;
    ByteBuffer out = ByteBuffer.allocate(total);
    out.putInt(total).putInt(headers.length);
    out.putInt(crc(out.array(), 0, 8));
    out.put(headers).put(payload);
    out.putInt(crc(out.array(), 0, total - 4));
    return out.array();
  }

  static int crc(byte[] bytes, int from, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, from, length);
    return (int) crc.getValue();
  }
}
