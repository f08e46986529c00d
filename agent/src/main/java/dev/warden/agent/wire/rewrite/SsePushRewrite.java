package dev.warden.agent.wire.rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.json.LocatedJson;
import dev.warden.agent.wire.sse.RawSseEvent;
import dev.warden.agent.wire.sse.SseEventSplitter;
import dev.warden.policies.pii.CompletionRewriter;
import java.nio.charset.StandardCharsets;

/**
 * An event stream with the text of its deltas rewritten, fed as the bytes arrive: each complete
 * event is handed back at once (with the text the rewriter releases; what it holds back follows
 * in a later delta, or as extra delta events just before the event that ends the channel, or at
 * {@link #finish()}). Events without text to rewrite, comments, ids, framing and line endings pass
 * byte for byte; only the event being assembled is buffered, up to a bound above which it passes
 * unread. At {@link #finish()} on a cut stream, the text still held back goes out first, as extra
 * delta events, then the unfinished event's bytes as received (an SSE client discards them).
 *
 * <p>When the rewriter finds a leak, the event being handled is replaced by the format's error
 * event carrying the withheld body and nothing after it is handed on ({@link #withheld()}).
 * {@link SseRewriter} reads it as a pull stream; push-based transports feed it directly.
 */
final class SsePushRewrite implements PushRewrite, SseEventSplitter.Listener {

  private static final byte[] EMPTY = new byte[0];
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);

  private final CompletionTexts texts;
  private final SseEventSplitter splitter;
  private final RawSseEvent event = new RawSseEvent();
  private final ByteQueue out = new ByteQueue();
  private final StreamEdit edit;
  private final CompletionRewriter rewriter;
  private final byte[] withheldEvent;
  private int unreadable;
  private boolean withheld;
  private boolean ended;

  /** @param withheldBody the error that ends the stream when the rewriter finds a leak; null to just end it */
  SsePushRewrite(CompletionTexts texts, CompletionRewriter rewriter, int maxEventBytes, byte[] withheldBody) {
    this.texts = texts;
    this.rewriter = rewriter;
    this.splitter = new SseEventSplitter(this, maxEventBytes);
    this.edit = new StreamEdit(rewriter, texts, this::writeDelta);
    this.withheldEvent = withheldBody == null ? null : texts.errorEvent(withheldBody);
  }

  @Override
  public byte[] feed(byte[] bytes, int offset, int length) {
    if (!withheld && !ended) {
      splitter.feed(bytes, offset, length);
    }
    return drain();
  }

  @Override
  public byte[] finish() {
    if (ended || withheld) {
      return drain();
    }
    ended = true;
    try {
      edit.endAll();
    } catch (RuntimeException e) {
      unreadable++;
    }
    if (rewriter.leaked()) {
      withhold();
    } else {
      splitter.end();
    }
    return drain();
  }

  @Override
  public int changes() {
    return edit.changes();
  }

  @Override
  public int unreadable() {
    return unreadable;
  }

  @Override
  public boolean withheld() {
    return withheld;
  }

  private byte[] drain() {
    if (out.isEmpty()) {
      return EMPTY;
    }
    byte[] bytes = new byte[out.size()];
    out.read(bytes, 0, bytes.length);
    return bytes;
  }

  /** Ends the stream with the error event: the application never gets what the model wrote after the leak. */
  private void withhold() {
    if (withheld) {
      return;
    }
    withheld = true;
    if (withheldEvent != null) {
      out.write(withheldEvent);
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
