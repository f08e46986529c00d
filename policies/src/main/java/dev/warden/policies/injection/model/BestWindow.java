package dev.warden.policies.injection.model;

import static dev.warden.policies.injection.model.Featurizer.ASCII_CLASS;
import static dev.warden.policies.injection.model.Featurizer.ASCII_FOLD;
import static dev.warden.policies.injection.model.Featurizer.BIGRAM_SALT;
import static dev.warden.policies.injection.model.Featurizer.FNV_OFFSET;
import static dev.warden.policies.injection.model.Featurizer.FNV_PRIME;
import static dev.warden.policies.injection.model.Featurizer.GRAM2;
import static dev.warden.policies.injection.model.Featurizer.GRAM3;
import static dev.warden.policies.injection.model.Featurizer.GRAM4;
import static dev.warden.policies.injection.model.Featurizer.GRAM5;
import static dev.warden.policies.injection.model.Featurizer.GRAM5_SALT;
import static dev.warden.policies.injection.model.Featurizer.MARK;
import static dev.warden.policies.injection.model.Featurizer.SKIP;
import static dev.warden.policies.injection.model.Featurizer.SPACE;
import static dev.warden.policies.injection.model.Featurizer.START_TOKEN;
import static dev.warden.policies.injection.model.Featurizer.WORD;
import static dev.warden.policies.injection.model.Featurizer.fmix32;

import dev.warden.policies.injection.signals.ScanMarks;

/**
 * The weight sum of the highest-scoring window of a text, as {@link InjectionModel} defines it: the
 * loop of {@link Featurizer#featurize} with the window sums of {@link Windows} in place of a sink.
 * Both live in one method so that the JIT keeps the running sums in registers: fed through a sink
 * allocated elsewhere they are fields, stored and reloaded on every feature, and the chain of float
 * additions (whose order fixes the result) runs at a third of the speed.
 *
 * <p>Must emit exactly the features of {@code featurize}, in the same order; {@code
 * BestWindowTest} compares the two on varied text. Along the way it sets the signals' {@link
 * ScanMarks}, so that the signals need not walk the text again.
 */
final class BestWindow {

  private BestWindow() {}

  static double of(FeatureSpec spec, float[] weights, CharSequence text, ScanMarks scanMarks) {
    final boolean unigrams = spec.wordUnigrams();
    final boolean bigrams = spec.wordBigrams();
    final int charMin = spec.charMin();
    final int charMax = spec.charMax();
    final boolean markTokens = spec.markTokens();
    final boolean only4grams = charMin == 4 && charMax == 4;
    final int mask = spec.buckets() - 1;
    final int shift = 64 - spec.hashBits();
    // a char[] copy: String.charAt's check for the UTF-16 coder, in every iteration, costs more
    final String string = text.toString();
    final char[] chars = string.toCharArray();
    final long[] marks = scanMarks.mark(string);
    final int length = chars.length;
    Windows sums = new Windows(weights, spec.blockTokens(), spec.meanNorm());
    int word = FNV_OFFSET;
    boolean inWord = false;
    int previous = START_TOKEN;
    long window = ' ';
    int fifth = 0;
    int pushed = 1;
    boolean afterSpace = true;
    int scanHash = 0;   // the signals' hash of the ASCII word in progress, and where it started
    int scanStart = 0;
    // one more char than the text: its end behaves as a space
    for (int i = 0; i <= length; i++) {
      char raw = i < length ? chars[i] : ' ';
      byte kind;
      char c;
      if (raw < 128) {
        kind = ASCII_CLASS[raw];
        c = ASCII_FOLD[raw];
      } else {
        marks[i >>> 6] |= 1L << i;
        scanHash = 0;
        scanStart = i + 1;
        int classified = classifyAndFold(raw);
        kind = (byte) (classified >>> 16);
        c = (char) classified;
      }
      if (kind == SKIP) {
        continue;
      }
      if (kind == WORD) {
        if (!inWord) {
          word = FNV_OFFSET;
          inWord = true;
          scanHash = 0;
          scanStart = i;
        }
        word = (word ^ c) * FNV_PRIME;
        if (raw < 'A') {
          // a digit ends the signals' word
          mark(marks, scanHash, scanStart, i, chars);
          scanHash = 0;
          scanStart = i + 1;
        } else {
          scanHash = 31 * scanHash + (raw | 0x20);
        }
      } else {
        if (inWord) {
          previous = sums.token(word, previous, unigrams, bigrams, mask);
          inWord = false;
          mark(marks, scanHash, scanStart, i, chars);
        }
        if (ScanMarks.isSpecial(raw)) {
          marks[i >>> 6] |= 1L << i;
        }
        if (kind == SPACE) {
          if (afterSpace) {
            continue;
          }
          c = ' ';
        }
      }
      afterSpace = kind == SPACE;
      if (only4grams) {
        window = (window << 16) | c;
        if (++pushed >= 4) {
          sums.feature((int) ((window * GRAM4) >>> shift));
        }
      } else if (charMin > 0) {
        fifth = (int) (window >>> 48);
        window = (window << 16) | c;
        pushed++;
        sums.grams(window, fifth, pushed, charMin, charMax, shift);
      }
      if (kind == MARK && (markTokens || Featurizer.isIdeographOrKana(c))) {
        previous = sums.token((FNV_OFFSET ^ c) * FNV_PRIME, previous, unigrams, bigrams, mask);
      }
      if (kind == WORD) {
        // The rest of the word's ASCII letters, most of the text, without the tests above that
        // a letter inside a word always passes the same way: exactly what they would do.
        while (i + 1 < length) {
          int lower = chars[i + 1] | 0x20;
          if ((char) (lower - 'a') >= 26) {
            break;
          }
          i++;
          word = (word ^ lower) * FNV_PRIME;
          scanHash = 31 * scanHash + lower;
          if (only4grams) {
            window = (window << 16) | lower;
            if (++pushed >= 4) {
              sums.feature((int) ((window * GRAM4) >>> shift));
            }
          } else if (charMin > 0) {
            fifth = (int) (window >>> 48);
            window = (window << 16) | lower;
            pushed++;
            sums.grams(window, fifth, pushed, charMin, charMax, shift);
          }
        }
      }
    }
    return best(sums.best, sums.hasPrevious, sums.previousSum, sums.previousCount, sums.sum,
        sums.count, spec.meanNorm());
  }

