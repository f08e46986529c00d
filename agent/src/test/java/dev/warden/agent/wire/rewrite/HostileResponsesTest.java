package dev.warden.agent.wire.rewrite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.WireTestSupport;
import dev.warden.agent.wire.bedrock.BedrockRoutes;
import dev.warden.agent.wire.eventstream.EventStreamMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-made hostile response bodies, read as the application reads them through the completion
 * rewrite: nothing is thrown but the source's own I/O exception, nothing hangs, Warden never
 * holds more than one bounded event (or JSON body) of the stream, and what it cannot read reaches
 * the application exactly as the provider sent it (counted by {@link RewrittenBody#unreadable()}).
 */
class HostileResponsesTest {

  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final String PATH = "/model/anthropic.claude-3-haiku-20240307-v1:0/converse-stream";
  private static final Route CONVERSE_STREAM = new BedrockRoutes("bedrock").match(PATH, 0, PATH.length());

  private static final String CHUNK = "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"}}]}\n\n";

  @Test
  void invalidJsonPassesAsReceived() {
    checkUnreadableJson(utf8("{\"choices\":[{\"message\":{\"content\":\"" + PlaceholderRewriter.EMAIL + "\"}"));
  }

  @Test
  void invalidUtf8PassesAsReceived() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(utf8("{\"choices\":[{\"message\":{\"content\":\"" + PlaceholderRewriter.EMAIL));
    body.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
    body.writeBytes(utf8("\"}}]}"));
    checkUnreadableJson(body.toByteArray());
  }

  @Test
  void tenThousandDeepNestingPassesAsReceived() {
    checkUnreadableJson(utf8("{\"choices\":[{\"message\":{\"content\":\"" + PlaceholderRewriter.EMAIL
        + "\"}}],\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
  }

  @Test
  void duplicateKeysPassAsReceived() {
    checkUnreadableJson(utf8("{\"choices\":[{\"message\":{\"content\":\"a\",\"content\":\""
        + PlaceholderRewriter.EMAIL + "\"}}]}"));
  }

  @Test
  void hugeNumbersAreKeptAndTheTextIsStillRestored() {
    String numbers = "\"usage\":{\"prompt_tokens\":" + "9".repeat(300) + ",\"x\":1e400,\"y\":-1e-400}";
    byte[] body = utf8("{\"choices\":[{\"message\":{\"content\":\"" + PlaceholderRewriter.EMAIL + "\"}}]," + numbers + "}");

    StreamChecks.Result result = read(WireTestSupport.OPENAI_CHAT, false, new ByteArrayInputStream(body));

    assertThat(result.text()).contains(PlaceholderRewriter.EMAIL_VALUE).endsWith(numbers + "}");
    assertThat(result.unreadable()).isZero();
  }

  @Test
  void aJsonBodyOverTheBoundStreamsOnAsReceivedHoldingOnlyTheBound() {
    long size = RewrittenBody.DEFAULT_MAX_JSON_BYTES + (8L << 20);
    Generated source = new Generated(utf8("{\"choices\":[{\"message\":{\"content\":\""), (byte) 'a', size);

    Drained drained = drain(WireTestSupport.OPENAI_CHAT.adapter().rewriteResponse(source, false,
        new PlaceholderRewriter()), source);

    assertThat(drained.bytes).isEqualTo(size);
    assertThat(drained.digest).isEqualTo(new Generated(source.head, (byte) 'a', size).digest());
    assertThat(drained.maxHeld).isLessThanOrEqualTo(RewrittenBody.DEFAULT_MAX_JSON_BYTES + 8192L);
    assertThat(drained.unreadable).isEqualTo(1);
  }

  @Test
  void sseWithoutBlankLinesPassesAsReceived() {
    byte[] stream = utf8((String.format(CHUNK, "Hi " + PlaceholderRewriter.EMAIL) + String.format(CHUNK, " there"))
        .replace("\n\n", "\n") + "data: [DONE]\n");

    StreamChecks.Result result = read(WireTestSupport.OPENAI_CHAT, true, new ByteArrayInputStream(stream));

    assertThat(result.bytes()).isEqualTo(stream);
    assertThat(result.changes()).isZero();
  }

  @Test
  void aTwentyMegabyteEventPassesAsReceivedHoldingOnlyTheEventBound() {
    long size = 20L << 20;
    byte[] head = utf8("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + PlaceholderRewriter.EMAIL);
    Generated source = new Generated(head, (byte) 'a', size);

    Drained drained = drain(WireTestSupport.OPENAI_CHAT.adapter().rewriteResponse(source, true,
        new PlaceholderRewriter()), source);

    assertThat(drained.bytes).isEqualTo(size);
    assertThat(drained.digest).isEqualTo(new Generated(head, (byte) 'a', size).digest());
    assertThat(drained.maxHeld).isLessThanOrEqualTo(RewrittenBody.DEFAULT_MAX_EVENT_BYTES + 8192L);
    assertThat(drained.unreadable).isEqualTo(1);
  }

  @Test
  void aStreamCutMidEventReleasesWhatWasHeldThenPassesTheCutEvent() {
    String whole = String.format(CHUNK, "Hi <EMAIL_1a") + String.format(CHUNK, "2b> and");
    String cut = whole.substring(0, whole.length() - 20);

    StreamChecks.Result result = read(WireTestSupport.OPENAI_CHAT, true, new ByteArrayInputStream(utf8(cut)));

    assertThat(result.text()).contains("Hi ").contains("<EMAIL_1a").endsWith(cut.substring(cut.lastIndexOf("data:")));
  }

  @Test
  void aStreamResetMidEventRethrowsTheResetAfterWhatCame() {
    byte[] cut = utf8(String.format(CHUNK, "Hi there").substring(0, 40));
    IOException reset = new IOException("connection reset");
    RewrittenBody body = WireTestSupport.OPENAI_CHAT.adapter().rewriteResponse(StreamChecks.pieces(cut, reset), true,
        new PlaceholderRewriter());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> body.transferTo(out)).isSameAs(reset);
    assertThat(out.toByteArray()).isEqualTo(cut);
  }

  @Test
  void bedrockFramesWithABadCrcPassAsReceived() {
    byte[] stream = converseStream();
    stream[stream.length / 2] ^= 0x01;

    checkUnreadableEventStream(stream);
  }

  @Test
  void bedrockFramesWithAnImpossibleLengthPassAsReceivedWithoutAllocatingIt() {
    byte[] stream = converseStream();
    stream[0] = 0x7f; // the first message claims 2 GB
    stream[1] = (byte) 0xff;

    checkUnreadableEventStream(stream);
  }

  @Test
  void bedrockFramesCutMidMessagePassTheCutMessageOn() {
    byte[] whole = converseStream();
    byte[] stream = Arrays.copyOf(whole, whole.length - 7);
    int cutMessage = LAST_MESSAGE_BYTES - 7;

    StreamChecks.Result result = read(CONVERSE_STREAM, true, new ByteArrayInputStream(stream));

    byte[] tail = Arrays.copyOfRange(result.bytes(), result.bytes().length - cutMessage, result.bytes().length);
    assertThat(tail).isEqualTo(Arrays.copyOfRange(stream, stream.length - cutMessage, stream.length));
    assertThat(result.text()).contains(PlaceholderRewriter.EMAIL_VALUE);
    assertThat(result.unreadable()).isEqualTo(1);
  }

  private static void checkUnreadableJson(byte[] body) {
    StreamChecks.Result result = read(WireTestSupport.OPENAI_CHAT, false, new ByteArrayInputStream(body));
    assertThat(result.bytes()).isEqualTo(body);
    assertThat(result.unreadable()).isEqualTo(1);
  }

  private static void checkUnreadableEventStream(byte[] stream) {
    StreamChecks.Result result = read(CONVERSE_STREAM, true, new ByteArrayInputStream(stream));
    assertThat(result.bytes()).isEqualTo(stream);
    assertThat(result.unreadable()).isPositive();
  }

  private static StreamChecks.Result read(Route route, boolean eventStream, InputStream source) {
    return assertTimeoutPreemptively(BOUND, () -> StreamChecks.readAll(
        route.adapter().rewriteResponse(source, eventStream, new PlaceholderRewriter()), 8192));
  }

  private static final int LAST_MESSAGE_BYTES = message("messageStop", "{\"stopReason\":\"end_turn\"}").length;

  private static byte[] converseStream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(message("messageStart", "{\"role\":\"assistant\"}"));
    out.writeBytes(message("contentBlockDelta",
        "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi " + PlaceholderRewriter.EMAIL + "\"}}"));
    out.writeBytes(message("contentBlockStop", "{\"contentBlockIndex\":0}"));
    out.writeBytes(message("messageStop", "{\"stopReason\":\"end_turn\"}"));
    return out.toByteArray();
  }

  private static byte[] message(String type, String json) {
    return EventStreamMessage.of(Map.of(":event-type", type, ":content-type", "application/json",
        ":message-type", "event"), utf8(json)).encode();
  }

  /** Everything the application read, digested, and the most Warden held back at any time. */
  private record Drained(long bytes, byte[] digest, long maxHeld, int unreadable) {}

  private static Drained drain(RewrittenBody body, Generated source) {
    return assertTimeoutPreemptively(BOUND, () -> {
      MessageDigest digest = sha256();
      byte[] buffer = new byte[8192];
      long read = 0;
      long maxHeld = 0;
      int n;
      while ((n = body.read(buffer, 0, buffer.length)) != -1) {
        digest.update(buffer, 0, n);
        read += n;
        maxHeld = Math.max(maxHeld, source.served() - read);
      }
      return new Drained(read, digest.digest(), maxHeld, body.unreadable());
    });
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(UTF_8);
  }

  /** A body of {@code size} bytes made as it is read: {@code head}, then {@code fill}. */
  private static final class Generated extends InputStream {
    final byte[] head;
    private final byte fill;
    private final long size;
    private long position;

    Generated(byte[] head, byte fill, long size) {
      this.head = head;
      this.fill = fill;
      this.size = size;
    }

    long served() {
      return position;
    }

    byte[] digest() {
      MessageDigest digest = sha256();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = read(buffer, 0, buffer.length)) != -1) {
        digest.update(buffer, 0, n);
      }
      return digest.digest();
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        long at = position + i;
        b[off + i] = at < head.length ? head[(int) at] : fill;
      }
      position += n;
      return n;
    }
  }
}
