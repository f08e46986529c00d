package dev.warden.policies.pii;

import java.util.List;

/**
 * Finds one kind of personal data in text. Implementations are stateless and thread-safe, run in
 * time linear in the text, and never keep or log what they scan.
 */
public interface Recognizer {

  /**
   * Appends every match in {@code text} to {@code out}, in increasing order of start, without
   * overlaps between the spans it adds.
   */
  void find(CharSequence text, List<Span> out);
}
