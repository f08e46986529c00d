package dev.warden.policies.injection;

import dev.warden.policies.injection.signals.Signal;
import java.util.List;

/**
 * The evidence of the layers on one text before fusion: what {@link LayeredInjectionScorer} fuses
 * into one score. For evaluation and tuning; the agent only needs the fused {@link InjectionScore}.
 *
 * @param modelScore the learned model's score of the normalised text and of each decoded segment,
 *                   the highest, in [0, 1]
 * @param signals    the structural signals that fired (layer 2), in the order of
 *                   {@link dev.warden.policies.injection.signals.SignalNames#ALL}
 * @param code       whether the text is code, markup or preformatted ({@link CodeText}); not asked of tool
 *                   content, where the model is out of its domain anyway
 */
public record LayerScores(double modelScore, List<Signal> signals, boolean code) {

  public LayerScores {
    signals = List.copyOf(signals);
  }

  /**
   * Whether the model reads text of a kind it was not trained on: tool content ({@code
   * indirect}) or code. It was trained on prompts, and on both its score is little better than
   * chance, so {@link InjectionFusion} lowers its logit by the tool shift there.
   */
  public boolean modelOutOfDomain(boolean indirect) {
    return indirect || code;
  }
}
