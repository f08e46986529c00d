package dev.warden.agent.wire.eventstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventStreamCodecTest {

  private static byte[] message(String type, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(":event-type", type);
    headers.put(":content-type", "application/json");
    headers.put(":message-type", "event");
    return EventStreamMessage.of(headers, json.getBytes(UTF_8)).encode();
  }

  @Test
  void decodesMessagesFedInAnyPieces() {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(message("messageStart", "{\"role\":\"assistant\"}"));
    stream.writeBytes(message("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"hé\"}}"));
    byte[] bytes = stream.toByteArray();
    List<String> seen = new ArrayList<>();
    List<byte[]> wires = new ArrayList<>();
    EventStreamDecoder decoder = new EventStreamDecoder((m, wire) -> {
      seen.add(m.stringHeader(":event-type") + " " + new String(m.payload(), UTF_8));
      wires.add(wire);
    });
    for (int i = 0; i < bytes.length; i += 7) {
      assertThat(decoder.feed(bytes, i, Math.min(7, bytes.length - i))).isEmpty();
    }
    assertThat(seen).containsExactly("messageStart {\"role\":\"assistant\"}",
        "contentBlockDelta {\"contentBlockIndex\":0,\"delta\":{\"text\":\"hé\"}}");
    assertThat(decoder.holdsPartial()).isFalse();
    assertThat(wires.get(1)).isEqualTo(message("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"hé\"}}"));
  }

  @Test
  void reEncodingWithANewPayloadKeepsTheHeadersAndFixesBothCrcs() {
    List<EventStreamMessage> decoded = new ArrayList<>();
    byte[] original = message("contentBlockDelta", "{\"a\":1}");
    new EventStreamDecoder((m, wire) -> decoded.add(m)).feed(original, 0, original.length);
    byte[] changed = decoded.get(0).withPayload("{\"a\":22}".getBytes(UTF_8)).encode();
    List<EventStreamMessage> again = new ArrayList<>();
    EventStreamDecoder decoder = new EventStreamDecoder((m, wire) -> again.add(m));
    decoder.feed(changed, 0, changed.length);
    assertThat(decoder.corrupt()).isFalse();
    assertThat(again.get(0).stringHeader(":event-type")).isEqualTo("contentBlockDelta");
    assertThat(new String(again.get(0).payload(), UTF_8)).isEqualTo("{\"a\":22}");
    assertThat(again.get(0).stringHeader(":missing")).isNull();
  }

  @Test
  void aBadCrcMakesTheRestPassThroughAsReceived() {
    byte[] bytes = message("metadata", "{}");
    bytes[bytes.length - 1] ^= 1;
    EventStreamDecoder decoder = new EventStreamDecoder((m, wire) -> {
      throw new AssertionError("no message");
    });
    assertThat(decoder.feed(bytes, 0, bytes.length)).isEqualTo(bytes);
    assertThat(decoder.corrupt()).isTrue();
    assertThat(decoder.feed(new byte[] {1, 2}, 0, 2)).containsExactly(1, 2);
  }
}
