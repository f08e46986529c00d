package dev.warden.agent.wire.response;

import static dev.warden.agent.wire.WireTestSupport.ANTHROPIC_MESSAGES;
import static dev.warden.agent.wire.WireTestSupport.OPENAI_CHAT;
import static dev.warden.agent.wire.WireTestSupport.OPENAI_EMBEDDINGS;
import static dev.warden.agent.wire.WireTestSupport.OPENAI_RESPONSES;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.wire.Route;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each format's observer, fed through {@link ObservedInputStream} in arbitrary pieces. */
class ResponseObserversTest {

  /** Reads the whole body in random-sized reads; checks the bytes pass unchanged. */
  private static ResponseSummary observe(Route route, boolean stream, byte[] body, long seed) throws IOException {
    ResponseSummary[] seen = new ResponseSummary[1];
    int[] calls = new int[1];
    ObservedInputStream in = new ObservedInputStream(new ByteArrayInputStream(body),
        route.adapter().observeResponse(stream), s -> {
          seen[0] = s;
          calls[0]++;
        });
    Random random = new Random(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64];
    int n;
    while ((n = in.read(buffer, 0, 1 + random.nextInt(buffer.length))) != -1) {
      out.write(buffer, 0, n);
      // a reused read buffer: scribble over it so an observer that kept it would see garbage
      java.util.Arrays.fill(buffer, (byte) '!');
    }
    in.close();
    assertThat(out.toByteArray()).isEqualTo(body);
    assertThat(calls[0]).isEqualTo(1);
    assertThat(in.summary()).isSameAs(seen[0]);
    return seen[0];
  }

  private static ResponseSummary observe(Route route, boolean stream, String body) throws IOException {
    ResponseSummary first = observe(route, stream, body.getBytes(UTF_8), 1);
    for (long seed = 2; seed < 40; seed++) {
      assertThat(observe(route, stream, body.getBytes(UTF_8), seed)).isEqualTo(first);
    }
    return first;
  }

  @Test
  void chatCompletionJson() throws IOException {
    ResponseSummary summary = observe(OPENAI_CHAT, false, ResponseSamples.CHAT_COMPLETION);

    assertThat(summary).isEqualTo(
        new ResponseSummary("gpt-4o-2024-08-06", 1117L, 46L, List.of("stop", "length"), true));
  }

  @Test
  void chatCompletionStream() throws IOException {
    ResponseSummary summary = observe(OPENAI_CHAT, true, ResponseSamples.CHAT_STREAM);

    assertThat(summary).isEqualTo(new ResponseSummary("gpt-4o-mini-2024-07-18", 9L, 12L, List.of("stop"), true));
  }

  @Test
  void chatCompletionStreamWithCrlf() throws IOException {
    ResponseSummary summary = observe(OPENAI_CHAT, true, ResponseSamples.CHAT_STREAM.replace("\n", "\r\n"));

    assertThat(summary).isEqualTo(new ResponseSummary("gpt-4o-mini-2024-07-18", 9L, 12L, List.of("stop"), true));
  }

  @Test
  void chatStreamWithoutUsageOrDoneIsIncomplete() throws IOException {
    String cut = ResponseSamples.CHAT_STREAM.substring(0, ResponseSamples.CHAT_STREAM.indexOf("data: {\"id\":\"chatcmpl-1\","
        + "\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini-2024-07-18\","
        + "\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[]"));

    ResponseSummary summary = observe(OPENAI_CHAT, true, cut);

    assertThat(summary).isEqualTo(new ResponseSummary("gpt-4o-mini-2024-07-18", null, null, List.of("stop"), false));
  }

  @Test
  void responsesJson() throws IOException {
    ResponseSummary summary = observe(OPENAI_RESPONSES, false, ResponseSamples.RESPONSE);

    assertThat(summary).isEqualTo(new ResponseSummary("gpt-4o-2024-08-06", 328L, 52L, List.of("completed"), true));
  }

  @Test
  void responsesStream() throws IOException {
    ResponseSummary summary = observe(OPENAI_RESPONSES, true, ResponseSamples.RESPONSES_STREAM);

    assertThat(summary).isEqualTo(new ResponseSummary("gpt-4.1-2025-04-14", 37L, 11L, List.of("completed"), true));
  }

