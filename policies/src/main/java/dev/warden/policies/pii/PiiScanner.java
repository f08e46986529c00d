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
 */
public final class PiiScanner {

  private final Recognizer[] recognizers;
  private final Set<String> allow;

  public PiiScanner(List<Recognizer> recognizers, Collection<String> allow) {
    this.recognizers = recognizers.toArray(new Recognizer[0]);
    this.allow = Set.copyOf(allow);
  }

  /** Every finding in {@code text}, sorted by start, without overlaps; empty when none. */
  public List<Span> scan(CharSequence text) {
    List<Span> found = new ArrayList<>();
    for (Recognizer recognizer : recognizers) {
      recognizer.find(text, found);
    }
    if (found.isEmpty()) {
      return found;
    }
    found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.end() - b.start(), a.end() - a.start()));
    List<Span> kept = new ArrayList<>(found.size());
    for (Span span : found) {
      if (!allow.isEmpty() && allow.contains(text.subSequence(span.start(), span.end()).toString())) {
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
