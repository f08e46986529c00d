package dev.warden.policies.injection.model;

/**
 * Which features {@link Featurizer} emits and how text is cut into scoring windows. Stored in the
 * header of a weights file, so a model is always read with the featurizer it was trained with.
 *
 * @param hashBits      the feature space has {@code 2^hashBits} buckets (10 to 24)
 * @param wordUnigrams  emit one feature per token
 * @param wordBigrams   emit one feature per pair of adjacent tokens
 * @param charMin       shortest character n-gram, or 0 for none
 * @param charMax       longest character n-gram (at most 5), or 0 for none
 * @param blockTokens   tokens per block; a scoring window is two adjacent blocks
 *                      ({@code 0}: the whole text is one window)
 * @param meanNorm      a window's weight sum is divided by its feature count ({@code true}) or by
 *                      the square root of it ({@code false})
 * @param markTokens    a punctuation mark or symbol is a token of its own ({@code true}) or only
 *                      separates words ({@code false}); it is in the char stream either way
 */
public record FeatureSpec(int hashBits, boolean wordUnigrams, boolean wordBigrams, int charMin,
    int charMax, int blockTokens, boolean meanNorm, boolean markTokens) {

  public FeatureSpec {
    if (hashBits < 10 || hashBits > 24) {
      throw new IllegalArgumentException("hashBits must be 10..24, got " + hashBits);
    }
    if (charMin == 0 != (charMax == 0) || charMin < 0 || charMax > 5 || charMin > charMax
        || (charMin > 0 && charMin < 2)) {
      throw new IllegalArgumentException(
          "char n-grams must be 0..0 (none) or within 2..5, got " + charMin + ".." + charMax);
    }
    if (!wordUnigrams && !wordBigrams && charMin == 0) {
      throw new IllegalArgumentException("no features enabled");
    }
    if (blockTokens < 0 || blockTokens > 1 << 20) {
      throw new IllegalArgumentException("blockTokens must be 0..2^20, got " + blockTokens);
    }
  }

  /** The number of buckets, {@code 2^hashBits}. */
  public int buckets() {
    return 1 << hashBits;
  }
}
