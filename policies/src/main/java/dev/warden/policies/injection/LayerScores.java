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
 */
public record LayerScores(double modelScore, List<Signal> signals) {

  public LayerScores {
    signals = List.copyOf(signals);
  }
}
