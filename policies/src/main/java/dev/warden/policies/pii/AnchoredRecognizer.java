package dev.warden.policies.pii;

import java.util.List;

/**
 * A built-in recognizer that looks only at and around the {@link Anchors} of a text. {@link PiiScanner}
 * finds the anchors once and hands them to every such recognizer; called on its own, a recognizer
 * finds them itself.
 */
abstract class AnchoredRecognizer implements Recognizer {

  @Override
  public final void find(CharSequence text, List<Span> out) {
    String string = text.toString();
    find(string, Anchors.of(string), out);
  }

  /** As {@link #find(CharSequence, List)}, with {@code anchors} found in {@code text}. */
  abstract void find(String text, Anchors anchors, List<Span> out);
}
