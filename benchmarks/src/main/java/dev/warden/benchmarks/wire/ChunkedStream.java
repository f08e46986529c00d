package dev.warden.benchmarks.wire;

import java.io.InputStream;
import java.util.List;

/** A response body that hands out one event per read, as a stream arrives over the network. */
final class ChunkedStream extends InputStream {

  private final List<byte[]> events;
  private int event;
  private int offset;

  ChunkedStream(List<byte[]> events) {
    this.events = events;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (event == events.size()) {
      return -1;
    }
    byte[] current = events.get(event);
    int n = Math.min(len, current.length - offset);
    System.arraycopy(current, offset, b, off, n);
    offset += n;
    if (offset == current.length) {
      event++;
      offset = 0;
    }
    return n;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }
}
