package dev.warden.policies.injection;

import java.util.List;

/**
 * A text's injection score and the names of the layers that raised it ({@code model},
 * {@code role_spoofing}, {@code invisible_chars}, …): stable names, never text.
 *
 * @param score   in [0, 1]
 * @param reasons the layers that fired, strongest first; empty when none did
 */
public record InjectionScore(double score, List<String> reasons) {

  public static final InjectionScore NONE = new InjectionScore(0, List.of());

  public InjectionScore {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    reasons = List.copyOf(reasons);
  }
}
