package dev.warden.agent.wire.bedrock;

import static dev.warden.agent.wire.json.JsonFields.integer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.agent.wire.eventstream.EventStreamDecoder;
import dev.warden.agent.wire.eventstream.EventStreamMessage;
import dev.warden.agent.wire.json.JsonSplicer;
import dev.warden.agent.wire.json.LocatedJson;
import dev.warden.agent.wire.json.LocatedText;
import dev.warden.agent.wire.rewrite.PushRewrite;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rewrites a ConverseStream event stream: the text of each {@code contentBlockDelta} feeds one
 * channel per {@code contentBlockIndex} (tool input fragments, {@code delta.toolUse.input}, a JSON
 * text channel), and a channel's held-back text goes out as an extra {@code contentBlockDelta}
 * before its {@code contentBlockStop} (or {@code messageStop}). A changed event is re-encoded with
 * fresh CRCs; every other message passes byte for byte. On a leak the stream ends with a
 * {@code validationException} message carrying the withheld body, which the SDK raises.
 */
final class ConverseStreamRewrite implements PushRewrite, EventStreamDecoder.Listener {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] EMPTY = new byte[0];

  private final CompletionRewriter rewriter;
  private final byte[] withheldBody;
  private final EventStreamDecoder decoder = new EventStreamDecoder(this);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
  private final Map<Integer, CompletionRewriter.Channel> texts = new LinkedHashMap<>();
  private final Map<Integer, CompletionRewriter.Channel> inputs = new LinkedHashMap<>();
  /** A delta message of the stream, whose headers the extra deltas reuse. */
  private EventStreamMessage template;
  private int changes;
  private int unreadable;
  private boolean withheld;

  ConverseStreamRewrite(CompletionRewriter rewriter, byte[] withheldBody) {
    this.rewriter = rewriter;
    this.withheldBody = withheldBody;
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
      if (decoder.holdsPartial()) {
        unreadable++;
      }
      flushAll(); // a stream cut before its stop events: release what was held back
    }
    return drain();
  }

  @Override
  public void onMessage(EventStreamMessage message, byte[] wire) {
    if (withheld) {
      return;
    }
    String type = "event".equals(message.stringHeader(":message-type")) ? message.stringHeader(":event-type") : null;
    try {
      if ("contentBlockDelta".equals(type)) {
        wire = delta(message, wire);
      } else if ("contentBlockStop".equals(type)) {
        Integer index = integer(MAPPER.readTree(message.payload()), "contentBlockIndex");
        if (index != null) {
          flush(index);
        }
      } else if ("messageStop".equals(type)) {
        flushAll();
      }
    } catch (IOException | RuntimeException e) {
      unreadable++; // passed on as received
    }
    out.write(wire, 0, wire.length);
    if (rewriter.leaked()) {
      withheld = true;
      byte[] error = EventStreamMessage.of(Map.of(":message-type", "exception",
          ":exception-type", "validationException", ":content-type", "application/json"),
          withheldBody == null ? "{}".getBytes(StandardCharsets.UTF_8) : withheldBody).encode();
      out.write(error, 0, error.length);
    }
  }

  /** The delta's wire bytes with its text rewritten. */
  private byte[] delta(EventStreamMessage message, byte[] wire) {
    JsonNode root = LocatedJson.parse(message.payload());
    Integer index = root == null ? null : integer(root, "contentBlockIndex");
    JsonNode delta = root == null ? null : root.get("delta");
    if (index == null || delta == null) {
      unreadable++;
      return wire;
    }
    template = message;
    JsonSplicer splicer = new JsonSplicer();
    feed(texts, index, rewriter, delta.get("text"), splicer);
    JsonNode toolUse = delta.get("toolUse");
    if (toolUse != null) {
      feed(inputs, index, rewriter.forJsonText(), toolUse.get("input"), splicer);
    }
    if (splicer.isEmpty()) {
      return wire;
    }
    changes++;
    return message.withPayload(splicer.apply(message.payload())).encode();
  }

  private static void feed(Map<Integer, CompletionRewriter.Channel> channels, int index, CompletionRewriter kind,
      JsonNode text, JsonSplicer splicer) {
    if (!(text instanceof LocatedText)) {
      return;
    }
    String released = channels.computeIfAbsent(index, i -> kind.channel()).feed(text.textValue());
    if (!released.equals(text.textValue())) {
      splicer.replace(((LocatedText) text).offset(), released);
    }
  }

  private void flushAll() {
    for (Integer index : texts.keySet().toArray(new Integer[0])) {
      flush(index);
    }
    for (Integer index : inputs.keySet().toArray(new Integer[0])) {
      flush(index);
    }
  }

  /** Ends block {@code index}: its held-back text goes out as an extra delta. */
  private void flush(int index) {
    writeExtra(index, "text", texts.remove(index));
    writeExtra(index, "toolUse", inputs.remove(index));
  }

  private void writeExtra(int index, String kind, CompletionRewriter.Channel channel) {
    String rest = channel == null ? "" : channel.finish();
    if (rest == null || rest.isEmpty() || template == null) {
      return;
    }
    ObjectNode payload = MAPPER.createObjectNode().put("contentBlockIndex", index);
    ObjectNode delta = payload.putObject("delta");
    if (kind.equals("text")) {
      delta.put("text", JsonSplicer.wellFormed(rest));
    } else {
      delta.putObject("toolUse").put("input", JsonSplicer.wellFormed(rest));
    }
    try {
      byte[] extra = template.withPayload(MAPPER.writeValueAsBytes(payload)).encode();
      out.write(extra, 0, extra.length);
      changes++;
    } catch (IOException e) {
      unreadable++;
    }
  }

  private byte[] drain() {
    if (out.size() == 0) {
      return EMPTY;
    }
    byte[] bytes = out.toByteArray();
    out.reset();
    return bytes;
  }

  @Override public int changes() { return changes; }
  @Override public int unreadable() { return unreadable; }
  @Override public boolean withheld() { return withheld; }
}
