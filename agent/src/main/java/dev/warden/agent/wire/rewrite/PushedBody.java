package dev.warden.agent.wire.rewrite;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A {@link PushRewrite} read as a pull stream: each read pulls from the source until there is
 * output. A source that fails is finished like one that ends (held text released, a cut message
 * passed on), then its exception is thrown.
 */
final class PushedBody extends RewrittenBody {

  private final InputStream source;
  private final PushRewrite rewrite;
  private final byte[] chunk = new byte[8192];
  private byte[] pending = new byte[0];
  private int position;
  private boolean ended;
  private IOException failure;

  PushedBody(InputStream source, PushRewrite rewrite) {
    this.source = source;
    this.rewrite = rewrite;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    while (position == pending.length) {
      if (ended) {
        if (failure != null) {
          throw failure;
        }
        return -1;
      }
      int n;
      try {
        n = source.read(chunk, 0, chunk.length);
      } catch (IOException e) {
        failure = e; // rethrown once what the rewrite still holds has been read, as a cut SSE stream
        n = -1;
      }
      if (n < 0) {
        ended = true;
        serve(rewrite.finish());
      } else {
        serve(rewrite.feed(chunk, 0, n));
      }
    }
    int n = Math.min(len, pending.length - position);
    System.arraycopy(pending, position, b, off, n);
    position += n;
    return n;
  }

  private void serve(byte[] bytes) {
    pending = bytes;
    position = 0;
    changes = rewrite.changes();
    unreadable = rewrite.unreadable();
    withheld = rewrite.withheld();
  }

  @Override
  public int available() {
    return pending.length - position;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
