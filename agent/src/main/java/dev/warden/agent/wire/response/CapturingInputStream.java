package dev.warden.agent.wire.response;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body passed on unchanged while a copy of it is kept, up to a limit: what a cacheable miss
 * stores. Past the limit the copy is dropped (such a body is not cached). Not thread-safe, like
 * the stream it wraps; mark and reset are not supported.
 */
public final class CapturingInputStream extends FilterInputStream {

  private final int limit;
  private ByteArrayOutputStream copy = new ByteArrayOutputStream();

  public CapturingInputStream(InputStream in, int limit) {
    super(in);
    this.limit = limit;
  }

  /**
   * What was read, when it stayed within the limit; else null. Whether that is the whole body is the
   * caller's to know (a JSON parser stops at the end of the document and may never read the end of
   * the stream): the response's summary says whether its document was complete.
   */
  public byte[] captured() {
    return copy != null ? copy.toByteArray() : null;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      keep(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      keep(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    copy = null; // skipped bytes are not seen: the copy would have a hole
    return super.skip(n);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void keep(byte[] buffer, int offset, int length) {
    if (copy != null) {
      if (copy.size() + length > limit) {
        copy = null;
      } else {
        copy.write(buffer, offset, length);
      }
    }
  }
}
