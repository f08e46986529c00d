package dev.warden.agent.wire;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import java.util.List;

/**
 * A request body read by a {@link WireAdapter}: the neutral {@link Exchange} plus where each of
 * its text parts sits in the original bytes, so that a rewrite replaces exactly those JSON strings
 * and leaves every other byte (field order, number formatting, whitespace, escapes) as it was.
 * Immutable and safe to share; built by {@link TextPartsBuilder}.
 */
public final class DecodedRequest {

  private final byte[] body;
  private final Exchange exchange;
  /** Byte offset of the opening quote of each part's JSON string, by part index. */
  private final int[] offsets;

  DecodedRequest(byte[] body, Exchange exchange, int[] offsets) {
    this.body = body;
    this.exchange = exchange;
    this.offsets = offsets;
  }

  /** The neutral view of the request that the policy decides on. */
  public Exchange exchange() {
    return exchange;
  }

  /**
   * The body to send after a rewrite.
   *
   * @param rewrittenParts replacement text per {@code exchange().parts()} index; null entries (and
   *     entries equal to the original text) leave the part unchanged. May itself be null.
   * @return the original body array itself when nothing changes (callers must not modify it),
   *     otherwise a new array in which only the changed JSON strings differ
   * @throws IllegalArgumentException when {@code rewrittenParts} is not null and its length is not
   *     the number of parts
   */
  public byte[] encode(String[] rewrittenParts) {
    if (rewrittenParts == null) {
      return body;
    }
    if (rewrittenParts.length != offsets.length) {
      throw new IllegalArgumentException(
          "expected " + offsets.length + " rewritten parts, got " + rewrittenParts.length);
    }
    List<TextPart> parts = exchange.parts();
    int changed = 0;
    for (int i = 0; i < rewrittenParts.length; i++) {
      if (isChange(rewrittenParts[i], parts.get(i))) {
        changed++;
      }
    }
    if (changed == 0) {
      return body;
    }
    int[] order = changedInByteOrder(rewrittenParts, parts, changed);
    byte[][] replacements = new byte[changed][];
    int[] ends = new int[changed];
    long size = body.length;
    for (int k = 0; k < changed; k++) {
      int part = order[k];
      replacements[k] = JsonStringEncoder.getInstance().quoteAsUTF8(rewrittenParts[part]);
      ends[k] = endOfString(body, offsets[part]);
      size += replacements[k].length + 2 - (ends[k] - offsets[part]);
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("rewritten body too large");
    }
    byte[] out = new byte[(int) size];
    int from = 0;
    int to = 0;
    for (int k = 0; k < changed; k++) {
      int start = offsets[order[k]];
      System.arraycopy(body, from, out, to, start - from);
      to += start - from;
      out[to++] = '"';
      System.arraycopy(replacements[k], 0, out, to, replacements[k].length);
      to += replacements[k].length;
      out[to++] = '"';
      from = ends[k];
    }
    System.arraycopy(body, from, out, to, body.length - from);
    return out;
  }

  private static boolean isChange(String rewritten, TextPart part) {
    return rewritten != null && !rewritten.equals(part.text());
  }

  /** Indices of the changed parts sorted by byte offset (parts are in logical, not byte, order). */
  private int[] changedInByteOrder(String[] rewrittenParts, List<TextPart> parts, int changed) {
    int[] order = new int[changed];
    int n = 0;
    for (int i = 0; i < rewrittenParts.length; i++) {
      if (isChange(rewrittenParts[i], parts.get(i))) {
        int j = n++;
        // insertion sort: parts are nearly always already in byte order
        while (j > 0 && offsets[order[j - 1]] > offsets[i]) {
          order[j] = order[j - 1];
          j--;
        }
        order[j] = i;
      }
    }
    return order;
  }

  /** Index just past the closing quote of the JSON string whose opening quote is at {@code start}. */
  static int endOfString(byte[] json, int start) {
    int i = start + 1;
    while (i < json.length) {
      byte b = json[i];
      if (b == '\\') {
        i += 2;
      } else if (b == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    throw new IllegalStateException("unterminated JSON string at byte " + start);
  }
}
