package dev.warden.policies.decision;

import java.util.List;

/**
 * What the injection rule found in a request: the highest score of its scanned parts, whether it
 * reached its threshold, and the reasons of the highest-scoring part. Never any text.
 *
 * @param score   in [0, 1]
 * @param flagged true when a part scored at or above its role's threshold
 * @param reasons layer names, strongest first
 */
public record InjectionVerdict(double score, boolean flagged, List<String> reasons) {

  public InjectionVerdict {
    reasons = List.copyOf(reasons);
  }
}