  @Test
  void responsesStreamIncomplete() throws IOException {
    ResponseSummary summary = observe(OPENAI_RESPONSES, true, ResponseSamples.RESPONSES_STREAM_INCOMPLETE);

    assertThat(summary).isEqualTo(
        new ResponseSummary("gpt-4.1-2025-04-14", 37L, 16L, List.of("max_output_tokens"), true));
  }

  @Test
  void responsesStreamCutBeforeCompletion() throws IOException {
    String stream = ResponseSamples.RESPONSES_STREAM;
    String cut = stream.substring(0, stream.indexOf("event: response.completed") + 60);

    ResponseSummary summary = observe(OPENAI_RESPONSES, true, cut);

    // the in_progress status of response.created is not a finish reason
    assertThat(summary).isEqualTo(new ResponseSummary("gpt-4.1-2025-04-14", null, null, List.of(), false));
  }

  @Test
  void anthropicJson() throws IOException {
    ResponseSummary summary = observe(ANTHROPIC_MESSAGES, false, ResponseSamples.ANTHROPIC_MESSAGE);

    assertThat(summary).isEqualTo(
        new ResponseSummary("claude-sonnet-4-5-20250929", 2095L, 503L, List.of("end_turn"), true));
  }

  @Test
  void anthropicStream() throws IOException {
    ResponseSummary summary = observe(ANTHROPIC_MESSAGES, true, ResponseSamples.ANTHROPIC_STREAM);

    assertThat(summary).isEqualTo(
        new ResponseSummary("claude-sonnet-4-5-20250929", 25L, 15L, List.of("end_turn"), true));
  }

  @Test
  void anthropicStreamWithCumulativeInputTokensInMessageDelta() throws IOException {
    String stream = ResponseSamples.ANTHROPIC_STREAM.replace("\"usage\":{\"output_tokens\":15}",
        "\"usage\":{\"input_tokens\":30,\"output_tokens\":15}");

    assertThat(observe(ANTHROPIC_MESSAGES, true, stream).inputTokens()).isEqualTo(30L);
  }

  @Test
  void anthropicStreamWithoutEventLinesUsesTheDataType() throws IOException {
    String stream = ResponseSamples.ANTHROPIC_STREAM.replaceAll("event: [a-z_]+\n", "");

    assertThat(observe(ANTHROPIC_MESSAGES, true, stream)).isEqualTo(
        new ResponseSummary("claude-sonnet-4-5-20250929", 25L, 15L, List.of("end_turn"), true));
  }

  @Test
  void anthropicStreamCutMidEvent() throws IOException {
    String stream = ResponseSamples.ANTHROPIC_STREAM;
    String cut = stream.substring(0, stream.indexOf("\"usage\":{\"output_tokens\":15}"));

    ResponseSummary summary = observe(ANTHROPIC_MESSAGES, true, cut);

    assertThat(summary).isEqualTo(new ResponseSummary("claude-sonnet-4-5-20250929", 25L, 1L, List.of(), false));
  }

  @Test
  void malformedEventsAreSkipped() throws IOException {
    String stream = "event: message_start\ndata: {not json\n\n"
        + "event: bogus\ndata: [1,2,\n\n"
        + ResponseSamples.ANTHROPIC_STREAM
            .replace("data: {\"type\":\"content_block_stop\",\"index\":0}", "data: {\"type\":")
            .replace("data: {\"type\": \"ping\"}", "data: \u0000\u0001");

    assertThat(observe(ANTHROPIC_MESSAGES, true, stream)).isEqualTo(
        new ResponseSummary("claude-sonnet-4-5-20250929", 25L, 15L, List.of("end_turn"), true));
  }

  @Test
  void embeddingsJson() throws IOException {
    assertThat(observe(OPENAI_EMBEDDINGS, false, ResponseSamples.EMBEDDINGS))
        .isEqualTo(new ResponseSummary("text-embedding-3-small", 8L, null, List.of(), true));
  }

