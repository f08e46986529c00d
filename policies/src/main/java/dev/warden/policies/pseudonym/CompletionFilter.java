package dev.warden.policies.pseudonym;

import dev.warden.policies.pii.CompletionRewriter;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The completion side of one call's PII policy: first redacts the personal data the model produced
 * ({@code completions: redact}, when a scanner is given), then restores the call's placeholders to
 * their real values. Redacting first means the scanner sees the model's own text, where a
 * placeholder is not personal data, and a restored value is never redacted. Where a finding
 * overlaps placeholders of the call, only its parts outside them are redacted (a placeholder
 * inside a private-key block is restored, the rest of the block redacted). A placeholder the
 * model invents (not in the vault), or one cut short, is left as it is.
 *
 * <p>Streams: see {@link #channel()} for what is held back and for how long. Immutable and
 * thread-safe; each channel belongs to one reader.
 */
public final class CompletionFilter implements CompletionRewriter {

  /**
   * When redacting, a stream channel holds back at least this many trailing chars (from the start
   * of the word they begin in), so that a match with whitespace inside (a phone or card number in
   * groups, an IBAN) is seen whole before any of it is released.
   */
  public static final int CONTEXT_CHARS = 48;

  /**
   * When redacting, at least this much released text is still shown to the scanner in front of
   * the held text (for context words), from an earlier release point.
   */
  public static final int LOOK_BEHIND_CHARS = 64;

  /**
   * The most a stream channel holds back after any {@code feed}, in chars: a bound on its memory
   * and on how far the application's view lags behind the model. When only restoring, a channel
   * holds less than {@link PseudonymVault#maxPlaceholderLength()} chars.
   */
  public static final int MAX_HELD_CHARS = 4096;

  private static final Function<String, String> BRACKETS = type -> "[" + type + "]";

  private final PseudonymVault vault;
  private final PiiScanner scanner;
  private final Function<String, String> marker;

  private CompletionFilter(PseudonymVault vault, PiiScanner scanner, Function<String, String> marker) {
    this.vault = vault;
    this.scanner = scanner;
    this.marker = marker;
  }

  /**
   * The completion rewriter of a call, redacting with {@code [TYPE]} markers; null when there is
   * nothing to do (no placeholder in the vault and no redaction).
   *
   * @param vault        the call's pseudonyms, or null
   * @param redactOrNull the scanner of {@code completions: redact}, or null when completions are
   *                     not redacted
   */
  public static CompletionRewriter restoring(PseudonymVault vault, PiiScanner redactOrNull) {
    return restoring(vault, redactOrNull, BRACKETS);
  }

  /**
   * As {@link #restoring(PseudonymVault, PiiScanner)}, with the redaction text of each entity type
   * given by {@code marker} (e.g. {@code type -> "[" + type + "]"}).
   */
  public static CompletionRewriter restoring(PseudonymVault vault, PiiScanner redactOrNull,
      Function<String, String> marker) {
    Objects.requireNonNull(marker, "marker");
    if (redactOrNull == null && (vault == null || vault.isEmpty())) {
      return null;
    }
    return new CompletionFilter(vault, redactOrNull, marker);
  }

  /** {@code text} redacted and restored; null and empty pass through. */
  @Override
  public String rewrite(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    List<Span> spans = redacts() ? redactable(text, scanner.scan(text)) : List.of();
    if (spans.isEmpty() && !restores()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    emit(text, 0, text.length(), spans, out);
    return out.toString();
  }

  /**
   * A new stream channel. It releases text once nothing that may follow can change it, and holds
   * back:
   * <ul>
   *   <li>a trailing {@code <} and what follows it, while that could still grow into a
   *       placeholder;</li>
   *   <li>when redacting: the last {@link #CONTEXT_CHARS} chars, widened to the start of their
   *       first word; a match the scanner sees across the release point, from its start; and an
   *       open {@code -----BEGIN} block (a private key), from the start of its word until the
   *       {@code -----END} line with the same label;</li>
   *   <li>a trailing high surrogate, so that a pair is never split.</li>
   * </ul>
   * Concatenating its outputs equals {@link #rewrite} of the concatenated deltas as long as every
   * match without whitespace, every match with whitespace (PEM blocks aside) plus the text its
   * recognizer needs after it, and every PEM block fit in {@link #MAX_HELD_CHARS},
   * {@link #CONTEXT_CHARS} and {@link #MAX_HELD_CHARS} chars, and each recognizer decides from at
   * most {@link #LOOK_BEHIND_CHARS} chars before a match.
   *
   * <p>Past {@link #MAX_HELD_CHARS}, the older half of the held text is released anyway: cut at a
   * word start if there is one, never inside a placeholder, and never inside a match the scanner
   * sees (that match is released whole, redacted). A longer match whose start was released this
   * way is not redacted whole: its released part passes as it is, and the stream may differ from
   * {@link #rewrite} from there on.
   */
  @Override
  public Channel channel() {
    return new HoldBackChannel(this);
  }

  boolean redacts() {
    return scanner != null;
  }

  boolean restores() {
    return vault != null && !vault.isEmpty();
  }

  int maxPlaceholderLength() {
    return vault == null ? 0 : vault.maxPlaceholderLength();
  }

  /** The scanner's findings in {@code text}. */
  List<Span> scan(CharSequence text) {
    return scanner.scan(text);
  }

  /**
   * The parts of {@code spans} (findings in {@code text}) to redact: each finding less the
   * placeholders of the call it overlaps, which stay placeholders to restore. A finding inside a
   * placeholder leaves nothing.
   */
  List<Span> redactable(CharSequence text, List<Span> spans) {
    if (spans.isEmpty() || !restores()) {
      return spans;
    }
    List<Span> parts = new ArrayList<>(spans.size());
    for (int k = 0, n = spans.size(); k < n; k++) {
      Span span = spans.get(k);
      int end = span.end();
      int from = span.start();
      int enclosing = enclosingPlaceholderStart(text, from);
      if (enclosing >= 0) {
        from = placeholderEnd(text, enclosing, text.length());
      }
      for (int i = from; i < end; i++) {
        if (text.charAt(i) == '<') {
          int placeholderEnd = placeholderEnd(text, i, text.length());
          if (placeholderEnd > 0) {
            if (i > from) {
              parts.add(new Span(span.type(), from, i));
            }
            from = placeholderEnd;
            i = placeholderEnd - 1;
          }
        }
      }
      if (from < end) {
        parts.add(new Span(span.type(), from, end));
      }
    }
    return parts;
  }

  /** Start of the call's placeholder that has {@code c} strictly inside (not at its start); -1 if none. */
  int enclosingPlaceholderStart(CharSequence text, int c) {
    int max = maxPlaceholderLength();
    for (int i = c - 1; i >= 0 && i > c - max; i--) {
      char ch = text.charAt(i);
      if (ch == '<') {
        return placeholderEnd(text, i, text.length()) > c ? i : -1;
      }
      if (ch == '>') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Appends the rewrite of {@code text[from, to)}: each span replaced by its marker (a span that
   * begins before {@code from} only from {@code from} on), the placeholders between restored.
   */
  void emit(CharSequence text, int from, int to, List<Span> spans, StringBuilder out) {
    int copied = from;
    for (int k = 0, n = spans.size(); k < n; k++) {
      Span span = spans.get(k);
      if (span.end() <= from) {
        continue;
      }
      if (span.start() >= to) {
        break;
      }
      restore(text, copied, Math.max(span.start(), from), out);
      out.append(marker.apply(span.type()));
      copied = Math.min(span.end(), to);
    }
    restore(text, copied, to, out);
  }

  /** Appends {@code text[from, to)} with every placeholder of the call that lies inside restored. */
  void restore(CharSequence text, int from, int to, StringBuilder out) {
    if (!restores()) {
      out.append(text, from, to);
      return;
    }
    int copied = from;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '<') {
        int end = placeholderEnd(text, i, to);
        if (end > 0) {
          out.append(text, copied, i).append(vault.valueOf(text.subSequence(i, end).toString()));
          copied = end;
          i = end - 1;
        }
      }
    }
    out.append(text, copied, to);
  }

  /** End (exclusive) of the call's placeholder that starts at {@code i} and ends by {@code limit}; -1 if none. */
  int placeholderEnd(CharSequence text, int i, int limit) {
    if (text.charAt(i) != '<' || vault == null) {
      return -1;
    }
    int max = Math.min(limit, i + vault.maxPlaceholderLength());
    for (int j = i + 1; j < max; j++) {
      char c = text.charAt(j);
      if (c == '>') {
        return vault.valueOf(text.subSequence(i, j + 1).toString()) != null ? j + 1 : -1;
      }
      if (!isPlaceholderChar(c)) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isPlaceholderChar(char c) {
    return PseudonymVault.isTypeChar(c) || (c >= 'a' && c <= 'f');
  }

  @Override
  public String toString() {
    return "CompletionFilter[restores=" + restores() + ", redacts=" + redacts() + "]";
  }
}
