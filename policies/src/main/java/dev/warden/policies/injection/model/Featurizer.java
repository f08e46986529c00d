package dev.warden.policies.injection.model;

/**
 * Turns text into hashed feature buckets, the same way for training and for scoring. Immutable and
 * thread-safe; allocates nothing per call.
 *
 * <p>Text is read as a stream of normalised chars: letters lowercased ({@link
 * Character#toLowerCase(char)}), every decimal digit folded to {@code 0}, runs of whitespace
 * collapsed to one space, format chars (zero-width joiners, soft hyphens, bidi marks) dropped. The
 * stream is cut into tokens: a run of letters and digits is a word; a CJK ideograph or kana is a
 * token of its own, and so is every other visible char (a punctuation mark, a symbol) if {@link
 * FeatureSpec#markTokens()}. Depending on the {@link FeatureSpec}, each token yields a unigram
 * feature, each pair of adjacent tokens a bigram feature (the first token pairs with a start
 * marker), and each position of the char stream the char n-grams ending there (the stream starts
 * and ends with a space, so prefixes and suffixes of words are their own n-grams).
 *
 * <p>A feature is a bucket in {@code [0, spec.buckets())}: for a token, FNV-1a over its chars and a
 * MurmurHash3 finaliser; for a char n-gram, its chars packed 16 bits each into a long, times an odd
 * constant, top bits (one multiply per n-gram, which keeps the per-char cost low).
 *
 * <p>{@link InjectionModel} scores through {@code BestWindow}, a copy of {@link #featurize} fused
 * with its window sums: a change here must be made there too ({@code BestWindowTest} compares
 * them).
 *
 * <p>The order of {@link Sink} calls is part of the contract: a char n-gram comes when its last
 * char is read, a token's unigram and bigram when the token ends (a word ends at the char after
 * it), each token's followed by {@link Sink#tokenEnd()}. The text's end behaves as a space.
 */
public final class Featurizer {

  /** Receives the features of one text. */
  public interface Sink {

    /** One occurrence of the feature in {@code bucket}. */
    void feature(int bucket);

    /** The token whose features were just emitted has ended. */
    void tokenEnd();
  }

  static final byte SPACE = 0;
  static final byte WORD = 1;
  static final byte MARK = 2;
  static final byte SKIP = 3;

  static final int FNV_OFFSET = 0x811c9dc5;
  static final int FNV_PRIME = 0x01000193;
  static final int START_TOKEN = fmix32(0x5eed_0001);
  static final int BIGRAM_SALT = 0x3c6ef372;
  static final long GRAM2 = 0xd6e8feb86659fd93L;
  static final long GRAM3 = 0x9e3779b97f4a7c15L;
  static final long GRAM4 = 0xc2b2ae3d27d4eb4fL;
  static final long GRAM5 = 0x165667b19e3779f9L;
  static final long GRAM5_SALT = 0x27d4eb2f165667c5L;

