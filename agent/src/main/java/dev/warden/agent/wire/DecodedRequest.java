package dev.warden.agent.wire;

import dev.warden.agent.wire.json.JsonSplicer;
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
    JsonSplicer splicer = new JsonSplicer();
    for (int i = 0; i < rewrittenParts.length; i++) {
      if (isChange(rewrittenParts[i], parts.get(i))) {
        splicer.replace(offsets[i], rewrittenParts[i]);
      }
    }
    return splicer.apply(body);
  }

  private static boolean isChange(String rewritten, TextPart part) {
    return rewritten != null && !rewritten.equals(part.text());
  }
}
