package dev.warden.agent.wire.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.eventstream.ChunkPayload;
import dev.warden.agent.wire.eventstream.EventStreamDecoder;
import dev.warden.agent.wire.eventstream.EventStreamMessage;
import dev.warden.agent.wire.json.LocatedJson;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.rewrite.PushRewrite;
import dev.warden.agent.wire.rewrite.StreamEdit;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Rewrites a Bedrock event stream as its bytes arrive, with the same {@link StreamEdit} as an SSE
 * stream: each event's JSON goes to the format's {@link CompletionTexts}, named by its
 * {@code :event-type} (ConverseStream), or, {@code chunked}, the JSON a {@code chunk} event carries
 * base64-encoded in its payload, unnamed (InvokeModelWithResponseStream: the model family's own
 * events). A changed event is re-encoded with fresh CRCs; a channel's held-back text goes out as an
 * extra message with the headers of the channel's last delta; every other message passes byte for
 * byte. On a leak the event being handled is replaced by a {@code validationException} message
 * carrying the withheld body, which the SDK raises, and nothing after it is handed on.
 */
final class EventStreamRewrite implements PushRewrite, EventStreamDecoder.Listener {

  private static final byte[] EMPTY = new byte[0];

  private final CompletionRewriter rewriter;
  private final CompletionTexts texts;
  private final boolean chunked;
  private final byte[] withheldBody;
  private final EventStreamDecoder decoder = new EventStreamDecoder(this);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
  private final StreamEdit edit;
  private int unreadable;
  private boolean withheld;

  /** @param withheldBody the error that ends the stream on a leak; null for {@code {}} */
  EventStreamRewrite(CompletionRewriter rewriter, CompletionTexts texts, boolean chunked, byte[] withheldBody) {
    this.rewriter = rewriter;
    this.texts = texts;
    this.chunked = chunked;
    this.withheldBody = withheldBody;
    this.edit = new StreamEdit(rewriter, texts, this::writeDelta);
  }

  @Override
  public byte[] feed(byte[] bytes, int offset, int length) {
    if (withheld) {
      return EMPTY;
    }
    byte[] rest = decoder.feed(bytes, offset, length);
    if (rest.length > 0) {
      unreadable++;
      out.write(rest, 0, rest.length);
    }
    return drain();
  }

  @Override
  public byte[] finish() {
    if (!withheld) {
      byte[] partial = decoder.takePartial();
      if (partial.length > 0) {
        unreadable++;
      }
      try {
        edit.endAll(); // a stream cut before its stop events: release what was held back
      } catch (RuntimeException e) {
        unreadable++;
      }
      if (rewriter.leaked()) {
        withhold();
      } else {
        // after the released text, as an SSE rewrite passes its unfinished event: the SDK sees the cut
        out.write(partial, 0, partial.length);
      }
    }
    return drain();
  }

  @Override
  public void onMessage(EventStreamMessage message, byte[] wire) {
    if (withheld) {
      return;
    }
    byte[] toSend = wire;
    String type = "event".equals(message.stringHeader(":message-type")) ? message.stringHeader(":event-type") : null;
    if (type != null && (!chunked || type.equals("chunk"))) {
      try {
        toSend = rewrite(message, type, wire);
      } catch (RuntimeException e) {
        unreadable++; // a format or rewriter bug: this event goes out as received
      }
    }
    if (rewriter.leaked()) {
      withhold();
      return;
    }
    out.write(toSend, 0, toSend.length);
  }

  /** The event's wire bytes with its text rewritten; extra deltas are written out first. */
  private byte[] rewrite(EventStreamMessage message, String type, byte[] wire) {
    byte[] json = chunked ? ChunkPayload.json(message.payload()) : message.payload();
    if (json == null) {
      unreadable++;
      return wire;
    }
    JsonNode tree = LocatedJson.parse(json);
    edit.begin(message, tree);
    if (!texts.onEvent(chunked ? null : type, tree, json, edit)) {
      unreadable++;
    }
    byte[] spliced = edit.splice(json);
    if (spliced == null) {
      return wire;
    }
    return message.withPayload(chunked ? ChunkPayload.withJson(message.payload(), spliced) : spliced).encode();
  }

  /** An extra delta: a message with the headers of the channel's last delta. */
  private void writeDelta(Object frame, byte[] json) {
    byte[] extra = ((EventStreamMessage) frame).withPayload(chunked ? ChunkPayload.of(json) : json).encode();
    out.write(extra, 0, extra.length);
  }

  private void withhold() {
    withheld = true;
    byte[] error = EventStreamMessage.of(Map.of(":message-type", "exception",
        ":exception-type", "validationException", ":content-type", "application/json"),
        withheldBody == null ? "{}".getBytes(StandardCharsets.UTF_8) : withheldBody).encode();
    out.write(error, 0, error.length);
  }

  private byte[] drain() {
    if (out.size() == 0) {
      return EMPTY;
    }
    byte[] bytes = out.toByteArray();
    out.reset();
    return bytes;
  }

  @Override public int changes() { return edit.changes(); }
  @Override public int unreadable() { return unreadable; }
  @Override public boolean withheld() { return withheld; }
}
