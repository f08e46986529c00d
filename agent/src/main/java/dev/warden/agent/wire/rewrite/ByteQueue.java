package dev.warden.agent.wire.rewrite;

import java.util.Arrays;

/** Bytes written by the rewriter and not yet read by the application. Not thread-safe. */
final class ByteQueue {

  private byte[] bytes = new byte[1024];
  private int start;
  private int end;

  int size() {
    return end - start;
  }

  boolean isEmpty() {
    return start == end;
  }

  void write(byte[] b) {
    write(b, 0, b.length);
  }

  void write(byte[] b, int offset, int length) {
    if (length <= 0) {
      return;
    }
    if (start == end) {
      start = 0;
      end = 0;
    }
    if (end + length > bytes.length) {
      if (start > 0) {
        System.arraycopy(bytes, start, bytes, 0, end - start);
        end -= start;
        start = 0;
      }
      if (end + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(end + length, bytes.length * 2));
      }
    }
    System.arraycopy(b, offset, bytes, end, length);
    end += length;
  }

  /** Moves up to {@code length} bytes into {@code b}; returns how many. */
  int read(byte[] b, int offset, int length) {
    int n = Math.min(length, end - start);
    System.arraycopy(bytes, start, b, offset, n);
    start += n;
    if (start == end && bytes.length > 64 * 1024) {
      // a large event went by: do not keep its buffer for the rest of a long stream
      bytes = new byte[1024];
      start = 0;
      end = 0;
    }
    return n;
  }
}
