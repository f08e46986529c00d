package dev.warden.policies.injection.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Layer 1 of injection detection: turns the text of one message part into the view the detectors
 * read ({@link NormalizedText}). Immutable and thread-safe.
 *
 * <ul>
 *   <li>Plain ASCII text with no control characters takes a fast path: one pass that only looks
 *       for encoded segments, and the text itself is the normalised text.</li>
 *   <li>Otherwise invisible characters are removed (TAG characters and runs of variation selectors
 *       decoded into hidden text), NFKC applied ({@link java.text.Normalizer}), and look-alike
 *       letters folded to ASCII (see {@link Obfuscation} for what is counted).</li>
 *   <li>Base64 (standard and URL-safe), hex, percent-encoded and ROT13 segments that decode to
 *       text, and clauses in leetspeak or spaced letters that read as words, become {@link
 *       DecodedSegment}s, normalised in turn, and searched once more for
 *       encodings inside them (depth 2), within {@link DecodeLimits}.</li>
 *   <li>Quoted fragments that an expression joins ({@code a + b}) are joined into a segment too
 *       ({@link SplitStrings}).</li>
 * </ul>
 *
 * <p>Binary payloads are not segments: a base64 image in a data URI, a hash or a key decodes to
 * bytes that are not UTF-8 text, or to text that is not mostly letters, digits and spaces.
 */
public final class TextNormalizer {

  /** A normaliser with {@link DecodeLimits#DEFAULT}. */
  public static final TextNormalizer DEFAULT = new TextNormalizer(DecodeLimits.DEFAULT);

  private final DecodeLimits limits;

  public TextNormalizer(DecodeLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** The normalised view of {@code text}. */
  public NormalizedText normalize(String text) {
    Work work = new Work(limits);
    List<DecodedSegment> segments = new ArrayList<>(0);
    String normalized = work.normalize(text, 1, segments);
    return new NormalizedText(normalized, segments, work.found);
  }

  /** The state of one call: what is left of the budget, and what was found so far. */
  private static final class Work {
    private final DecodeLimits limits;
    private int attempts;
    private int segments;
    private int decodedChars;
    private Obfuscation found = Obfuscation.NONE;

    Work(DecodeLimits limits) {
      this.limits = limits;
    }

    /** Normalises {@code text}; segments found in it get {@code depth} and go to {@code out}. */
    String normalize(String text, int depth, List<DecodedSegment> out) {
      EncodedRuns runs = new EncodedRuns(limits.maxAttempts(), limits.minBase64Chars());
      String normalized = text;
      if (runs.scan(text, true) >= 0) {
        UnicodeCleaner.Cleaned cleaned = UnicodeCleaner.clean(text, remainingChars());
        normalized = cleaned.text();
        found = found.plus(cleaned.obfuscation());
        for (UnicodeCleaner.Hidden hidden : cleaned.hidden()) {
          add(hidden.encoding(), hidden.text(), true, depth, out);
        }
        runs.clear();
        runs.scan(normalized, false);
      }
      if (depth == 1) {
        for (String joined : SplitStrings.joined(normalized)) {
          add(Encoding.SPLIT_STRINGS, joined, false, depth, out);
        }
      }
      if (depth <= limits.maxDepth()) {
        for (int k = 0; k < runs.count() && attempts < limits.maxAttempts(); k++) {
          attempts++;
          int start = runs.start(k);
          // never decode more input than the remaining budget of decoded chars can use
          int end = Math.min(runs.end(k), start + 4 * remainingChars() + 4);
          SegmentDecoders.Decoded decoded = decode(normalized, runs.kind(k), start, end);
          if (decoded != null) {
            add(decoded.encoding(), decoded.text(), decoded.obfuscated(), depth, out);
          }
        }
      }
      return normalized;
    }

    private SegmentDecoders.Decoded decode(String s, int kind, int start, int end) {
      return switch (kind) {
        case EncodedRuns.BASE64 -> {
          SegmentDecoders.Decoded hex = SegmentDecoders.hex(s, start, end, limits.minHexChars());
          yield hex != null ? hex : SegmentDecoders.base64(s, start, end);
        }
        case EncodedRuns.PERCENT -> SegmentDecoders.percent(s, start, end);
        case EncodedRuns.HEX_ESCAPES -> SegmentDecoders.hexEscapes(s, start, end);
        case EncodedRuns.ROT13 -> SegmentDecoders.rot13(s, start, end);
        case EncodedRuns.LEETSPEAK -> Disguises.leet(s, start, end);
        case EncodedRuns.SPACED_LETTERS -> Disguises.spaced(s, start, end);
        default -> throw new IllegalStateException("unknown candidate kind " + kind);
      };
    }

    private void add(Encoding encoding, String text, boolean obfuscated, int depth, List<DecodedSegment> out) {
      if (depth > limits.maxDepth() || segments >= limits.maxSegments() || remainingChars() == 0) {
        return;
      }
      segments++;
      String kept = text.length() <= remainingChars() ? text : text.substring(0, remainingChars());
      decodedChars += kept.length();
      int at = out.size();
      out.add(null);
      String normalized = normalize(kept, depth + 1, out);
      out.set(at, new DecodedSegment(encoding, normalized, depth, obfuscated));
    }

    private int remainingChars() {
      return Math.max(0, limits.maxDecodedChars() - decodedChars);
    }
  }
}