  static final byte[] ASCII_CLASS = new byte[128];
  static final char[] ASCII_FOLD = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_FOLD[c] = c;
      if (c <= ' ' || c == 127) {
        ASCII_CLASS[c] = SPACE;
      } else if (c >= 'a' && c <= 'z') {
        ASCII_CLASS[c] = WORD;
      } else if (c >= 'A' && c <= 'Z') {
        ASCII_CLASS[c] = WORD;
        ASCII_FOLD[c] = (char) (c + ('a' - 'A'));
      } else if (c >= '0' && c <= '9') {
        ASCII_CLASS[c] = WORD;
        ASCII_FOLD[c] = '0';
      } else {
        ASCII_CLASS[c] = MARK;
      }
    }
  }

  private final FeatureSpec spec;
  private final int mask;
  private final int shift;

  public Featurizer(FeatureSpec spec) {
    this.spec = spec;
    this.mask = spec.buckets() - 1;
    this.shift = 64 - spec.hashBits();
  }

  public FeatureSpec spec() {
    return spec;
  }

  /** Emits every feature of {@code text}, in text order, to {@code sink}. */
  public void featurize(CharSequence text, Sink sink) {
    final boolean unigrams = spec.wordUnigrams();
    final boolean bigrams = spec.wordBigrams();
    final int charMin = spec.charMin();
    final int charMax = spec.charMax();
    final boolean markTokens = spec.markTokens();
    final int length = text.length();
    int word = FNV_OFFSET;
    boolean inWord = false;
    int previous = START_TOKEN;
    long window = ' ';  // the last four stream chars, 16 bits each, newest lowest
    int fifth = 0;      // the stream char before those four
    int pushed = 1;     // stream chars so far, counting the leading space
    boolean afterSpace = true;
    for (int i = 0; i < length; i++) {
      char raw = text.charAt(i);
      byte kind;
      char c;
      if (raw < 128) {
        kind = ASCII_CLASS[raw];
        c = ASCII_FOLD[raw];
      } else {
        kind = classify(raw);
        c = fold(raw);
      }
      if (kind == SKIP) {
        continue;
      }
      if (kind == WORD) {
        if (!inWord) {
          word = FNV_OFFSET;
          inWord = true;
        }
        word = (word ^ c) * FNV_PRIME;
      } else {
        if (inWord) {
          previous = token(word, previous, unigrams, bigrams, sink);
          inWord = false;
        }
        if (kind == SPACE) {
          if (afterSpace) {
            continue;
          }
          c = ' ';
        }
      }
      afterSpace = kind == SPACE;
      if (charMin > 0) {
        fifth = (int) (window >>> 48);
        window = (window << 16) | c;
        pushed++;
        grams(window, fifth, pushed, charMin, charMax, sink);
      }
      if (kind == MARK && (markTokens || isIdeographOrKana(c))) {
        previous = token((FNV_OFFSET ^ c) * FNV_PRIME, previous, unigrams, bigrams, sink);
      }
    }
    if (inWord) {
      token(word, previous, unigrams, bigrams, sink);
    }
    if (charMin > 0 && !afterSpace) {
      fifth = (int) (window >>> 48);
      window = (window << 16) | ' ';
      pushed++;
      grams(window, fifth, pushed, charMin, charMax, sink);
    }
  }

  private int token(int hash, int previous, boolean unigrams, boolean bigrams, Sink sink) {
    int key = fmix32(hash);
    if (unigrams) {
      sink.feature(key & mask);
    }
    if (bigrams) {
      sink.feature(fmix32(previous * 0x9e3779b1 + key + BIGRAM_SALT) & mask);
    }
    sink.tokenEnd();
    return key;
  }

  /** Multiplicative hashing: the top bits of the product depend on every bit of the key. */
  private void grams(long window, int fifth, int pushed, int min, int max, Sink sink) {
    if (min == 2 && pushed >= 2) {
      sink.feature((int) (((window & 0xffff_ffffL) * GRAM2) >>> shift));
    }
    if (min <= 3 && pushed >= 3) {
      sink.feature((int) (((window & 0xffff_ffff_ffffL) * GRAM3) >>> shift));
    }
    if (min <= 4 && max >= 4 && pushed >= 4) {
      sink.feature((int) ((window * GRAM4) >>> shift));
    }
    if (max >= 5 && pushed >= 5) {
      sink.feature((int) (((window ^ (fifth * GRAM5_SALT)) * GRAM5) >>> shift));
    }
  }

  static byte classify(char c) {
    if (Character.isLetterOrDigit(c)) {
      return isIdeographOrKana(c) ? MARK : WORD;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return SPACE;
    }
    if (Character.getType(c) == Character.FORMAT || Character.isHighSurrogate(c)) {
      return SKIP;
    }
    return MARK;
  }

  static char fold(char c) {
    if (Character.isDigit(c)) {
      return '0';
    }
    return Character.toLowerCase(c);
  }

  static boolean isIdeographOrKana(char c) {
    return Character.isIdeographic(c) || (c >= '\u3040' && c <= '\u30ff');
  }

  static int fmix32(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
