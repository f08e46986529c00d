package dev.warden.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Writes AWS event stream messages ({@code application/vnd.amazon.eventstream}), the framing of
 * Bedrock's streamed responses: prelude with its CRC32, string headers, JSON payload, message
 * CRC32. Each event is flushed on its own, as a real stream arrives.
 */
final class EventStreamWriter {

  private final OutputStream out;

  EventStreamWriter(OutputStream out) {
    this.out = out;
  }

  /** An {@code event} message of type {@code eventType} carrying {@code json}. */
  void event(String eventType, byte[] json) throws IOException {
    ByteArrayOutputStream headers = new ByteArrayOutputStream();
    header(headers, ":event-type", eventType);
    header(headers, ":content-type", "application/json");
    header(headers, ":message-type", "event");
    out.write(frame(headers.toByteArray(), json));
    out.flush();
  }

  static byte[] frame(byte[] headers, byte[] payload) {
    int total = 16 + headers.length + payload.length;
    ByteBuffer frame = ByteBuffer.allocate(total);
    frame.putInt(total).putInt(headers.length).putInt(crc(frame.array(), 8));
    frame.put(headers).put(payload);
    frame.putInt(crc(frame.array(), total - 4));
    return frame.array();
  }

  private static void header(ByteArrayOutputStream out, String name, String value) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    out.write(n.length);
    out.writeBytes(n);
    out.write(7);
    out.write(v.length >>> 8);
    out.write(v.length);
    out.writeBytes(v);
  }

  private static int crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}
