package dev.warden.agent.wire.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of one raw event from {@link SseEventSplitter}: its {@code event} name, its data (the
 * {@code data} lines joined with LF, as an SSE client sees it), and enough of its layout to write
 * the same event with other data while keeping every other line, each field prefix and each line
 * ending as received. Reads the raw bytes in place: valid only while they are. Not thread-safe.
 */
public final class RawSseEvent {

  private static final byte[] LF = {'\n'};
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] CR = {'\r'};

  private byte[] raw;
  private int length;
  private String name;
  private int firstLineEnd;
  private int firstTerminatorEnd;
  /** Per data line: start of line, start of value, end of value, end of terminator. */
  private int[] dataLines = new int[16];
  private int dataCount;

  /**
   * Reads the event in {@code raw[0, length)}; the previous event's layout is forgotten.
   *
   * @return this
   */
  public RawSseEvent parse(byte[] raw, int length) {
    this.raw = raw;
    this.length = length;
    this.name = null;
    this.dataCount = 0;
    this.firstLineEnd = -1;
    int i = 0;
    while (i < length) {
      int contentEnd = i;
      while (contentEnd < length && raw[contentEnd] != '\n' && raw[contentEnd] != '\r') {
        contentEnd++;
      }
      int lineEnd = contentEnd;
      if (lineEnd < length) {
        lineEnd += raw[lineEnd] == '\r' && lineEnd + 1 < length && raw[lineEnd + 1] == '\n' ? 2 : 1;
      }
      if (firstLineEnd < 0) {
        firstLineEnd = contentEnd;
        firstTerminatorEnd = lineEnd;
      }
      field(i, contentEnd, lineEnd);
      i = lineEnd;
    }
    return this;
  }

  private void field(int start, int contentEnd, int lineEnd) {
    if (start == contentEnd || raw[start] == ':') {
      return;
    }
    int colon = start;
    while (colon < contentEnd && raw[colon] != ':') {
      colon++;
    }
    int valueStart = colon < contentEnd ? colon + 1 : contentEnd;
    if (valueStart < contentEnd && raw[valueStart] == ' ') {
      valueStart++;
    }
    int nameLength = colon - start;
    if (is("data", start, nameLength)) {
      if (dataCount * 4 == dataLines.length) {
        dataLines = Arrays.copyOf(dataLines, dataLines.length * 2);
      }
      int k = dataCount++ * 4;
      dataLines[k] = start;
      dataLines[k + 1] = valueStart;
      dataLines[k + 2] = contentEnd;
      dataLines[k + 3] = lineEnd;
    } else if (is("event", start, nameLength)) {
      name = new String(raw, valueStart, contentEnd - valueStart, StandardCharsets.UTF_8);
    }
  }

  private boolean is(String field, int start, int nameLength) {
    if (nameLength != field.length()) {
      return false;
    }
    for (int k = 0; k < nameLength; k++) {
      if (raw[start + k] != field.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the event has data, i.e. whether an SSE client would dispatch it. */
  public boolean hasData() {
    return dataCount > 0;
  }

  /** The {@code event} field (the last one), or null when there is none. */
  public String name() {
    return name;
  }

  /** The data lines' values joined with LF, in a new array. */
  public byte[] data() {
    int size = dataCount - 1;
    for (int d = 0; d < dataCount; d++) {
      size += dataLines[d * 4 + 2] - dataLines[d * 4 + 1];
    }
    byte[] data = new byte[Math.max(size, 0)];
    int to = 0;
    for (int d = 0; d < dataCount; d++) {
      if (d > 0) {
        data[to++] = '\n';
      }
      int from = dataLines[d * 4 + 1];
      int n = dataLines[d * 4 + 2] - from;
      System.arraycopy(raw, from, data, to, n);
      to += n;
    }
    return data;
  }

  /**
   * The first line's terminator (LF, CRLF or CR), to end the lines of an event made like this one.
   * A shared array: callers must not modify it.
   */
  public byte[] lineEnd() {
    if (firstLineEnd < 0 || firstTerminatorEnd == firstLineEnd || raw[firstLineEnd] == '\n') {
      return LF;
    }
    return firstTerminatorEnd - firstLineEnd == 2 ? CRLF : CR;
  }

  /**
   * This event with other data: every line as received except that the value of the k-th data
   * line becomes the k-th LF-separated line of {@code data}.
   *
   * @throws IllegalArgumentException when {@code data} has a different number of lines
   */
  public byte[] withData(byte[] data) {
    int lines = 1;
    for (byte b : data) {
      if (b == '\n') {
        lines++;
      }
    }
    if (lines != dataCount) {
      throw new IllegalArgumentException("expected " + dataCount + " data lines, got " + lines);
    }
    int oldValues = 0;
    for (int d = 0; d < dataCount; d++) {
      oldValues += dataLines[d * 4 + 2] - dataLines[d * 4 + 1];
    }
    byte[] out = new byte[length - oldValues + data.length - (dataCount - 1)];
    int from = 0;
    int to = 0;
    int piece = 0;
    for (int d = 0; d < dataCount; d++) {
      int valueStart = dataLines[d * 4 + 1];
      System.arraycopy(raw, from, out, to, valueStart - from);
      to += valueStart - from;
      int pieceEnd = piece;
      while (pieceEnd < data.length && data[pieceEnd] != '\n') {
        pieceEnd++;
      }
      System.arraycopy(data, piece, out, to, pieceEnd - piece);
      to += pieceEnd - piece;
      piece = pieceEnd + 1;
      from = dataLines[d * 4 + 2];
    }
    System.arraycopy(raw, from, out, to, length - from);
    return out;
  }
}