  /** Marks the end of the signals' word {@code [start, end)} if their scanner would read it. */
  private static void mark(long[] marks, int hash, int start, int end, char[] chars) {
    if (end - start >= 2 && ScanMarks.wanted(hash, end - start, chars[end - 1])) {
      marks[end >>> 6] |= 1L << end;
    }
  }

  /** A non-ASCII char's kind in the high half, its folded form in the low half. */
  private static int classifyAndFold(char c) {
    return Featurizer.classify(c) << 16 | Featurizer.fold(c);
  }

  /** Sums weights per block; a window is the current block with the one before. */
  static final class Windows {

    private final float[] weights;
    private final int blockTokens;
    private final boolean meanNorm;
    private float sum;
    private int count;
    private int tokens;
    private float previousSum;
    private int previousCount;
    private boolean hasPrevious;
    private double best = Double.NEGATIVE_INFINITY;

    Windows(float[] weights, int blockTokens, boolean meanNorm) {
      this.weights = weights;
      this.blockTokens = blockTokens;
      this.meanNorm = meanNorm;
    }

    /** The features of a token with FNV hash {@code hash}, as {@code Featurizer.token}; its key. */
    int token(int hash, int previous, boolean unigrams, boolean bigrams, int mask) {
      int key = fmix32(hash);
      if (unigrams) {
        feature(key & mask);
      }
      if (bigrams) {
        feature(fmix32(previous * 0x9e3779b1 + key + BIGRAM_SALT) & mask);
      }
      tokenEnd();
      return key;
    }

    /** The char n-grams ending at the newest char of {@code window}, as in {@code Featurizer}. */
    void grams(long window, int fifth, int pushed, int min, int max, int shift) {
      if (min == 2 && pushed >= 2) {
        feature((int) (((window & 0xffff_ffffL) * GRAM2) >>> shift));
      }
      if (min <= 3 && pushed >= 3) {
        feature((int) (((window & 0xffff_ffff_ffffL) * GRAM3) >>> shift));
      }
      if (min <= 4 && max >= 4 && pushed >= 4) {
        feature((int) ((window * GRAM4) >>> shift));
      }
      if (max >= 5 && pushed >= 5) {
        feature((int) (((window ^ (fifth * GRAM5_SALT)) * GRAM5) >>> shift));
      }
    }

    public void feature(int bucket) {
      sum += weights[bucket];
      count++;
    }

    public void tokenEnd() {
      if (++tokens == blockTokens) {
        if (hasPrevious) {
          best = Math.max(best, window(previousSum + sum, previousCount + count));
        }
        previousSum = sum;
        previousCount = count;
        hasPrevious = true;
        sum = 0;
        count = 0;
        tokens = 0;
      }
    }

    private double window(float sum, int count) {
      return BestWindow.window(sum, count, meanNorm);
    }
  }

  /**
   * The best window once the text has ended: the last window (the block before and the one in
   * progress) counts unless it is the previous one again. Static, on the values of {@link
   * Windows}, so that the object never leaves {@link #of} (where the JIT can dissolve it into
   * registers).
   */
  private static double best(double best, boolean hasPrevious, float previousSum,
      int previousCount, float sum, int count, boolean meanNorm) {
    if (!hasPrevious) {
      return window(sum, count, meanNorm);
    }
    if (count > 0 || best == Double.NEGATIVE_INFINITY) {
      return Math.max(best, window(previousSum + sum, previousCount + count, meanNorm));
    }
    return best;
  }

  private static double window(float sum, int count, boolean meanNorm) {
    return count == 0 ? 0 : meanNorm ? sum / count : sum / Math.sqrt(count);
  }
}
