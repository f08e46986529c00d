package dev.warden.policies.pii;

import java.util.ArrayList;
import java.util.List;

/** Small helpers for recognizer tests: what a recognizer reports, as spans or as the matched text. */
final class Found {

  private Found() {}

  /** Every span {@code recognizer} appends for {@code text}, checking the {@link Recognizer} contract on the way. */
  static List<Span> spans(Recognizer recognizer, CharSequence text) {
    List<Span> out = new ArrayList<>();
    recognizer.find(text, out);
    int last = 0;
    for (Span span : out) {
      if (span.start() < last || span.end() > text.length()) {
        throw new AssertionError("spans must be in order, without overlaps, inside the text: " + out);
      }
      last = span.end();
    }
    return out;
  }

  /** The text of every span {@code recognizer} reports in {@code text}, in order. */
  static List<String> texts(Recognizer recognizer, String text) {
    return spans(recognizer, text).stream().map(s -> text.substring(s.start(), s.end())).toList();
  }

  /** The span of the first occurrence of {@code needle} in {@code text}, typed {@code type}. */
  static Span at(String type, String text, String needle) {
    int start = text.indexOf(needle);
    if (start < 0) {
      throw new IllegalArgumentException(needle + " is not in " + text);
    }
    return new Span(type, start, start + needle.length());
  }
}
