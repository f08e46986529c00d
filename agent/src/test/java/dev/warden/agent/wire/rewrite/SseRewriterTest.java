package dev.warden.agent.wire.rewrite;

import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL;
import static dev.warden.agent.wire.rewrite.PlaceholderRewriter.EMAIL_VALUE;
import static dev.warden.agent.wire.rewrite.ProviderBodies.DELTAS;
import static dev.warden.agent.wire.rewrite.ProviderBodies.EXPECTED;
import static dev.warden.agent.wire.rewrite.ProviderBodies.chatStream;
import static dev.warden.agent.wire.rewrite.ProviderBodies.q;
import static dev.warden.agent.wire.rewrite.ProviderBodies.responsesStream;
import static dev.warden.agent.wire.rewrite.StreamChecks.deltas;
import static dev.warden.agent.wire.rewrite.StreamChecks.events;
import static dev.warden.agent.wire.rewrite.StreamChecks.pieces;
import static dev.warden.agent.wire.rewrite.StreamChecks.rawEvents;
import static dev.warden.agent.wire.rewrite.StreamChecks.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.wire.anthropic.MessageTexts;
import dev.warden.agent.wire.openai.ChatCompletionTexts;
import dev.warden.agent.wire.openai.ResponseTexts;
import dev.warden.agent.wire.rewrite.StreamChecks.DeltaShape;
import dev.warden.agent.wire.rewrite.StreamChecks.Result;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream machinery, driven through the Chat Completions and Responses formats. */
class SseRewriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final DeltaShape CHAT = new DeltaShape("\"content\":", node -> {
    if (!node.has("choices") || node.get("choices").isEmpty()) {
      return null;
    }
    var content = node.get("choices").get(0).path("delta").get("content");
    return content != null && content.isTextual() ? content.textValue() : null;
  });

  private static Result chat(byte[] input, int... cuts) {
    return readAll(new SseRewriter(pieces(input, null, cuts), ChatCompletionTexts.INSTANCE,
        new PlaceholderRewriter(), RewrittenBody.DEFAULT_MAX_EVENT_BYTES), 4096);
  }

  private static int[] everyByte(byte[] input) {
    int[] cuts = new int[input.length];
    Arrays.setAll(cuts, i -> i);
    return cuts;
  }

  @Test
  void malformedEventsPassThroughAndAreCounted() {
    List<String> events = rawEvents(chatStream(DELTAS));
    String notJson = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + EMAIL + "\"\n\n";
    String repeatedKey = "data: {\"id\":\"" + EMAIL + "\",\"id\":\"x\",\"choices\":[]}\n\n";
    String text = "data: hello " + EMAIL + "\n\n";
    String input = String.join("", events.subList(0, 5)) + notJson + repeatedKey + text
        + String.join("", events.subList(5, events.size()));

    Result result = chat(input.getBytes(UTF_8));

    assertThat(result.unreadable()).isEqualTo(3);
    assertThat(result.text()).contains(notJson, repeatedKey, text);
    assertThat(deltas(result.bytes(), CHAT)).isEqualTo(EXPECTED);
  }

  @Test
  void oversizedEventPassesThroughUnreadAndTheRestIsRewritten() {
    String input = responsesStream(DELTAS);
    List<String> events = rawEvents(input);
    String completed = events.get(events.size() - 1);
    int bound = completed.getBytes(UTF_8).length - 1;
    for (String event : events.subList(0, events.size() - 1)) {
      assertThat(event.getBytes(UTF_8).length).isLessThanOrEqualTo(bound);
    }
    byte[] bytes = input.getBytes(UTF_8);
    Result whole = null;
    for (int cut = 0; cut <= bytes.length; cut += 7) {
      Result result = readAll(new SseRewriter(pieces(bytes, null, cut, cut + 3), ResponseTexts.INSTANCE,
          new PlaceholderRewriter(), bound), 100);
      if (whole == null) {
        whole = result;
      }
      assertThat(result.text()).as("cut at %d", cut).isEqualTo(whole.text());
    }

    // the completed event goes out as received, placeholders and all; everything before it is restored
    assertThat(whole.text()).endsWith(completed);
    assertThat(whole.unreadable()).isEqualTo(1);
    assertThat(whole.text().substring(0, whole.text().length() - completed.length()))
        .doesNotContain(EMAIL).contains(EMAIL_VALUE);
  }

  @Test
  void crlfAndCrStreamsKeepTheirLineEndings() {
    String lf = chatStream(List.of("Mail <EMA", "IL_1a2b> now <EM"));
    String expected = chat(lf.getBytes(UTF_8)).text();
    for (String ending : List.of("\r\n", "\r")) {
      byte[] input = lf.replace("\n", ending).getBytes(UTF_8);
      assertThat(chat(input).text()).isEqualTo(expected.replace("\n", ending));
      assertThat(chat(input, everyByte(input)).text()).isEqualTo(expected.replace("\n", ending));
      for (int cut = 0; cut <= input.length; cut++) {
        assertThat(chat(input, cut).text()).as("cut at %d", cut).isEqualTo(expected.replace("\n", ending));
      }
    }
  }

  @Test
  void commentsIdsRetryAndMultiLineDataAreKept() {
    String input = ": keep-alive\n\n"
        + "id: 41\nevent: content_block_delta\n: a comment inside\n"
        + "data: {\"type\":\"content_block_delta\",\"index\":0,\n"
        + "data:\"delta\":{\"type\":\"text_delta\",\"text\":\"Mail " + EMAIL + "\"}}\nretry: 3000\n\n"
        + ":\n\n\n"
        + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n";

    Result result = readAll(new SseRewriter(new ByteArrayInputStream(input.getBytes(UTF_8)), MessageTexts.INSTANCE,
        new PlaceholderRewriter(), RewrittenBody.DEFAULT_MAX_EVENT_BYTES), 4096);

    assertThat(result.text()).isEqualTo(input.replace("Mail " + EMAIL, "Mail " + EMAIL_VALUE));
  }

  @Test
  void leadingBomPassesThrough() {
    byte[] stream = chatStream(DELTAS).getBytes(UTF_8);
    byte[] input = new byte[stream.length + 3];
    input[0] = (byte) 0xEF;
    input[1] = (byte) 0xBB;
    input[2] = (byte) 0xBF;
    System.arraycopy(stream, 0, input, 3, stream.length);
    byte[] expected = chat(stream).bytes();

    for (int cut = 0; cut <= 8; cut++) {
      byte[] output = chat(input, cut).bytes();
      assertThat(Arrays.copyOfRange(output, 0, 3)).isEqualTo(Arrays.copyOfRange(input, 0, 3));
      assertThat(Arrays.copyOfRange(output, 3, output.length)).as("cut at %d", cut).isEqualTo(expected);
    }
  }

  /** Serves scripted reads; a read past the script is one that would block, and fails the test. */
  private static final class ScriptedSource extends InputStream {
    final Deque<byte[]> reads = new ArrayDeque<>();
    int calls;

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      calls++;
      byte[] next = reads.poll();
      if (next == null) {
        throw new AssertionError("read would block");
      }
      assertThat(next.length).isLessThanOrEqualTo(len);
      System.arraycopy(next, 0, b, off, next.length);
      return next.length;
    }
  }

  @Test
  void eachEventGoesOutAsSoonAsItIsCompleteWithoutReadingAhead() throws IOException {
    List<String> events = rawEvents(chatStream(List.of("Hello <EMA", "IL_1a2b>!")));
    ScriptedSource source = new ScriptedSource();
    // the role chunk, then the first delta split in two reads
    source.reads.add(events.get(0).getBytes(UTF_8));
    String delta = events.get(1);
    source.reads.add(delta.substring(0, 50).getBytes(UTF_8));
    source.reads.add(delta.substring(50).getBytes(UTF_8));
    RewrittenBody body = new SseRewriter(source, ChatCompletionTexts.INSTANCE, new PlaceholderRewriter(),
        RewrittenBody.DEFAULT_MAX_EVENT_BYTES);
    byte[] buffer = new byte[8192];

    int n = body.read(buffer, 0, buffer.length);
    assertThat(new String(buffer, 0, n, UTF_8)).isEqualTo(events.get(0));
    assertThat(source.calls).isEqualTo(1);

    n = body.read(buffer, 0, buffer.length);
    assertThat(new String(buffer, 0, n, UTF_8)).isEqualTo(delta.replace(q("Hello <EMA"), q("Hello ")));
    assertThat(source.calls).isEqualTo(3);
    assertThat(body.available()).isZero();

    source.reads.add(events.get(2).getBytes(UTF_8));
    n = body.read(buffer, 0, buffer.length);
    assertThat(new String(buffer, 0, n, UTF_8)).isEqualTo(events.get(2).replace(q("IL_1a2b>!"), q(EMAIL_VALUE + "!")));
    assertThat(source.calls).isEqualTo(4);
  }

  @Test
  void surrogatePairsStayWholeWhateverTheRewriterReleases() throws IOException {
    // releases everything but the last character it was given: cuts pairs in half
    CompletionRewriter oneBehind = new CompletionRewriter() {
      @Override
      public String rewrite(String text) {
        return text;
      }

      @Override
      public Channel channel() {
        return new Channel() {
          private String held = "";

          @Override
          public String feed(String delta) {
            String all = held + delta;
            if (all.isEmpty()) {
              return "";
            }
            held = all.substring(all.length() - 1);
            return all.substring(0, all.length() - 1);
          }

          @Override
          public String finish() {
            String rest = held;
            held = "";
            return rest;
          }
        };
      }

      @Override
      public CompletionRewriter forJsonText() {
        return this;
      }
    };
    String text = "a\ud83d\ude00b\ud83d\ude00\ud83d\ude00c\ud83d\ude00";
    byte[] input = chatStream(List.of("a\ud83d\ude00", "b\ud83d\ude00\ud83d\ude00", "c", "\ud83d\ude00"))
        .getBytes(UTF_8);

    Result result = readAll(new SseRewriter(new ByteArrayInputStream(input), ChatCompletionTexts.INSTANCE, oneBehind,
        RewrittenBody.DEFAULT_MAX_EVENT_BYTES), 4096);

    assertThat(deltas(result.bytes(), CHAT)).isEqualTo(text);
    for (String[] event : events(result.bytes())) {
      if (!event[1].equals("[DONE]")) {
        String delta = CHAT.of(event[1]);
        assertThat(delta == null || wellFormed(delta)).as(event[1]).isTrue();
        MAPPER.readTree(event[1]);
      }
    }
    assertThat(result.unreadable()).isZero();
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i))) {
          return false;
        }
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void aFailingRewriterNeverReachesTheApplication() {
    CompletionRewriter broken = new CompletionRewriter() {
      @Override
      public String rewrite(String text) {
        throw new IllegalStateException("bug");
      }

      @Override
      public Channel channel() {
        throw new IllegalStateException("bug");
      }

      @Override
      public CompletionRewriter forJsonText() {
        return this;
      }
    };
    byte[] input = chatStream(DELTAS).getBytes(UTF_8);

    Result result = readAll(new SseRewriter(new ByteArrayInputStream(input), ChatCompletionTexts.INSTANCE, broken,
        RewrittenBody.DEFAULT_MAX_EVENT_BYTES), 4096);

    assertThat(result.bytes()).isEqualTo(input);
    assertThat(result.unreadable()).isEqualTo(DELTAS.size() + 1);
  }

  @Test
  void closeClosesTheSourceAndEndsReading() throws IOException {
    boolean[] closed = new boolean[1];
    InputStream source = new ByteArrayInputStream(chatStream(DELTAS).getBytes(UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    RewrittenBody body = new SseRewriter(source, ChatCompletionTexts.INSTANCE, new PlaceholderRewriter(),
        RewrittenBody.DEFAULT_MAX_EVENT_BYTES);
    assertThat(body.read()).isEqualTo('d');

    body.close();

    assertThat(closed[0]).isTrue();
    assertThatThrownBy(body::read).isInstanceOf(IOException.class);
  }

  @Test
  void streamWithoutTextIsByteIdentical() {
    byte[] input = chatStream(List.of("No placeholder ", "here, <EMAIL_ffff> is not ours.")).getBytes(UTF_8);

    Result result = chat(input, everyByte(input));

    assertThat(result.bytes()).isEqualTo(input);
    assertThat(result.changes()).isZero();
  }
}
