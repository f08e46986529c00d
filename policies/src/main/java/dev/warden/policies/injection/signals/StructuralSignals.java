package dev.warden.policies.injection.signals;

import dev.warden.policies.injection.normalize.DecodedSegment;
import dev.warden.policies.injection.normalize.NormalizedText;
import java.util.List;

/**
 * Layer 2 of injection detection: the structural signals of one normalised message part. Stateless
 * and thread-safe; linear in the length of the text and its decoded segments.
 *
 * <p>The normalised text and every decoded segment are scanned alike. A segment that fires a
 * content signal (a phrase, markup or role signal of strength 0.5 or more) also fires
 * {@link SignalNames#ENCODED_INSTRUCTION}: an instruction someone took the trouble to hide.
 */
public final class StructuralSignals {

  private static final double CONTENT_IN_SEGMENT = 0.5;
  private static final double ENCODED_INSTRUCTION = 0.9;

  private StructuralSignals() {}

  /**
   * The signals that fire on {@code text}, each once with its strongest strength, in the order of
   * {@link SignalNames#ALL}; empty when none does.
   */
  public static List<Signal> detect(NormalizedText text, Role role) {
    return detect(text, role, null);
  }

  /**
   * As {@link #detect(NormalizedText, Role)}, the same signals, visiting only the chars of the
   * normalised text that {@code marks} marks, when it marked that text (null: every char).
   */
  public static List<Signal> detect(NormalizedText text, Role role, ScanMarks marks) {
    SignalSet out = new SignalSet();
    TextScanner.scan(text.text(), role, out, marks);
    for (DecodedSegment segment : text.segments()) {
      SignalSet inner = new SignalSet();
      TextScanner.scan(segment.text(), role, inner);
      double content = inner.strongestContentSignal();
      if (content >= CONTENT_IN_SEGMENT) {
        out.fire(SignalSet.ENCODED_INSTRUCTION, Math.max(ENCODED_INSTRUCTION, content));
      }
      out.addAll(inner);
    }
    ObfuscationSignals.add(text, out);
    AdversarialSuffix.check(text.text(), out);
    if (role == Role.TOOL) {
      PlantedRequests.check(text.text(), out);
    } else {
      CompletionBait.check(text.text(), out);
    }
    out.fireIdioms();
    return out.toList();
  }
}
