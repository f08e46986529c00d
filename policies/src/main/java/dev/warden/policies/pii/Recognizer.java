package dev.warden.policies.pii;

import java.util.List;

/**
 * Finds one kind of personal data in text. Implementations are stateless and thread-safe, run in
 * time linear in the text, and never keep or log what they scan.
 *
 * <p>Nothing outside an implementation assumes how it finds things: the built-ins are hand-written
 * scanners with validators ({@link BuiltInRecognizers}), {@link CustomRecognizer} runs an RE2
 * pattern, and a model-backed recognizer (person names, street addresses) would be one more
 * implementation, handed to {@link PiiScanner} like the others. Offsets are UTF-16 indices into
 * {@code text} (Java {@code String} indices), as {@link Span} says.
 */
public interface Recognizer {

  /**
   * Appends every match in {@code text} to {@code out}, in increasing order of start, without
   * overlaps between the spans it adds.
   */
  void find(CharSequence text, List<Span> out);
}
