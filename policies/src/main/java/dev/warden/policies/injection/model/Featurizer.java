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
 * FeatureSpec#markTokens()}. Depending on the
 * {@link FeatureSpec}, each token yields a unigram feature, each pair of adjacent tokens a bigram
 * feature (the first token pairs with a start marker), and each position of the char stream the
 * char n-grams ending there (the stream starts and ends with a space, so prefixes and suffixes of
 * words are their own n-grams). A feature is a bucket in {@code [0, spec.buckets())}: FNV-1a over
 * the chars, then a MurmurHash3 finaliser. The order of {@link Sink} calls is part of the contract:
 * a char n-gram comes when its last char is read, a token's unigram and bigram when the token ends
 * (a word ends at the char after it), each token's followed by {@link Sink#tokenEnd()}. The text's
 * end behaves as a space.
 */
public final class Featurizer {

  /** Receives the features of one text. */
  public interface Sink {

    /** One occurrence of the feature in {@code bucket}. */
    void feature(int bucket);

    /** The token whose features were just emitted has ended. */
    void tokenEnd();
  }

  private static final byte SPACE = 0;
  private static final byte WORD = 1;
  private static final byte MARK = 2;
  private static final byte SKIP = 3;

  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;
  private static final int START_TOKEN = fmix32(0x5eed_0001);
  private static final int BIGRAM_SALT = 0x3c6ef372;
  private static final long GRAM_SALT = 0x9e3779b97f4a7c15L;

  private static final byte[] ASCII_CLASS = new byte[128];
  private static final char[] ASCII_FOLD = new char[128];

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

  public Featurizer(FeatureSpec spec) {
    this.spec = spec;
    this.mask = spec.buckets() - 1;
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

  private void grams(long window, int fifth, int pushed, int min, int max, Sink sink) {
    for (int n = min; n <= max && n <= pushed; n++) {
      long gram = n == 5 ? window ^ fmix64(fifth + GRAM_SALT) : window & (-1L >>> (64 - 16 * n));
      sink.feature((int) (fmix64(gram + n * GRAM_SALT) >>> 32) & mask);
    }
  }

  private static byte classify(char c) {
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

  private static char fold(char c) {
    if (Character.isDigit(c)) {
      return '0';
    }
    return Character.toLowerCase(c);
  }

  private static boolean isIdeographOrKana(char c) {
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

  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
