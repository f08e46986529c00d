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
 * model invents (not in the vault), or one cut short, is left as it is. The arguments of tool
 * calls, JSON text, go through the {@link #forJsonText()} twin, which keeps them valid JSON.
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
  /** Whether this is the variant for JSON text ({@link #forJsonText()}). */
  private final boolean jsonText;
  /** The other variant: for JSON text when this one is for plain text, and the reverse. */
  private final CompletionFilter twin;

  /** A filter for plain text ({@code plain == null}), or the JSON text twin of {@code plain}. */
  private CompletionFilter(PseudonymVault vault, PiiScanner scanner, Function<String, String> marker,
      CompletionFilter plain) {
    this.vault = vault;
    this.scanner = scanner;
    this.marker = marker;
    this.jsonText = plain != null;
    this.twin = plain != null ? plain : new CompletionFilter(vault, scanner, marker, this);
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
    return new CompletionFilter(vault, redactOrNull, marker, null);
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
    emit(text, 0, text.length(), spans, jsonText && redacts() ? new JsonTextTracker() : null, out);
    return out.toString();
  }

  /**
   * The variant for JSON text, described on {@link CompletionRewriter#forJsonText()}: values restored
   * JSON-escaped; when redacting, a finding inside a string is redacted from the end of an escape
   * sequence it starts in to the start of one it ends in, and a finding outside strings replaces
   * each run of number chars ({@code 0-9 + - . e E}) it touches, whole, by its marker in quotes; quotes
   * are never redacted. Its stream channels follow strings and escapes across deltas.
   */
  @Override
  public CompletionRewriter forJsonText() {
    return jsonText ? this : twin;
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

  boolean jsonText() {
    return jsonText;
  }

  /**
   * Appends the rewrite of {@code text[from, to)}: each span replaced by its marker (a span that
   * begins before {@code from} only from {@code from} on), the placeholders between restored.
   *
   * @param json for JSON text, where strings and escapes are at {@code from}, moved on to {@code to};
   *     null for plain text
   */
  void emit(CharSequence text, int from, int to, List<Span> spans, JsonTextTracker json, StringBuilder out) {
    if (json != null) {
      emitJson(text, from, to, spans, json, out);
      return;
    }
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

  /**
   * {@link #emit} for JSON text: each span split where strings open and close; its parts inside
   * strings redacted without the escape sequence it starts or ends in, its parts outside strings
   * only where they touch a number, whose whole run of number chars becomes the marker in quotes.
   * Quotes are never redacted.
   */
  private void emitJson(CharSequence text, int from, int to, List<Span> spans, JsonTextTracker json,
      StringBuilder out) {
    json.moveTo(from);
    int copied = from;
    for (int k = 0, n = spans.size(); k < n; k++) {
      Span span = spans.get(k);
      if (span.end() <= json.position()) {
        continue;
      }
      if (span.start() >= to) {
        break;
      }
      int end = Math.min(span.end(), to);
      json.advanceTo(text, span.start());
      while (json.position() < end) {
        copied = json.inString()
            ? redactInString(text, end, span.type(), json, copied, out)
            : redactNumbers(text, end, to, span.type(), json, copied, out);
        if (json.position() < end && text.charAt(json.position()) == '"') {
          json.step(text);
        }
      }
    }
    restore(text, copied, to, out);
    json.advanceTo(text, to);
  }

  /**
   * Redacts from the tracker's position, inside a string, up to {@code end} or the string's closing
   * quote, less an escape sequence cut at either end; stops the tracker there.
   *
   * @return the new end of what has been written for {@code text}
   */
  private int redactInString(CharSequence text, int end, String type, JsonTextTracker json, int copied,
      StringBuilder out) {
    while (json.position() < end && json.inEscape()) {
      json.step(text);
    }
    int partStart = json.position();
    int escapeStart = partStart;
    while (json.position() < end && !json.atClosingQuote(text)) {
      if (!json.inEscape() && text.charAt(json.position()) == '\\') {
        escapeStart = json.position();
      }
      json.step(text);
    }
    int partEnd = json.inEscape() ? escapeStart : json.position();
    if (partEnd <= partStart) {
      return copied;
    }
    restore(text, copied, partStart, out);
    JsonTextTracker.appendEscaped(marker.apply(type), out);
    return partEnd;
  }

  /**
   * Redacts, from the tracker's position outside strings up to {@code end} or the next quote, each
   * run of number chars there, whole (as far as {@code text[copied, to)} goes), by the marker in
   * quotes; stops the tracker at the end of that stretch or of the last run.
   *
   * @return the new end of what has been written for {@code text}
   */
  private int redactNumbers(CharSequence text, int end, int to, String type, JsonTextTracker json, int copied,
      StringBuilder out) {
    int stretchEnd = json.position();
    while (stretchEnd < end && text.charAt(stretchEnd) != '"') {
      stretchEnd++;
    }
    for (int i = json.position(); i < stretchEnd; i++) {
      if (isNumberChar(text.charAt(i))) {
        int runStart = i;
        while (runStart > copied && isNumberChar(text.charAt(runStart - 1))) {
          runStart--;
        }
        int runEnd = i;
        while (runEnd < to && isNumberChar(text.charAt(runEnd))) {
          runEnd++;
        }
        restore(text, copied, runStart, out);
        out.append('"');
        JsonTextTracker.appendEscaped(marker.apply(type), out);
        out.append('"');
        copied = runEnd;
        i = runEnd - 1;
      }
    }
    json.advanceTo(text, Math.max(stretchEnd, copied));
    return copied;
  }

  private static boolean isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  }

  /**
   * Appends {@code text[from, to)} with every placeholder of the call that lies inside restored
   * (JSON-escaped for JSON text).
   */
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
          out.append(text, copied, i);
          String value = vault.valueOf(text.subSequence(i, end).toString());
          if (jsonText) {
            JsonTextTracker.appendEscaped(value, out);
          } else {
            out.append(value);
          }
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
    return "CompletionFilter[restores=" + restores() + ", redacts=" + redacts() + ", jsonText=" + jsonText + "]";
  }
}
