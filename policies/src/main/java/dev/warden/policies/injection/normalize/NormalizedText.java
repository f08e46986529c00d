package dev.warden.policies.injection.normalize;

import java.util.List;

/**
 * The normalised view of one message part, for detection only: never sent anywhere in place of
 * the original.
 *
 * @param text        the text with invisible characters removed, NFKC applied and look-alike
 *                    letters folded to ASCII; the very same {@code String} instance as the input
 *                    when nothing needed changing
 * @param segments    text found hidden in encodings, decoded and normalised, in the order found,
 *                    depth-2 segments right after the segment they came from; empty when none
 * @param obfuscation counts of what was removed or folded, over the text and all its segments
 */
public record NormalizedText(String text, List<DecodedSegment> segments, Obfuscation obfuscation) {

  public NormalizedText {
    segments = List.copyOf(segments);
  }

  /** Whether any segment hides text that needed no encoding (see {@link DecodedSegment#obfuscated()}). */
  public boolean hasObfuscatedSegment() {
    for (DecodedSegment segment : segments) {
      if (segment.obfuscated()) {
        return true;
      }
    }
    return false;
  }
}
