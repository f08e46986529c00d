package dev.warden.policies.pii;

import java.util.List;

/** Replaces findings by their type in brackets, e.g. {@code [EMAIL]}. */
public final class Redactor {

  private Redactor() {}

  /** {@code text} with each span (sorted, not overlapping, as {@link PiiScanner} returns them) replaced by {@code [TYPE]}. */
  public static String redact(String text, List<Span> spans) {
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (Span span : spans) {
      out.append(text, copied, span.start()).append('[').append(span.type()).append(']');
      copied = span.end();
    }
    return out.append(text, copied, text.length()).toString();
  }
}
