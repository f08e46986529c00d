package dev.warden.agent.wire.bedrock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.wire.eventstream.ChunkPayload;
import dev.warden.agent.wire.eventstream.EventStreamDecoder;
import dev.warden.agent.wire.eventstream.EventStreamMessage;
import dev.warden.agent.wire.rewrite.PushRewrite;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** InvokeModelWithResponseStream: the family's events inside base64 chunks, rewritten and re-encoded. */
class InvokeStreamRewriteTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PLACEHOLDER = "<EMAIL_1>";

  /** Restores a placeholder, holding back a possible start of one, and leaks on "SECRET". */
  private static final class Restoring implements CompletionRewriter {
    boolean leaked;

    @Override public String rewrite(String text) { return text.replace(PLACEHOLDER, "jane@example.com"); }
    @Override public CompletionRewriter forJsonText() { return this; }
    @Override public boolean leaked() { return leaked; }
    @Override public Channel channel() {
      StringBuilder held = new StringBuilder();
      return new Channel() {
        @Override public String feed(String delta) {
          held.append(delta);
          leaked |= held.indexOf("SECRET") >= 0;
          int open = held.lastIndexOf("<");
          int cut = open >= 0 && held.indexOf(">", open) < 0 ? open : held.length();
          String released = rewrite(held.substring(0, cut));
          held.delete(0, cut);
          return released;
        }
        @Override public String finish() { return rewrite(held.toString()); }
      };
    }
  }

  private static byte[] chunk(String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(":event-type", "chunk");
    headers.put(":content-type", "application/json");
    headers.put(":message-type", "event");
    String payload = "{\"bytes\":\"" + Base64.getEncoder().encodeToString(json.getBytes(UTF_8)) + "\",\"p\":\"abcd\"}";
    return EventStreamMessage.of(headers, payload.getBytes(UTF_8)).encode();
  }

  private static String anthropicDelta(String text) {
    return "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}";
  }

  private static byte[] anthropicStream(String... pieces) {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(chunk("{\"type\":\"message_start\",\"message\":{\"role\":\"assistant\",\"content\":[]}}"));
    in.writeBytes(chunk("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
    for (String piece : pieces) {
      in.writeBytes(chunk(anthropicDelta(piece)));
    }
    in.writeBytes(chunk("{\"type\":\"content_block_stop\",\"index\":0}"));
    in.writeBytes(chunk("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"}}"));
    in.writeBytes(chunk("{\"type\":\"message_stop\",\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":3}}"));
    return in.toByteArray();
  }

  /** Feeds {@code bytes} in pieces of {@code size}, as a network delivers them. */
  private static byte[] run(PushRewrite rewrite, byte[] bytes, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < bytes.length; i += size) {
      out.writeBytes(rewrite.feed(bytes, i, Math.min(size, bytes.length - i)));
    }
    out.writeBytes(rewrite.finish());
    return out.toByteArray();
  }

  /** The decoded messages: each chunk's JSON, or the exception type of an exception message. */
  private static List<JsonNode> decode(byte[] stream, List<String> exceptions) {
    List<JsonNode> events = new ArrayList<>();
    EventStreamDecoder decoder = new EventStreamDecoder((message, wire) -> {
      if ("exception".equals(message.stringHeader(":message-type"))) {
        exceptions.add(message.stringHeader(":exception-type"));
        return;
      }
      try {
        events.add(MAPPER.readTree(ChunkPayload.json(message.payload())));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    decoder.feed(stream, 0, stream.length);
    assertThat(decoder.corrupt()).as("every CRC checks").isFalse();
    assertThat(decoder.holdsPartial()).isFalse();
    return events;
  }

  private static String text(List<JsonNode> events, String field) {
    StringBuilder text = new StringBuilder();
    for (JsonNode event : events) {
      JsonNode value = event.findValue(field);
      if (value != null && value.isTextual()) {
        text.append(value.textValue());
      }
    }
    return text.toString();
  }

  private static List<String> types(List<JsonNode> events) {
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(e.path("type").asText()));
    return types;
  }

  @Test
  void anthropicPlaceholderSplitAcrossChunksIsRestoredBeforeTheBlockStops() {
    InvokeModelAdapter adapter = InvokeModelAdapter.of("anthropic.claude-3-5-sonnet-20240620-v1:0", true);
    PushRewrite rewrite = adapter.pushRewrite(true, new Restoring(), null);

    List<String> exceptions = new ArrayList<>();
    List<JsonNode> events = decode(run(rewrite, anthropicStream("mail <EMA", "IL_1> now <EM"), 7), exceptions);

    assertThat(exceptions).isEmpty();
    assertThat(text(events, "text")).isEqualTo("mail jane@example.com now <EM");
    assertThat(types(events)).containsExactly("message_start", "content_block_start", "content_block_delta",
        "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
    assertThat(events.get(7).has("amazon-bedrock-invocationMetrics")).isTrue();
    assertThat(rewrite.changes()).isEqualTo(3);
    assertThat(rewrite.unreadable()).isZero();
  }

  @Test
  void aStreamWithoutPlaceholdersPassesByteForByte() {
    byte[] stream = anthropicStream("hello ", "world");
    PushRewrite rewrite = InvokeModelAdapter.of("us.anthropic.claude-sonnet-4", true).pushRewrite(true, new Restoring(), null);

    assertThat(run(rewrite, stream, 5)).isEqualTo(stream);
    assertThat(rewrite.changes()).isZero();
  }

  @Test
  void aLeakWithholdsTheRestOfTheStreamBehindAValidationException() {
    PushRewrite rewrite = InvokeModelAdapter.of("anthropic.claude-3-haiku", true)
        .pushRewrite(true, new Restoring(), "{\"message\":\"withheld\"}".getBytes(UTF_8));

    List<String> exceptions = new ArrayList<>();
    List<JsonNode> events = decode(run(rewrite, anthropicStream("the key is ", "SECRET", " indeed"), 11), exceptions);

    assertThat(exceptions).containsExactly("validationException");
    assertThat(text(events, "text")).isEqualTo("the key is ");
    assertThat(types(events)).doesNotContain("content_block_stop", "message_stop");
    assertThat(rewrite.withheld()).isTrue();
  }

  @Test
  void llamaHeldBackTextGoesOutInTheLastChunk() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(chunk("{\"generation\":\"mail <EMAI\",\"stop_reason\":null}"));
    in.writeBytes(chunk("{\"generation\":\"L_1> <E\",\"stop_reason\":null}"));
    in.writeBytes(chunk("{\"generation\":\"\",\"stop_reason\":\"stop\",\"amazon-bedrock-invocationMetrics\":{}}"));
    PushRewrite rewrite = InvokeModelAdapter.of("meta.llama3-8b-instruct-v1:0", true).pushRewrite(true, new Restoring(), null);

    List<JsonNode> events = decode(run(rewrite, in.toByteArray(), 9), new ArrayList<>());

    assertThat(events).hasSize(3);
    assertThat(text(events, "generation")).isEqualTo("mail jane@example.com <E");
    assertThat(events.get(2).path("generation").asText()).isEqualTo("<E");
  }

  @Test
  void titanCutStreamReleasesItsHeldTextAsAnExtraChunk() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(chunk("{\"outputText\":\"to <EMAIL_1\",\"index\":0,\"completionReason\":null}"));
    PushRewrite rewrite = InvokeModelAdapter.of("amazon.titan-text-express-v1", true).pushRewrite(true, new Restoring(), null);

    List<JsonNode> events = decode(run(rewrite, in.toByteArray(), 4), new ArrayList<>());

    assertThat(events).hasSize(2);
    assertThat(text(events, "outputText")).isEqualTo("to <EMAIL_1");
  }

  @Test
  void novaChunksAreReadAsConverseEvents() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(chunk("{\"contentBlockDelta\":{\"delta\":{\"text\":\"hi <EMA\"},\"contentBlockIndex\":0}}"));
    in.writeBytes(chunk("{\"contentBlockDelta\":{\"delta\":{\"text\":\"IL_1>\"},\"contentBlockIndex\":0}}"));
    in.writeBytes(chunk("{\"contentBlockStop\":{\"contentBlockIndex\":0}}"));
    PushRewrite rewrite = InvokeModelAdapter.of("us.amazon.nova-lite-v1:0", true).pushRewrite(true, new Restoring(), null);

    List<JsonNode> events = decode(run(rewrite, in.toByteArray(), 6), new ArrayList<>());

    assertThat(text(events, "text")).isEqualTo("hi jane@example.com");
    assertThat(events.get(events.size() - 1).has("contentBlockStop")).isTrue();
  }
}
