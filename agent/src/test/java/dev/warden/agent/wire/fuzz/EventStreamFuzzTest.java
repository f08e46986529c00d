package dev.warden.agent.wire.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.eventstream.EventStreamDecoder;
import dev.warden.agent.wire.eventstream.EventStreamMessage;
import dev.warden.agent.wire.rewrite.PlaceholderRewriter;
import dev.warden.agent.wire.rewrite.PushRewrite;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Bedrock's binary event stream. Random bytes rarely get past the CRCs, so the rewrite target
 * builds well-framed messages from the input (fuzzed event types and payloads, Converse's and
 * InvokeModel's base64 chunks), then may damage the stream. The promise: no exception; a corrupt
 * or cut stream passes on as received; nothing to change is byte for byte; a rewritten stream is
 * still a valid event stream.
 */
class EventStreamFuzzTest {

  private static final List<Route> STREAMS =
      List.of(FuzzRoutes.ALL.get(8), FuzzRoutes.ALL.get(10), FuzzRoutes.ALL.get(12), FuzzRoutes.ALL.get(14),
          FuzzRoutes.ALL.get(16));
  private static final List<String> EVENT_TYPES = List.of("messageStart", "contentBlockStart", "contentBlockDelta",
      "contentBlockStop", "messageStop", "metadata", "chunk", "internalServerException");
  private static final List<String> TEMPLATES = List.of(
      "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"%s\"}}",
      "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"%s\"}}}",
      "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"%s\"}}",
      "{\"generation\":\"%s\"}",
      "{\"outputText\":\"%s\"}",
      "{\"contentBlockDelta\":{\"delta\":{\"text\":\"%s\"},\"contentBlockIndex\":0}}",
      "{\"text\":\"%s\"}",
      "%s");

  /** Raw bytes through the decoder: messages are exactly their wire bytes, nothing else is lost. */
  @FuzzTest(maxDuration = "60s")
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void decode(FuzzedDataProvider data) {
    int piece = data.consumeInt(1, 64);
    byte[] stream = data.consumeRemainingAsBytes();
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    EventStreamDecoder decoder = new EventStreamDecoder((message, wire) -> {
      assertThat(message.encode()).as("a decoded message encodes to its wire bytes").isEqualTo(wire);
      seen.writeBytes(wire);
    });
    for (int i = 0; i < stream.length; i += piece) {
      seen.writeBytes(decoder.feed(stream, i, Math.min(piece, stream.length - i)));
    }
    seen.writeBytes(decoder.takePartial());
    assertThat(seen.toByteArray()).as("messages, bytes passed on and the cut message are the stream").isEqualTo(stream);
  }

  @FuzzTest(maxDuration = "60s")
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void rewrite(FuzzedDataProvider data) {
    Route route = data.pickValue(STREAMS);
    int piece = data.consumeInt(1, 4096);
    int damageAt = data.consumeInt(-1, 4096);
    boolean truncate = data.consumeBoolean();
    byte[] stream = frames(data);
    boolean damaged = damageAt >= 0 && damageAt < stream.length;
    if (damaged && truncate) {
      stream = Arrays.copyOf(stream, damageAt);
    } else if (damaged) {
      stream[damageAt] ^= 0x5a;
    }

    assertThat(run(route, CompletionRewriter.unchanged(), stream, piece)).as("nothing to change: byte for byte")
        .isEqualTo(stream);
    byte[] restored = run(route, new PlaceholderRewriter(), stream, piece);
    assertThat((long) restored.length).isLessThanOrEqualTo(8L * stream.length + 4096);
    if (!damaged) {
      EventStreamDecoder check = new EventStreamDecoder((message, wire) -> { });
      check.feed(restored, 0, restored.length);
      assertThat(check.corrupt() || check.holdsPartial()).as("a rewritten stream is a valid event stream").isFalse();
    }
  }

  private static byte[] run(Route route, CompletionRewriter rewriter, byte[] stream, int piece) {
    PushRewrite rewrite = route.adapter().pushRewrite(true, rewriter, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < stream.length; i += piece) {
      out.writeBytes(rewrite.feed(stream, i, Math.min(piece, stream.length - i)));
    }
    out.writeBytes(rewrite.finish());
    return out.toByteArray();
  }

  /** Well-framed messages whose payloads carry fuzzed text in the shapes the formats use. */
  private static byte[] frames(FuzzedDataProvider data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int count = data.consumeInt(0, 12);
    for (int i = 0; i < count; i++) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put(":event-type", data.pickValue(EVENT_TYPES));
      headers.put(":content-type", "application/json");
      headers.put(":message-type", data.consumeBoolean() ? "event" : "exception");
      String payload = String.format(data.pickValue(TEMPLATES), data.consumeString(200));
      if (data.consumeBoolean()) {
        payload = "{\"bytes\":\"" + Base64.getEncoder().encodeToString(payload.getBytes(UTF_8)) + "\"}";
      }
      out.writeBytes(EventStreamMessage.of(headers, payload.getBytes(UTF_8)).encode());
    }
    return out.toByteArray();
  }
}
