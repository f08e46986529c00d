package dev.warden.agent.wire.rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.agent.wire.json.JsonSplicer;
import dev.warden.agent.wire.json.LocatedJson;
import dev.warden.agent.wire.json.LocatedText;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A JSON response body with its completion texts (and tool call arguments) rewritten whole: the
 * body is read up to a bound on the first read, the strings found by a {@link CompletionTexts} are
 * replaced in the original bytes, every other byte stays. Over the bound, unparseable, or when the rewriter fails, the
 * bytes pass through unchanged (and the rest of an oversized body streams on from the source).
 * When the rewriter finds a leak in any of the strings, the whole body is replaced by the withheld
 * body instead.
 */
final class JsonBodyRewriter extends RewrittenBody {

  private final InputStream source;
  private final CompletionTexts texts;
  private final CompletionRewriter rewriter;
  private final int maxBytes;
  private final byte[] withheldBody;
  private byte[] body;
  private int position;
  private int limit;
  /** The body was over the bound: after the buffered bytes, read on from the source. */
  private boolean streamRest;
  private boolean closed;

  JsonBodyRewriter(InputStream source, CompletionTexts texts, CompletionRewriter rewriter, int maxBytes) {
    this(source, texts, rewriter, maxBytes, null);
  }

  /** @param withheldBody replaces the body when the rewriter finds a leak; null for an empty body */
  JsonBodyRewriter(InputStream source, CompletionTexts texts, CompletionRewriter rewriter, int maxBytes,
      byte[] withheldBody) {
    this.source = source;
    this.texts = texts;
    this.rewriter = rewriter;
    this.maxBytes = maxBytes;
    this.withheldBody = withheldBody;
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
    if (body == null) {
      load();
    }
    if (position < limit) {
      int n = Math.min(len, limit - position);
      System.arraycopy(body, position, b, off, n);
      position += n;
      return n;
    }
    return streamRest ? source.read(b, off, len) : -1;
  }

  @Override
  public int available() throws IOException {
    if (body == null || closed) {
      return 0;
    }
    return position < limit ? limit - position : streamRest ? source.available() : 0;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    body = null;
    source.close();
  }

  private void load() throws IOException {
    byte[] buffer = new byte[8192];
    int count = 0;
    int n;
    while ((n = source.read(buffer, count, buffer.length - count)) >= 0) {
      count += n;
      if (count > maxBytes) {
        unreadable++;
        streamRest = true;
        serve(buffer, count);
        return;
      }
      if (count == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) maxBytes + 1, buffer.length * 2L));
      }
    }
    byte[] rewritten = rewrite(count == buffer.length ? buffer : Arrays.copyOf(buffer, count));
    if (rewriter.leaked()) {
      withheld = true;
      rewritten = withheldBody == null ? new byte[0] : withheldBody.clone();
    }
    serve(rewritten, -1);
  }

  private void serve(byte[] bytes, int count) {
    body = bytes;
    position = 0;
    limit = count < 0 ? bytes.length : count;
  }

  private byte[] rewrite(byte[] json) {
    if (json.length == 0) {
      return json;
    }
    JsonNode root = LocatedJson.parse(json);
    if (root == null) {
      unreadable++;
      return json;
    }
    try {
      ArrayList<JsonNode> found = new ArrayList<>();
      ArrayList<JsonNode> foundJson = new ArrayList<>(0);
      texts.collect(root, found, foundJson);
      JsonSplicer splicer = new JsonSplicer();
      int changed = replace(found, rewriter, splicer);
      if (!foundJson.isEmpty()) {
        changed += replace(foundJson, rewriter.forJsonText(), splicer);
      }
      ArrayList<JsonNode> echoes = new ArrayList<>(0);
      texts.collectEchoes(root, echoes);
      changed += restoreEchoes(echoes, rewriter, splicer);
      byte[] result = splicer.apply(json);
      changes += changed;
      return result;
    } catch (RuntimeException e) {
      // a rewriter or format bug must not reach the application: the body goes out as received
      unreadable++;
      return json;
    }
  }

  /** Schedules each echo of request text in {@code nodes} that changes back; returns how many do. */
  private static int restoreEchoes(List<JsonNode> nodes, CompletionRewriter rewriter, JsonSplicer splicer) {
    int changed = 0;
    for (JsonNode node : nodes) {
      if (node instanceof LocatedText) {
        String text = node.textValue();
        String restored = rewriter.requestEcho(text);
        if (restored != null && !restored.equals(text)) {
          splicer.replace(((LocatedText) node).offset(), restored);
          changed++;
        }
      }
    }
    return changed;
  }

  /** Schedules the rewrite of each string in {@code nodes} that changes; returns how many do. */
  private static int replace(List<JsonNode> nodes, CompletionRewriter rewriter, JsonSplicer splicer) {
    int changed = 0;
    for (JsonNode node : nodes) {
      if (node instanceof LocatedText) {
        String text = node.textValue();
        String rewritten = rewriter.rewrite(text);
        if (rewritten != null && !rewritten.equals(text)) {
          splicer.replace(((LocatedText) node).offset(), rewritten);
          changed++;
        }
      }
    }
    return changed;
  }
}
