package dev.warden.agent.wire.sse;

import java.util.Arrays;

/**
 * Splits a server-sent events byte stream into raw events, incrementally, keeping every byte, so
 * that a rewriter can pass the events it does not change through exactly as received. An event is
 * its lines up to and including the empty line that ends it; lines end with LF, CRLF or CR as in
 * {@link SseEventReader}. Bytes that belong to no event are handed on separately, in stream order:
 * a leading UTF-8 BOM, and the LF of a CRLF whose CR already ended an event (an event is handed on
 * at its CR, without waiting for a byte that may never come). An event over the size limit is not
 * buffered further: its bytes are handed on as they arrive. Not thread-safe.
 */
public final class SseEventSplitter {

  /** Receives the stream, in order, as events and pass-through bytes. */
  public interface Listener {

    /**
     * One complete event, from the first byte of its first line to the end of the empty line that
     * ends it; a blank line or a comment-only block is an event too.
     *
     * @param raw    the event's bytes in {@code raw[0, length)}; the array is reused after the call
     * @param length number of bytes
     */
    void onEvent(byte[] raw, int length);

    /**
     * Bytes to pass on unchanged: see the class comment, the bytes of an oversized event, and at
     * {@link #end()} an unfinished event. The array is only read during the call.
     */
    void onPassThrough(byte[] bytes, int offset, int length);

    /** The event being read outgrew the limit; its bytes go to {@link #onPassThrough} from now on. */
    void onOversized();
  }

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Listener listener;
  private final int maxEventBytes;
  private byte[] buffer = new byte[512];
  private int length;
  /** Bytes of the current line before its terminator. */
  private long lineLength;
  private boolean afterCr;
  /** The last CR ended an event: an LF right after it is passed through on its own. */
  private boolean crEndedEvent;
  private boolean oversized;
  private int bomMatched;
  private boolean started;

  public SseEventSplitter(Listener listener, int maxEventBytes) {
    if (maxEventBytes <= 0) {
      throw new IllegalArgumentException("maxEventBytes must be positive");
    }
    this.listener = listener;
    this.maxEventBytes = maxEventBytes;
  }

  /** Takes the next bytes of the stream; hands on every event they complete. */
  public void feed(byte[] bytes, int offset, int count) {
    int end = offset + count;
    int i = offset;
    if (!started) {
      i = matchBom(bytes, i, end);
      if (!started) {
        return;
      }
    }
    int from = i;
    for (; i < end; i++) {
      byte b = bytes[i];
      if (b == '\n' && afterCr) {
        afterCr = false;
        if (crEndedEvent) {
          crEndedEvent = false;
          listener.onPassThrough(bytes, i, 1);
          from = i + 1;
        }
      } else if (b == '\n' || b == '\r') {
        from = endLine(bytes, from, i);
        afterCr = b == '\r';
      } else {
        afterCr = false;
        crEndedEvent = false;
        lineLength++;
      }
    }
    take(bytes, from, end);
  }

  /**
   * The stream ended: hands an unfinished event (or a partial BOM) to
   * {@link Listener#onPassThrough} and resets for a new stream.
   *
   * @return true when the stream ended inside an event
   */
  public boolean end() {
    boolean cut = length > 0 || oversized || (!started && bomMatched > 0);
    if (!started && bomMatched > 0) {
      listener.onPassThrough(BOM, 0, bomMatched);
    }
    if (length > 0) {
      listener.onPassThrough(buffer, 0, length);
    }
    length = 0;
    lineLength = 0;
    afterCr = false;
    crEndedEvent = false;
    oversized = false;
    bomMatched = 0;
    started = false;
    return cut;
  }

  /** Ends the line whose terminator is at {@code i}; returns where the bytes not yet taken start. */
  private int endLine(byte[] bytes, int from, int i) {
    boolean blank = lineLength == 0;
    lineLength = 0;
    crEndedEvent = false;
    if (!blank) {
      return from;
    }
    take(bytes, from, i + 1);
    if (oversized) {
      oversized = false;
    } else {
      int n = length;
      length = 0;
      listener.onEvent(buffer, n);
    }
    crEndedEvent = bytes[i] == '\r';
    return i + 1;
  }

  private void take(byte[] bytes, int from, int to) {
    int n = to - from;
    if (n <= 0) {
      return;
    }
    if (oversized) {
      listener.onPassThrough(bytes, from, n);
      return;
    }
    if ((long) length + n > maxEventBytes) {
      oversized = true;
      listener.onOversized();
      if (length > 0) {
        listener.onPassThrough(buffer, 0, length);
        length = 0;
      }
      listener.onPassThrough(bytes, from, n);
      return;
    }
    if (length + n > buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min(maxEventBytes, Math.max((long) length + n, buffer.length * 2L)));
    }
    System.arraycopy(bytes, from, buffer, length, n);
    length += n;
  }

  /** Matches a leading BOM, passing it on once whole; returns where content starts. */
  private int matchBom(byte[] bytes, int offset, int end) {
    int i = offset;
    while (i < end && bomMatched < BOM.length) {
      if (bytes[i] != BOM[bomMatched]) {
        // not a BOM after all: the bytes taken for one are content
        started = true;
        lineLength += bomMatched;
        take(BOM, 0, bomMatched);
        return i;
      }
      bomMatched++;
      i++;
    }
    if (bomMatched == BOM.length) {
      started = true;
      listener.onPassThrough(BOM, 0, BOM.length);
    }
    return i;
  }
}
