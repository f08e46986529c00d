package dev.warden.policies.decision;

import java.util.List;

/**
 * What the injection rule found in a request: the score of the part that decided (the highest,
 * or the highest flagged one), the threshold it was compared with, whether a part reached its
 * threshold, and the reasons of the deciding part. Never any text.
 *
 * @param score     in [0, 1]
 * @param threshold the deciding part's threshold: {@code injection.threshold}, or
 *                  {@code toolThreshold} for a tool result
 * @param flagged   true when a part scored at or above its role's threshold
 * @param reasons   layer names, strongest first
 */
public record InjectionVerdict(double score, double threshold, boolean flagged, List<String> reasons) {

  public InjectionVerdict {
    reasons = List.copyOf(reasons);
  }
}
