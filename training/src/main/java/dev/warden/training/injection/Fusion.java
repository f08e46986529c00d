package dev.warden.training.injection;

import dev.warden.policies.injection.LayerScores;
import dev.warden.policies.injection.signals.Signal;
import java.util.List;

/** How the layers' evidence becomes one score; the evaluation compares several. */
interface Fusion {

  /** The fused score, in [0, 1]. */
  double score(LayerScores layers);

  /** The structural signals alone, as a noisy OR. */
  Fusion SIGNALS = layers -> noisyOr(0, layers.signals());

  /** The learned model alone. */
  Fusion MODEL = LayerScores::modelScore;

  /** What {@code LayeredInjectionScorer} ships: model and signals as independent evidence. */
  Fusion NOISY_OR = layers -> noisyOr(layers.modelScore(), layers.signals());

  static double noisyOr(double model, List<Signal> signals) {
    double clean = 1 - model;
    for (Signal signal : signals) {
      clean *= 1 - signal.strength();
    }
    return 1 - clean;
  }

  /** {@code fusion} applied to every row. */
  static double[] apply(Fusion fusion, LayerScores[] layers) {
    double[] scores = new double[layers.length];
    for (int i = 0; i < layers.length; i++) {
      scores[i] = fusion.score(layers[i]);
    }
    return scores;
  }
}
