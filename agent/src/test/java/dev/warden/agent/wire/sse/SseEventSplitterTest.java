package dev.warden.agent.wire.sse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SseEventSplitterTest {

  /** Records the stream as "E:" events and "P:" pass-through pieces, and everything in order. */
  private static final class Recorder implements SseEventSplitter.Listener {
    final List<String> parts = new ArrayList<>();
    final ByteArrayOutputStream all = new ByteArrayOutputStream();
    int oversized;

    @Override
    public void onEvent(byte[] raw, int length) {
      parts.add("E:" + new String(raw, 0, length, UTF_8));
      all.write(raw, 0, length);
    }

    @Override
    public void onPassThrough(byte[] bytes, int offset, int length) {
      parts.add("P:" + new String(bytes, offset, length, UTF_8));
      all.write(bytes, offset, length);
    }

    @Override
    public void onOversized() {
      oversized++;
    }
  }

  private static final String STREAM = "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
      + ": keep-alive\n\n"
      + "id: 7\ndata: {\"a\":\n data: \"héllo 😀\"}\n\n"
      + "\n"
      + "data: [DONE]\n\n"
      + "data: cut";

  private static Recorder split(byte[] stream, int max, int... cuts) {
    Recorder recorder = new Recorder();
    SseEventSplitter splitter = new SseEventSplitter(recorder, max);
    int from = 0;
    for (int cut : cuts) {
      splitter.feed(stream, from, cut - from);
      from = cut;
    }
    splitter.feed(stream, from, stream.length - from);
    splitter.end();
    return recorder;
  }

  @Test
  void splitsIntoRawEventsKeepingEveryByte() {
    Recorder recorder = split(STREAM.getBytes(UTF_8), 1024);

    assertThat(recorder.parts).containsExactly(
        "E:event: message_start\ndata: {\"type\":\"message_start\"}\n\n",
        "E:: keep-alive\n\n",
        "E:id: 7\ndata: {\"a\":\n data: \"héllo 😀\"}\n\n",
        "E:\n",
        "E:data: [DONE]\n\n",
        "P:data: cut");
  }

  @Test
  void crEndsAnEventAtOnceAndItsLfPassesOnItsOwn() {
    Recorder recorder = new Recorder();
    SseEventSplitter splitter = new SseEventSplitter(recorder, 1024);
    byte[] first = "data: a\r\n\r".getBytes(UTF_8);

    splitter.feed(first, 0, first.length);
    assertThat(recorder.parts).containsExactly("E:data: a\r\n\r");

    byte[] rest = "\ndata: b\r\rdata: c\n\n".getBytes(UTF_8);
    splitter.feed(rest, 0, rest.length);
    assertThat(recorder.parts).containsExactly("E:data: a\r\n\r", "P:\n", "E:data: b\r\r", "E:data: c\n\n");
  }

  @Test
  void everySplitOfEveryLineEndingKeepsTheBytesAndTheEvents() {
    for (String ending : List.of("\n", "\r\n", "\r")) {
      byte[] stream = ("\uFEFF" + STREAM.replace("\n", ending)).getBytes(UTF_8);
      List<String> events = events(split(stream, 1024));
      for (int a = 0; a <= stream.length; a++) {
        for (int b = a; b <= stream.length; b += 5) {
          Recorder recorder = split(stream, 1024, a, b);
          assertThat(recorder.all.toByteArray()).isEqualTo(stream);
          assertThat(events(recorder)).as("cuts %d %d", a, b).isEqualTo(events);
        }
      }
      assertThat(events).hasSize(5);
    }
  }

  private static List<String> events(Recorder recorder) {
    List<String> events = new ArrayList<>();
    for (String part : recorder.parts) {
      if (part.startsWith("E:")) {
        events.add(part);
      }
    }
    return events;
  }

  @Test
  void leadingBomPassesOnItsOwn() {
    Recorder recorder = split(("\uFEFFdata: x\n\n").getBytes(UTF_8), 1024, 1, 2);

    assertThat(recorder.parts).containsExactly("P:\uFEFF", "E:data: x\n\n");
  }

  @Test
  void oversizedEventPassesThroughAndTheNextIsAnEventAgain() {
    String big = "data: " + "x".repeat(100) + "\n\n";
    byte[] stream = (big + "data: y\n\n").getBytes(UTF_8);
    Random random = new Random(3);
    for (int round = 0; round < 200; round++) {
      int[] cuts = random.ints(random.nextInt(6), 0, stream.length + 1).sorted().toArray();
      Recorder recorder = split(stream, 20, cuts);
      assertThat(recorder.all.toByteArray()).isEqualTo(stream);
      assertThat(recorder.oversized).isEqualTo(1);
      assertThat(recorder.parts.get(recorder.parts.size() - 1)).isEqualTo("E:data: y\n\n");
      assertThat(events(recorder)).hasSize(1);
    }
  }

  @Test
  void endReportsACutEvent() {
    Recorder recorder = new Recorder();
    SseEventSplitter splitter = new SseEventSplitter(recorder, 1024);
    byte[] bytes = "data: a\n\ndata: b\n".getBytes(UTF_8);
    splitter.feed(bytes, 0, bytes.length);

    assertThat(splitter.end()).isTrue();
    assertThat(splitter.end()).isFalse();
    assertThat(recorder.parts).containsExactly("E:data: a\n\n", "P:data: b\n");
  }
}
