package dev.warden.agent.wire.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a server-sent events byte stream into events, incrementally, as the WHATWG
 * {@code text/event-stream} rules say: lines end with LF, CRLF or CR (also when a CRLF is split
 * between two reads); a leading UTF-8 BOM is skipped; lines starting with a colon are comments;
 * {@code data} lines are joined with LF; an empty line dispatches the event, unless it has no data;
 * {@code id} and {@code retry} are ignored. Only the event being assembled is buffered; an event
 * whose data exceeds the size limit is dropped whole. Not thread-safe.
 */
public final class SseEventReader {

  /** Receives each complete event. */
  public interface Listener {

    /**
     * One dispatched event.
     *
     * @param event  the {@code event} field, or null when the event has none ("message")
     * @param data   the joined data lines, UTF-8, in {@code data[0, length)}; the array is reused
     *               after the call returns
     * @param length number of data bytes
     */
    void onEvent(String event, byte[] data, int length);
  }

  /** Default largest event data kept: a Responses {@code response.completed} repeats the whole output. */
  public static final int DEFAULT_MAX_EVENT_BYTES = 16 * 1024 * 1024;

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] DATA = {'d', 'a', 't', 'a'};
  private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};

  private final Listener listener;
  private final int maxEventBytes;
  private byte[] line = new byte[256];
  private int lineLength;
  private byte[] data = new byte[1024];
  private int dataLength;
  private boolean hasData;
  private boolean oversized;
  private String eventName;
  private String lastEventName;
  private boolean afterCr;
  private int bomMatched;
  private boolean started;

  public SseEventReader(Listener listener) {
    this(listener, DEFAULT_MAX_EVENT_BYTES);
  }

  public SseEventReader(Listener listener, int maxEventBytes) {
    if (maxEventBytes <= 0) {
      throw new IllegalArgumentException("maxEventBytes must be positive");
    }
    this.listener = listener;
    this.maxEventBytes = maxEventBytes;
  }

  /** Takes the next bytes of the stream; dispatches every event they complete. */
  public void feed(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int i = started ? offset : skipBom(bytes, offset, end);
    int lineStart = i;
    for (; i < end; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        if (afterCr) {
          afterCr = false; // second half of a CRLF
        } else {
          appendToLine(bytes, lineStart, i);
          endLine();
        }
        lineStart = i + 1;
      } else if (b == '\r') {
        appendToLine(bytes, lineStart, i);
        endLine();
        afterCr = true;
        lineStart = i + 1;
      } else {
        afterCr = false;
      }
    }
    appendToLine(bytes, lineStart, end);
  }

  /**
   * The stream ended. An event without its closing empty line is discarded, as an SSE client
   * would; the reader is then ready for a new stream.
   *
   * @return true when such an unfinished event (or line) was discarded
   */
  public boolean end() {
    boolean cut = lineLength > 0 || hasData || eventName != null;
    lineLength = 0;
    resetEvent();
    afterCr = false;
    bomMatched = 0;
    started = false;
    return cut;
  }

  /** Returns where content starts, after as much of a leading BOM as these bytes hold. */
  private int skipBom(byte[] bytes, int offset, int end) {
    int i = offset;
    while (i < end && bomMatched < BOM.length) {
      if (bytes[i] != BOM[bomMatched]) {
        // not a BOM after all: what was taken for one is content
        appendToLine(BOM, 0, bomMatched);
        started = true;
        return i;
      }
      bomMatched++;
      i++;
    }
    if (bomMatched == BOM.length) {
      started = true;
    }
    return i;
  }

  private void appendToLine(byte[] bytes, int from, int to) {
    int n = to - from;
    if (n <= 0) {
      return;
    }
    if (lineLength + n > maxEventBytes) {
      oversized = true;
      return;
    }
    if (lineLength + n > line.length) {
      line = Arrays.copyOf(line, Math.max(lineLength + n, Math.min(line.length * 2, maxEventBytes)));
    }
    System.arraycopy(bytes, from, line, lineLength, n);
    lineLength += n;
  }

  private void endLine() {
    int length = lineLength;
    lineLength = 0;
    if (length == 0) {
      dispatch();
      return;
    }
    if (line[0] == ':') {
      return;
    }
    int colon = indexOf(line, length, (byte) ':');
    int nameLength = colon < 0 ? length : colon;
    int valueStart = colon < 0 ? length : colon + 1;
    if (valueStart < length && line[valueStart] == ' ') {
      valueStart++;
    }
    if (is(DATA, nameLength)) {
      appendData(valueStart, length);
    } else if (is(EVENT, nameLength)) {
      eventName = eventName(valueStart, length);
    }
  }

  private boolean is(byte[] field, int nameLength) {
    return nameLength == field.length && Arrays.equals(line, 0, nameLength, field, 0, nameLength);
  }

  private void appendData(int from, int to) {
    hasData = true;
    int n = to - from + 1;
    if (oversized || dataLength + n > maxEventBytes) {
      oversized = true;
      return;
    }
    if (dataLength + n > data.length) {
      data = Arrays.copyOf(data, Math.max(dataLength + n, Math.min(data.length * 2, maxEventBytes)));
    }
    System.arraycopy(line, from, data, dataLength, to - from);
    dataLength += n;
    data[dataLength - 1] = '\n';
  }

  /** The event name, reusing the previous event's String when the bytes are the same. */
  private String eventName(int from, int to) {
    String last = lastEventName;
    int n = to - from;
    if (last != null && last.length() == n) {
      boolean same = true;
      for (int i = 0; i < n && same; i++) {
        same = last.charAt(i) == line[from + i];
      }
      if (same) {
        return last;
      }
    }
    lastEventName = new String(line, from, n, StandardCharsets.UTF_8);
    return lastEventName;
  }

  private void dispatch() {
    if (hasData && !oversized) {
      listener.onEvent(eventName, data, dataLength - 1);
    }
    resetEvent();
  }

  private void resetEvent() {
    dataLength = 0;
    hasData = false;
    oversized = false;
    eventName = null;
  }

  private static int indexOf(byte[] bytes, int length, byte b) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
