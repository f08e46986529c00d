package dev.warden.agent.wire.bedrock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.eventstream.EventStreamDecoder;
import dev.warden.agent.wire.eventstream.EventStreamMessage;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventStreamRewriteTest {

  /** Restores {@code <E>} to an address; a stream channel holds everything until it finishes. */
  private static final CompletionRewriter RESTORING = new CompletionRewriter() {
    @Override public String rewrite(String text) { return text.replace("<E>", "jane@example.com"); }
    @Override public CompletionRewriter forJsonText() { return this; }
    @Override public Channel channel() {
      StringBuilder held = new StringBuilder();
      return new Channel() {
        @Override public String feed(String delta) { held.append(delta); return ""; }
        @Override public String finish() { return rewrite(held.toString()); }
      };
    }
  };

  private static byte[] event(String type, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(":event-type", type);
    headers.put(":content-type", "application/json");
    headers.put(":message-type", "event");
    return EventStreamMessage.of(headers, json.getBytes(UTF_8)).encode();
  }

  @Test
  void heldBackTextGoesOutAsAnExtraDeltaBeforeTheBlockStops() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(event("messageStart", "{\"role\":\"assistant\"}"));
    in.writeBytes(event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"mail <\"},\"p\":\"ab\"}"));
    in.writeBytes(event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"E> now\"}}"));
    in.writeBytes(event("contentBlockStop", "{\"contentBlockIndex\":0}"));
    in.writeBytes(event("messageStop", "{\"stopReason\":\"end_turn\"}"));
    byte[] bytes = in.toByteArray();
    EventStreamRewrite rewrite = new EventStreamRewrite(RESTORING, ConverseTexts.INSTANCE, false, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < bytes.length; i += 5) {
      out.writeBytes(rewrite.feed(bytes, i, Math.min(5, bytes.length - i)));
    }
    out.writeBytes(rewrite.finish());

    List<String> events = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    byte[] rewritten = out.toByteArray();
    EventStreamDecoder decoder = new EventStreamDecoder((m, wire) -> {
      events.add(m.stringHeader(":event-type"));
      String payload = new String(m.payload(), UTF_8);
      if (payload.contains("\"text\"")) {
        text.append(payload.replaceAll(".*\"text\":\"([^\"]*)\".*", "$1"));
      }
    });
    decoder.feed(rewritten, 0, rewritten.length);
    assertThat(decoder.corrupt()).isFalse();
    assertThat(events).containsExactly("messageStart", "contentBlockDelta", "contentBlockDelta", "contentBlockDelta",
        "contentBlockStop", "messageStop");
    assertThat(text.toString()).isEqualTo("mail jane@example.com now");
    assertThat(rewrite.changes()).isEqualTo(3);
    assertThat(rewrite.unreadable()).isZero();
  }
}