  @Test
  void largeEmbeddingsBodyIsScannedNotBuffered() throws IOException {
    StringBuilder body = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = 0; i < 2000; i++) {
      body.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i).append(",\"embedding\":[");
      for (int j = 0; j < 64; j++) {
        body.append(j == 0 ? "" : ",").append("-0.00").append(j).append("1234e-1");
      }
      body.append("]}");
    }
    body.append("],\"model\":\"text-embedding-3-large\",\"usage\":{\"prompt_tokens\":4000,\"total_tokens\":4000}}");

    ResponseSummary summary = observe(OPENAI_EMBEDDINGS, false, body.toString().getBytes(UTF_8), 7);

    assertThat(summary).isEqualTo(new ResponseSummary("text-embedding-3-large", 4000L, null, List.of(), true));
  }

  @Test
  void truncatedJsonKeepsWhatWasSeen() throws IOException {
    String body = ResponseSamples.CHAT_COMPLETION;
    String cut = body.substring(0, body.indexOf("\"usage\""));

    assertThat(observe(OPENAI_CHAT, false, cut))
        .isEqualTo(new ResponseSummary("gpt-4o-2024-08-06", null, null, List.of("stop", "length"), false));
  }

  @Test
  void nonJsonErrorPageGivesAnEmptySummary() throws IOException {
    assertThat(observe(OPENAI_CHAT, false, "<html><body>502 Bad Gateway</body></html>"))
        .isEqualTo(new ResponseSummary(null, null, null, List.of(), false));
  }

  @Test
  void providerErrorJsonHasNoUsage() throws IOException {
    assertThat(observe(OPENAI_CHAT, false,
        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}"))
        .isEqualTo(new ResponseSummary(null, null, null, List.of(), true));
  }

  @Test
  void closingEarlyReportsWhatWasReadSoFar() throws IOException {
    byte[] body = ResponseSamples.ANTHROPIC_STREAM.getBytes(UTF_8);
    ResponseSummary[] seen = new ResponseSummary[1];
    ObservedInputStream in = new ObservedInputStream(new ByteArrayInputStream(body),
        ANTHROPIC_MESSAGES.adapter().observeResponse(true), s -> seen[0] = s);

    byte[] head = in.readNBytes(ResponseSamples.ANTHROPIC_STREAM.indexOf("event: content_block_start"));
    assertThat(in.summary()).isNull();
    in.close();
    in.close();

    assertThat(head.length).isPositive();
    assertThat(seen[0]).isEqualTo(new ResponseSummary("claude-sonnet-4-5-20250929", 25L, 1L, List.of(), false));
    assertThat(in.summary()).isSameAs(seen[0]);
  }

  @Test
  void singleByteReadsSkipAndTransferToAreObservedToo() throws IOException {
    byte[] body = ResponseSamples.CHAT_STREAM.getBytes(UTF_8);
    ObservedInputStream in = new ObservedInputStream(new ByteArrayInputStream(body),
        OPENAI_CHAT.adapter().observeResponse(true), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    for (int i = 0; i < 50; i++) {
      out.write(in.read());
    }
    long skipped = in.skip(100);
    in.transferTo(out);

    assertThat(skipped).isEqualTo(100);
    assertThat(out.size()).isEqualTo(body.length - 100);
    assertThat(in.summary()).isEqualTo(
        new ResponseSummary("gpt-4o-mini-2024-07-18", 9L, 12L, List.of("stop"), true));
    assertThat(in.markSupported()).isFalse();
  }

  @Test
  void aThrowingObserverOrCallbackNeverReachesTheReader() throws IOException {
    ResponseObserver broken = new ResponseObserver() {
      @Override
      public void onBytes(byte[] bytes, int offset, int length) {
        throw new IllegalStateException("bug");
      }

      @Override
      public ResponseSummary finish() {
        throw new IllegalStateException("bug");
      }
    };
    byte[] body = "{\"model\":\"m\"}".getBytes(UTF_8);
    ObservedInputStream in = new ObservedInputStream(new ByteArrayInputStream(body), broken, s -> {
      throw new IllegalStateException("callback bug");
    });

    assertThat(in.readAllBytes()).isEqualTo(body);
    assertThat(in.read()).isEqualTo(-1);
    assertThat(in.summary()).isEqualTo(ResponseSummary.empty());
  }

  @Test
  void ioErrorsOfTheBodyPassThrough() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };
    ObservedInputStream in = new ObservedInputStream(failing, OPENAI_CHAT.adapter().observeResponse(true), null);

    org.assertj.core.api.Assertions.assertThatThrownBy(in::read).hasMessage("connection reset");
    assertThat(in.summary()).isNull();
  }
}
