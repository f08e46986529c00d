package dev.warden.agent.wire.sse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SseEventReaderTest {

  /** Events as "name|data" strings, name "null" when absent. */
  private static final class Recorder implements SseEventReader.Listener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onEvent(String event, byte[] data, int length) {
      events.add(event + "|" + new String(data, 0, length, UTF_8));
    }
  }

  private static final String ANTHROPIC = "event: message_start\n"
      + "data: {\"type\":\"message_start\"}\n\n"
      + ": keep-alive comment\n\n"
      + "event: ping\ndata: {\"type\": \"ping\"}\n\n"
      + "event: content_block_delta\n"
      + "data: {\"type\":\"content_block_delta\",\"delta\":{\"text\":\"héllo 😀\"}}\n\n"
      + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

  private static final List<String> ANTHROPIC_EVENTS = List.of(
      "message_start|{\"type\":\"message_start\"}",
      "ping|{\"type\": \"ping\"}",
      "content_block_delta|{\"type\":\"content_block_delta\",\"delta\":{\"text\":\"héllo 😀\"}}",
      "message_stop|{\"type\":\"message_stop\"}");

  private static List<String> read(byte[] stream, int... cuts) {
    Recorder recorder = new Recorder();
    SseEventReader reader = new SseEventReader(recorder);
    int from = 0;
    for (int cut : cuts) {
      reader.feed(stream, from, cut - from);
      from = cut;
    }
    reader.feed(stream, from, stream.length - from);
    reader.end();
    return recorder.events;
  }

  private static List<String> read(String stream) {
    return read(stream.getBytes(UTF_8));
  }

  @Test
  void splitsEvents() {
    assertThat(read(ANTHROPIC)).containsExactlyElementsOf(ANTHROPIC_EVENTS);
  }

  @Test
  void crlfAndCrLineEndings() {
    assertThat(read(ANTHROPIC.replace("\n", "\r\n"))).containsExactlyElementsOf(ANTHROPIC_EVENTS);
    assertThat(read(ANTHROPIC.replace("\n", "\r"))).containsExactlyElementsOf(ANTHROPIC_EVENTS);
  }

  @Test
  void everyTwoWaySplitGivesTheSameEvents() {
    for (String variant : List.of(ANTHROPIC, ANTHROPIC.replace("\n", "\r\n"), ANTHROPIC.replace("\n", "\r"))) {
      byte[] stream = variant.getBytes(UTF_8);
      for (int cut = 0; cut <= stream.length; cut++) {
        assertThat(read(stream, cut)).as("cut at %d", cut).containsExactlyElementsOf(ANTHROPIC_EVENTS);
      }
    }
  }

  @Test
  void randomChunkingGivesTheSameEvents() {
    byte[] stream = ANTHROPIC.replace("\n", "\r\n").getBytes(UTF_8);
    Random random = new Random(42);
    for (int round = 0; round < 500; round++) {
      Recorder recorder = new Recorder();
      SseEventReader reader = new SseEventReader(recorder);
      int i = 0;
      while (i < stream.length) {
        int n = Math.min(stream.length - i, random.nextInt(7));
        // also feed from a shifted copy, as a reused read buffer would hold them
        byte[] buffer = new byte[n + 3];
        System.arraycopy(stream, i, buffer, 3, n);
        reader.feed(buffer, 3, n);
        i += n;
      }
      assertThat(reader.end()).isFalse();
      assertThat(recorder.events).containsExactlyElementsOf(ANTHROPIC_EVENTS);
    }
  }

  @Test
  void multiLineDataIsJoinedWithLf() {
    assertThat(read("data: first\ndata:second\ndata:  third\n\n"))
        .containsExactly("null|first\nsecond\n third");
    assertThat(read("data\n\n")).containsExactly("null|");
    assertThat(read("data:\ndata:\n\n")).containsExactly("null|\n");
  }

  @Test
  void eventsWithoutDataAreNotDispatched() {
    assertThat(read("event: ping\n\n: comment\n\nid: 7\nretry: 100\n\ndata: x\n\n")).containsExactly("null|x");
  }

  @Test
  void eventNameDoesNotLeakIntoTheNextEvent() {
    assertThat(read("event: a\ndata: 1\n\ndata: 2\n\n")).containsExactly("a|1", "null|2");
  }

  @Test
  void unknownFieldsAndNamesWithoutColonAreIgnored() {
    assertThat(read("foo: bar\ndatax: y\ndata\nevent\ndata: z\n\n")).containsExactly("|\nz");
  }

  @Test
  void streamCutMidEventDropsThatEventOnly() {
    Recorder recorder = new Recorder();
    SseEventReader reader = new SseEventReader(recorder);
    byte[] stream = "data: {\"a\":1}\n\ndata: {\"b\":".getBytes(UTF_8);

    reader.feed(stream, 0, stream.length);

    assertThat(reader.end()).isTrue();
    assertThat(recorder.events).containsExactly("null|{\"a\":1}");
  }

  @Test
  void lastEventWithoutBlankLineIsNotDispatched() {
    Recorder recorder = new Recorder();
    SseEventReader reader = new SseEventReader(recorder);
    byte[] stream = "data: [DONE]\n".getBytes(UTF_8);

    reader.feed(stream, 0, stream.length);

    assertThat(reader.end()).isTrue();
    assertThat(recorder.events).isEmpty();
  }

  @Test
  void leadingByteOrderMarkIsSkippedEvenWhenSplit() {
    byte[] text = "data: x\n\n".getBytes(UTF_8);
    byte[] stream = new byte[text.length + 3];
    stream[0] = (byte) 0xEF;
    stream[1] = (byte) 0xBB;
    stream[2] = (byte) 0xBF;
    System.arraycopy(text, 0, stream, 3, text.length);

    for (int cut = 0; cut <= stream.length; cut++) {
      assertThat(read(stream, cut)).as("cut at %d", cut).containsExactly("null|x");
    }
    assertThat(read(stream, 1, 2)).containsExactly("null|x");
  }

  @Test
  void partialByteOrderMarkIsContent() {
    byte[] stream = {(byte) 0xEF, (byte) 0xBB, 'd', 'a', 't', 'a', ':', 'x', '\n', '\n', 'd', 'a', 't', 'a', ':', 'y',
        '\n', '\n'};

    assertThat(read(stream, 1)).containsExactly("null|y");
  }

  @Test
  void oversizedEventIsDroppedAndTheNextOneStillArrives() {
    Recorder recorder = new Recorder();
    SseEventReader reader = new SseEventReader(recorder, 64);
    byte[] stream = ("data: " + "x".repeat(100) + "\n\ndata: " + "y".repeat(30) + "\ndata: " + "z".repeat(40)
        + "\n\ndata: ok\n\n").getBytes(UTF_8);

    for (int i = 0; i < stream.length; i += 10) {
      reader.feed(stream, i, Math.min(10, stream.length - i));
    }

    assertThat(recorder.events).containsExactly("null|ok");
  }

  @Test
  void readerIsReusableAfterEnd() {
    Recorder recorder = new Recorder();
    SseEventReader reader = new SseEventReader(recorder);
    byte[] first = "event: a\ndata: 1".getBytes(UTF_8);
    byte[] second = "data: 2\n\n".getBytes(UTF_8);

    reader.feed(first, 0, first.length);
    reader.end();
    reader.feed(second, 0, second.length);

    assertThat(recorder.events).containsExactly("null|2");
  }
}
