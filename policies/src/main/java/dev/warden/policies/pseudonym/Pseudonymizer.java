package dev.warden.policies.pseudonym;

import dev.warden.policies.pii.Span;
import java.util.List;

/** Replaces the personal data found in a prompt text by the placeholders of the call's vault. */
public final class Pseudonymizer {

  private Pseudonymizer() {}

  /**
   * {@code text} with each span replaced by {@link PseudonymVault#placeholderFor} of its type and
   * covered text; records every mapping in {@code vault}. Returns {@code text} itself when
   * {@code spans} is empty.
   *
   * @param spans findings in {@code text}, sorted by start, not overlapping (as
   *              {@code PiiScanner.scan} returns them)
   * @throws IllegalArgumentException when a span lies outside the text, overlaps the one before or
   *                                  is out of order
   */
  public static String apply(String text, List<Span> spans, PseudonymVault vault) {
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8 * spans.size());
    int copied = 0;
    for (int i = 0, n = spans.size(); i < n; i++) {
      Span span = spans.get(i);
      if (span.start() < copied || span.end() > text.length()) {
        throw new IllegalArgumentException("spans must be sorted, not overlapping and inside the text");
      }
      out.append(text, copied, span.start())
          .append(vault.placeholderFor(span.type(), text.substring(span.start(), span.end())));
      copied = span.end();
    }
    return out.append(text, copied, text.length()).toString();
  }
}
