package dev.warden.agent.wire.rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.json.LocatedJson;
import dev.warden.agent.wire.sse.RawSseEvent;
import dev.warden.agent.wire.sse.SseEventSplitter;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An event stream with the text of its deltas rewritten as it goes. Each read pulls from the
 * source only until at least one byte can be served, so an event goes out as soon as it is
 * complete (with the text the rewriter releases; what it holds back follows in a later delta or
 * an extra delta event just before the event that ends the channel). Events that carry no text to
 * rewrite, comments, ids, framing and line endings go out byte for byte; only the event being
 * assembled is buffered, up to a bound above which the event passes through unread.
 *
 * <p>When the source ends without the format's end events (a cut stream) or fails with an I/O
 * exception, the text still held back for each open channel goes out first, as extra delta events,
 * then the unfinished event's bytes as received (an SSE client discards them), then the end or the
 * exception.
 *
 * <p>When the rewriter finds a leak, the event being handled is replaced by the format's error
 * event carrying the withheld body, the stream ends there (nothing held back is released, nothing
 * after it is read) and the source is closed, which stops the provider's stream.
 */
final class SseRewriter extends RewrittenBody implements SseEventSplitter.Listener {

  private static final int READ_SIZE = 8192;
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);

  private final InputStream source;
  private final CompletionTexts texts;
  private final SseEventSplitter splitter;
  private final RawSseEvent event = new RawSseEvent();
  private final ByteQueue out = new ByteQueue();
  private final StreamEdit edit;
  private final byte[] readBuffer = new byte[READ_SIZE];
  private final CompletionRewriter rewriter;
  private final byte[] withheldEvent;
  private boolean ended;
  private IOException failure;
  private boolean closed;

  SseRewriter(InputStream source, CompletionTexts texts, CompletionRewriter rewriter, int maxEventBytes) {
    this(source, texts, rewriter, maxEventBytes, null);
  }

  /** @param withheldBody the error that ends the stream when the rewriter finds a leak; null to just end it */
  SseRewriter(InputStream source, CompletionTexts texts, CompletionRewriter rewriter, int maxEventBytes,
      byte[] withheldBody) {
    this.source = source;
    this.texts = texts;
    this.rewriter = rewriter;
    this.splitter = new SseEventSplitter(this, maxEventBytes);
    this.edit = new StreamEdit(rewriter, texts, this::writeDelta);
    this.withheldEvent = withheldBody == null ? null : texts.errorEvent(withheldBody);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    while (out.isEmpty()) {
      if (ended) {
        if (failure != null) {
          throw failure;
        }
        return -1;
      }
      pull();
    }
    return out.read(b, off, len);
  }

  @Override
  public int available() {
    return closed ? 0 : out.size();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    source.close();
  }

  private void pull() {
    int n;
    try {
      n = source.read(readBuffer, 0, readBuffer.length);
    } catch (IOException e) {
      failure = e;
      n = -1;
    }
    if (n < 0) {
      end();
    } else {
      splitter.feed(readBuffer, 0, n);
      changes = edit.changes();
    }
    if (withheld) {
      closeQuietly();
    }
  }

  private void end() {
    ended = true;
    try {
      edit.endAll();
    } catch (RuntimeException e) {
      unreadable++;
    }
    if (rewriter.leaked()) {
      withhold();
      return;
    }
    splitter.end();
    changes = edit.changes();
  }

  /** Ends the stream with the error event: the application never reads what the model wrote after the leak. */
  private void withhold() {
    if (withheld) {
      return;
    }
    withheld = true;
    ended = true;
    failure = null;
    if (withheldEvent != null) {
      out.write(withheldEvent);
    }
  }

  private void closeQuietly() {
    try {
      source.close();
    } catch (IOException e) {
      // the stream is over for the application either way
    }
  }

  @Override
  public void onEvent(byte[] raw, int length) {
    if (withheld) {
      return;
    }
    event.parse(raw, length);
    if (!event.hasData()) {
      out.write(raw, 0, length);
      return;
    }
    byte[] data = event.data();
    JsonNode tree = LocatedJson.parse(data);
    byte[] rewritten = null;
    try {
      edit.begin(new Frame(event.name(), event.lineEnd()), tree);
      if (!texts.onEvent(event.name(), tree, data, edit)) {
        unreadable++;
      }
      byte[] spliced = edit.splice(data);
      if (spliced != null) {
        rewritten = event.withData(spliced);
      }
    } catch (RuntimeException e) {
      // a format or rewriter bug: this event goes out as received
      unreadable++;
    }
    if (rewriter.leaked()) {
      withhold();
      return;
    }
    if (rewritten != null) {
      out.write(rewritten);
    } else {
      out.write(raw, 0, length);
    }
  }

  /** An extra delta event, framed as the channel's last delta event was. */
  private void writeDelta(Object eventFrame, byte[] data) {
    Frame frame = (Frame) eventFrame;
    if (frame.name != null) {
      out.write(EVENT);
      out.write(frame.name.getBytes(StandardCharsets.UTF_8));
      out.write(frame.lineEnd);
    }
    out.write(DATA);
    out.write(data);
    out.write(frame.lineEnd);
    out.write(frame.lineEnd);
  }

  /** An event's name (null without an {@code event} line) and line ending. */
  private record Frame(String name, byte[] lineEnd) {}

  @Override
  public void onPassThrough(byte[] bytes, int offset, int length) {
    if (!withheld) {
      out.write(bytes, offset, length);
    }
  }

  @Override
  public void onOversized() {
    unreadable++;
  }
}
