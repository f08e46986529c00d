package dev.warden.agent.wire.rewrite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.wire.json.JsonSplicer;
import dev.warden.agent.wire.json.LocatedText;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The state of one rewritten event stream as a {@link CompletionTexts} sees it: the open channels
 * (of completion text, or of a tool call's arguments as JSON text) with their held-back text, and
 * the edits to the event being handled. Changed strings are
 * spliced into the event's data; extra delta events (the held text of an ending channel) are
 * handed to the stream's {@link DeltaWriter} at once, so they come just before the event being
 * handled. The same edit serves SSE and AWS event streams: only the framing differs. Not
 * thread-safe.
 */
public final class StreamEdit {

  /** Writes an extra delta event in the stream's own framing. */
  @FunctionalInterface
  public interface DeltaWriter {
    /**
     * @param frame the framing of the channel's last delta event, as given to {@link #begin}
     * @param data  the extra event's data, UTF-8 JSON
     */
    void write(Object frame, byte[] data);
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final CompletionRewriter rewriter;
  private final CompletionTexts texts;
  private final DeltaWriter out;
  private final Map<Object, OpenChannel> channels = new LinkedHashMap<>();
  private final JsonSplicer splicer = new JsonSplicer();
  private Object frame;
  private JsonNode data;
  private int changes;

  public StreamEdit(CompletionRewriter rewriter, CompletionTexts texts, DeltaWriter out) {
    this.rewriter = rewriter;
    this.texts = texts;
    this.out = out;
  }

  /** One channel's rewriter state and the last delta event it came from. */
  private static final class OpenChannel {
    final CompletionRewriter.Channel channel;
    JsonNode template;
    Object frame;
    /** A high surrogate released last, held until its low half is released. */
    char pendingHigh;

    OpenChannel(CompletionRewriter.Channel channel) {
      this.channel = channel;
    }

    /** The released text, never ending in the first half of a surrogate pair. */
    String release(String text) {
      String released = text == null ? "" : text;
      if (pendingHigh != 0) {
        released = pendingHigh + released;
        pendingHigh = 0;
      }
      int n = released.length();
      if (n > 0 && Character.isHighSurrogate(released.charAt(n - 1))) {
        pendingHigh = released.charAt(n - 1);
        released = released.substring(0, n - 1);
      }
      return released;
    }

    String finish() {
      String rest = channel.finish();
      String released = (pendingHigh != 0 ? String.valueOf(pendingHigh) : "") + (rest == null ? "" : rest);
      pendingHigh = 0;
      return released;
    }
  }

  /**
   * Starts the next event.
   *
   * @param eventFrame what the {@link DeltaWriter} needs to frame an extra event like this one
   * @param eventData  the event's data parsed by {@link dev.warden.agent.wire.json.LocatedJson}, or null
   */
  public void begin(Object eventFrame, JsonNode eventData) {
    this.frame = eventFrame;
    this.data = eventData;
    splicer.clear();
  }

  /** The current event's data with the changed strings spliced in, or null when none changed. */
  public byte[] splice(byte[] eventData) {
    if (splicer.isEmpty()) {
      return null;
    }
    byte[] result = splicer.apply(eventData);
    splicer.clear();
    return result;
  }

  /** Number of strings changed and delta events added so far. */
  public int changes() {
    return changes;
  }

  /**
   * Feeds the next delta of a channel, opening it on first use; the current event becomes the
   * channel's template for an extra delta event.
   *
   * @return the text to release now, possibly empty
   */
  public String feed(Object channel, String delta) {
    return feed(channel, delta, false);
  }

  /**
   * As {@link #feed}, for a channel of JSON text (a tool call's argument fragments), which the
   * rewriter's {@link CompletionRewriter#forJsonText() JSON text variant} rewrites. A channel keeps
   * the kind it was opened with.
   */
  public String feedJsonText(Object channel, String delta) {
    return feed(channel, delta, true);
  }

  private String feed(Object channel, String delta, boolean jsonText) {
    OpenChannel open = channels.get(channel);
    if (open == null) {
      open = new OpenChannel((jsonText ? rewriter.forJsonText() : rewriter).channel());
      channels.put(channel, open);
    }
    open.template = data;
    open.frame = frame;
    return open.release(open.channel.feed(delta));
  }

  /** Feeds the string {@code node} to a channel and puts the released text in its place. */
  public void feedInPlace(Object channel, JsonNode node) {
    if (node != null && node.isTextual()) {
      replace(node, feed(channel, node.textValue()));
    }
  }

  /** Feeds the string {@code node} to a JSON text channel and puts the released text in its place. */
  public void feedJsonTextInPlace(Object channel, JsonNode node) {
    if (node != null && node.isTextual()) {
      replace(node, feedJsonText(channel, node.textValue()));
    }
  }

  /** Closes a channel without an extra event; returns its held-back text ("" when it was not open). */
  public String finish(Object channel) {
    OpenChannel open = channels.remove(channel);
    return open == null ? "" : open.finish();
  }

  /** Closes a channel; its held-back text, if any, goes out as an extra delta event before the current one. */
  public void end(Object channel) {
    OpenChannel open = channels.remove(channel);
    if (open != null) {
      writeDelta(channel, open, open.finish());
    }
  }

  /** Closes every open channel, in the order they opened, as {@link #end} does. */
  public void endAll() {
    for (Object channel : channels.keySet().toArray()) {
      end(channel);
    }
  }

  /** Closes the open channels that {@code which} accepts, in the order they opened, as {@link #end} does. */
  public void endAll(Predicate<Object> which) {
    for (Object channel : channels.keySet().toArray()) {
      if (which.test(channel)) {
        end(channel);
      }
    }
  }

  /** Replaces the string {@code node} of the current event with {@code text}, when that changes it. */
  public void replace(JsonNode node, String text) {
    if (node instanceof LocatedText && text != null && !text.equals(node.textValue())) {
      splicer.replace(((LocatedText) node).offset(), text);
      changes++;
    }
  }

  /** Rewrites the string {@code node} of the current event as a whole text. */
  public void rewrite(JsonNode node) {
    if (node != null && node.isTextual()) {
      replace(node, rewriter.rewrite(node.textValue()));
    }
  }

  /** Puts the string {@code node} of the current event, an echo of request text, back as the application sent it. */
  public void restoreEcho(JsonNode node) {
    if (node != null && node.isTextual()) {
      replace(node, rewriter.requestEcho(node.textValue()));
    }
  }

  /** Rewrites the string {@code node} of the current event as whole JSON text (a tool call's arguments). */
  public void rewriteJsonText(JsonNode node) {
    if (node != null && node.isTextual()) {
      replace(node, rewriter.forJsonText().rewrite(node.textValue()));
    }
  }

  private void writeDelta(Object channel, OpenChannel open, String text) {
    if (text.isEmpty()) {
      return;
    }
    byte[] json;
    try {
      json = MAPPER.writeValueAsBytes(texts.deltaCopy(channel, open.template, JsonSplicer.wellFormed(text)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.write(open.frame, json);
    changes++;
  }
}
