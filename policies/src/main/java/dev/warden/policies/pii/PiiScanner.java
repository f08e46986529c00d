package dev.warden.policies.pii;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Finds personal data in text with a fixed set of recognizers. Immutable and thread-safe.
 *
 * <p>The result is sorted by start and has no overlaps: where two recognizers claim overlapping
 * text, the longer match wins (the earlier one on a tie). A match whose text equals one of the
 * {@code allow} literals is dropped.
 *
 * <p>The text is turned into a {@code String} once, so every recognizer reads the same concrete
 * type, and its {@link Anchors} are found once for all built-ins.
 */
public final class PiiScanner {

  private final Recognizer[] recognizers;
  private final Set<String> allow;
  private final boolean anchored;

  public PiiScanner(List<Recognizer> recognizers, Collection<String> allow) {
    this.recognizers = recognizers.toArray(new Recognizer[0]);
    this.allow = Set.copyOf(allow);
    this.anchored = recognizers.stream().anyMatch(r -> r instanceof AnchoredRecognizer);
  }

  /** Every finding in {@code text}, sorted by start, without overlaps; empty when none. */
  public List<Span> scan(CharSequence text) {
    String string = text.toString();
    Anchors anchors = anchored ? Anchors.of(string) : null;
    List<Span> found = new ArrayList<>();
    for (Recognizer recognizer : recognizers) {
      if (recognizer instanceof AnchoredRecognizer builtIn) {
        builtIn.find(string, anchors, found);
      } else {
        recognizer.find(string, found);
      }
    }
    if (found.isEmpty()) {
      return found;
    }
    found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.end() - b.start(), a.end() - a.start()));
    List<Span> kept = new ArrayList<>(found.size());
    for (Span span : found) {
      if (!allow.isEmpty() && allow.contains(string.substring(span.start(), span.end()))) {
        continue;
      }
      Span last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
      if (last == null || span.start() >= last.end()) {
        kept.add(span);
      } else if (span.end() - span.start() > last.end() - last.start()) {
        kept.set(kept.size() - 1, span);
      }
    }
    return kept;
  }
}
