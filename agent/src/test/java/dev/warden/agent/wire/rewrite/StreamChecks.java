package dev.warden.agent.wire.rewrite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.wire.WireAdapter;
import dev.warden.agent.wire.sse.SseEventReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Drives rewritten bodies the way applications read them, and checks streams from many sides. */
public final class StreamChecks {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StreamChecks() {}

  /** What the application read, and the body's counters at the end. */
  public record Result(byte[] bytes, int changes, int unreadable) {
    public String text() {
      return new String(bytes, UTF_8);
    }
  }

  /** How one format carries a text delta. */
  public record DeltaShape(String field, Function<JsonNode, String> text) {

    /** The delta text of one event's JSON data, or null when the event is no text delta. */
    public String of(String data) {
      try {
        JsonNode node = MAPPER.readTree(data);
        return node == null ? null : text.apply(node);
      } catch (IOException e) {
        return null;
      }
    }
  }

  /**
   * A source that returns the bytes between consecutive cuts, one piece per read (never more than
   * asked), then the end, or {@code failure} when not null.
   */
  public static InputStream pieces(byte[] data, IOException failure, int... cuts) {
    return new InputStream() {
      private int position;
      private int next;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (position >= data.length) {
          if (failure != null) {
            throw failure;
          }
          return -1;
        }
        while (next < cuts.length && cuts[next] <= position) {
          next++;
        }
        int end = next < cuts.length ? Math.min(cuts[next], data.length) : data.length;
        int n = Math.min(len, end - position);
        System.arraycopy(data, position, b, off, n);
        position += n;
        return n;
      }
    };
  }

  /** Where the bytes after the last complete LF-framed event start. */
  private static int afterLastEvent(byte[] stream) {
    for (int i = stream.length - 1; i > 0; i--) {
      if (stream[i] == '\n' && stream[i - 1] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  /** Reads everything with reads of at most {@code readSize} bytes. */
  public static Result readAll(RewrittenBody body, int readSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[readSize];
    try (body) {
      int n;
      while ((n = body.read(buffer, 0, readSize)) != -1) {
        out.write(buffer, 0, n);
        Arrays.fill(buffer, (byte) '!');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(out.toByteArray(), body.changes(), body.unreadable());
  }

  public static Result rewrite(WireAdapter adapter, boolean stream, InputStream source) {
    return readAll(adapter.rewriteResponse(source, stream, new PlaceholderRewriter()), 8192);
  }

  public static Result rewrite(WireAdapter adapter, boolean stream, byte[] body) {
    return rewrite(adapter, stream, pieces(body, null));
  }

  /** The events an SSE client sees: {@code [name, data]}. */
  public static List<String[]> events(byte[] stream) {
    List<String[]> events = new ArrayList<>();
    SseEventReader reader = new SseEventReader((name, data, length) ->
        events.add(new String[] {name, new String(data, 0, length, UTF_8)}));
    reader.feed(stream, 0, stream.length);
    reader.end();
    return events;
  }

  /** Concatenation of the delta texts an application sees. */
  public static String deltas(byte[] stream, DeltaShape shape) {
    StringBuilder text = new StringBuilder();
    for (String[] event : events(stream)) {
      String delta = shape.of(event[1]);
      if (delta != null) {
        text.append(delta);
      }
    }
    return text.toString();
  }

  /** Raw LF-framed events, each with its closing empty line. */
  public static List<String> rawEvents(String stream) {
    List<String> events = new ArrayList<>();
    int from = 0;
    int end;
    while ((end = stream.indexOf("\n\n", from)) >= 0) {
      events.add(stream.substring(from, end + 2));
      from = end + 2;
    }
    if (from < stream.length()) {
      events.add(stream.substring(from));
    }
    return events;
  }

  private static String dataOf(String rawEvent) {
    List<String[]> events = events(rawEvent.getBytes(UTF_8));
    return events.isEmpty() ? null : events.get(0)[1];
  }

  /**
   * The full check of one LF-framed stream whose deltas concatenate to {@link ProviderBodies#TEXT}:
   * the same output for every way the source cuts the bytes and every read size; the deltas the
   * application concatenates equal {@link ProviderBodies#EXPECTED}; every delta event differs from
   * its original only in its text; every other event is the original byte for byte, with
   * placeholders in whole texts restored; exactly {@code inserted} extra delta events.
   *
   * @return the rewritten stream
   */
  public static Result checkStream(WireAdapter adapter, String input, DeltaShape shape, int inserted) {
    return checkStream(adapter, input, shape, ProviderBodies.EXPECTED, ProviderBodies::restoredJson, inserted);
  }

  /**
   * As {@link #checkStream(WireAdapter, String, DeltaShape, int)}, for deltas that concatenate to
   * {@code expected} once rewritten, and other events that must read {@code others} of their
   * original.
   */
  public static Result checkStream(WireAdapter adapter, String input, DeltaShape shape, String expected,
      UnaryOperator<String> others, int inserted) {
    byte[] in = input.getBytes(UTF_8);
    Result whole = rewrite(adapter, true, in);
    for (int cut = 0; cut <= in.length; cut++) {
      assertThat(rewrite(adapter, true, pieces(in, null, cut)).text()).as("cut at %d", cut).isEqualTo(whole.text());
    }
    Random random = new Random(7);
    for (int round = 0; round < 100; round++) {
      int[] cuts = random.ints(1 + random.nextInt(40), 0, in.length + 1).sorted().toArray();
      Result split = readAll(adapter.rewriteResponse(pieces(in, null, cuts), true, new PlaceholderRewriter()),
          1 + random.nextInt(64));
      assertThat(split.text()).as("cuts %s", Arrays.toString(cuts)).isEqualTo(whole.text());
    }
    int[] everyByte = new int[in.length];
    Arrays.setAll(everyByte, i -> i);
    assertThat(readAll(adapter.rewriteResponse(pieces(in, null, everyByte), true, new PlaceholderRewriter()), 1)
        .text()).isEqualTo(whole.text());

    assertThat(deltas(whole.bytes(), shape)).isEqualTo(expected);
    assertThat(whole.unreadable()).isZero();
    assertThat(whole.changes()).isPositive();
    assertThat(alignedInserted(input, whole.text(), shape, others)).isEqualTo(inserted);
    return whole;
  }

  /** Checks the output event by event against the input; returns the number of extra delta events. */
  private static int alignedInserted(String input, String output, DeltaShape shape, UnaryOperator<String> others) {
    List<String> in = rawEvents(input);
    List<String> out = rawEvents(output);
    int j = 0;
    int inserted = 0;
    for (String original : in) {
      String oldText = shape.of(dataOf(original));
      assertThat(j).as("output ended before %s", original).isLessThan(out.size());
      String rewritten = out.get(j++);
      if (oldText != null) {
        String newText = shape.of(dataOf(rewritten));
        assertThat(newText).as("delta for %s", original).isNotNull();
        assertThat(rewritten.replace(shape.field() + ProviderBodies.q(newText), "@"))
            .isEqualTo(original.replace(shape.field() + ProviderBodies.q(oldText), "@"));
        continue;
      }
      String expected = others.apply(original);
      if (!rewritten.equals(expected)) {
        assertThat(shape.of(dataOf(rewritten))).as("extra delta before %s, got %s", original, rewritten)
            .isNotEmpty();
        inserted++;
        assertThat(j).isLessThan(out.size());
        rewritten = out.get(j++);
      }
      assertThat(rewritten).isEqualTo(expected);
    }
    assertThat(j).isEqualTo(out.size());
    return inserted;
  }

  /**
   * The stream cut after every byte, by an end or by an I/O exception: never an exception for
   * content, the text of every complete delta event received comes out restored (what was held back
   * is released), and the unfinished event passes through as received.
   */
  public static void checkCuts(WireAdapter adapter, String input, DeltaShape shape) {
    checkCuts(adapter, input, shape, new PlaceholderRewriter()::rewrite);
  }

  /** As {@link #checkCuts(WireAdapter, String, DeltaShape)}, with the deltas rewritten by {@code rewrite}. */
  public static void checkCuts(WireAdapter adapter, String input, DeltaShape shape, UnaryOperator<String> rewrite) {
    byte[] in = input.getBytes(UTF_8);
    for (int end = 0; end <= in.length; end++) {
      byte[] prefix = Arrays.copyOf(in, end);
      Result cut = rewrite(adapter, true, prefix);
      String received = deltas(prefix, shape);
      assertThat(deltas(cut.bytes(), shape)).as("cut at %d", end)
          .isEqualTo(rewrite.apply(received));
      byte[] tail = Arrays.copyOfRange(prefix, afterLastEvent(prefix), prefix.length);
      assertThat(Arrays.copyOfRange(cut.bytes(), cut.bytes().length - tail.length, cut.bytes().length))
          .as("tail at %d", end).isEqualTo(tail);

      IOException reset = new IOException("connection reset");
      RewrittenBody failing = adapter.rewriteResponse(pieces(prefix, reset), true, new PlaceholderRewriter());
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buffer = new byte[100];
      IOException thrown = null;
      try {
        int n;
        while ((n = failing.read(buffer, 0, buffer.length)) != -1) {
          got.write(buffer, 0, n);
        }
      } catch (IOException e) {
        thrown = e;
      }
      assertThat(thrown).as("failure at %d", end).isSameAs(reset);
      assertThat(got.toByteArray()).as("released before failure at %d", end).isEqualTo(cut.bytes());
    }
  }
}
