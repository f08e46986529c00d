package dev.warden.policies.injection.normalize;

/**
 * Bounds on the work spent decoding embedded segments of one message part, so that hostile input
 * costs time and memory linear in its length with a small constant.
 *
 * @param maxSegments     decoded segments kept, over all depths
 * @param maxAttempts     candidate runs tried (decoded and checked for text), over all depths
 * @param maxDecodedChars chars of decoded text kept, over all segments; a longer segment is cut
 * @param maxDepth        1 decodes the message part only; 2 also decodes inside what that yielded
 * @param minBase64Chars  the shortest base64 run tried
 * @param minHexChars     the shortest run of hex digits tried
 */
public record DecodeLimits(int maxSegments, int maxAttempts, int maxDecodedChars, int maxDepth,
    int minBase64Chars, int minHexChars) {

  /** 16 segments, 64 attempts, 64K decoded chars, depth 2, base64 from 20 chars, hex from 16. */
  public static final DecodeLimits DEFAULT = new DecodeLimits(16, 64, 65_536, 2, 20, 16);

  public DecodeLimits {
    if (maxSegments < 0 || maxAttempts < 0 || maxDecodedChars < 0) {
      throw new IllegalArgumentException("decode limits cannot be negative");
    }
    if (maxDepth < 0 || maxDepth > 2) {
      throw new IllegalArgumentException("maxDepth must be 0, 1 or 2, was " + maxDepth);
    }
    if (minBase64Chars < 8 || minHexChars < 8) {
      throw new IllegalArgumentException("minBase64Chars and minHexChars must be at least 8");
    }
  }
}
