package dev.warden.training.injection;

import dev.warden.policies.injection.LayerScores;
import dev.warden.policies.injection.signals.Signal;
import java.util.List;

/** How the layers' evidence becomes one score; the evaluation compares several. */
interface Fusion {

  /** The fused score, in [0, 1], of a text of role tool ({@code indirect}) or not. */
  double score(LayerScores layers, boolean indirect);

  /** The structural signals alone, as a noisy OR. */
  Fusion SIGNALS = (layers, indirect) -> noisyOr(0, layers.signals());

  /** The learned model alone. */
  Fusion MODEL = (layers, indirect) -> layers.modelScore();

  /** The fusion shipped before the learned one: model and signals as independent evidence. */
  Fusion NOISY_OR = (layers, indirect) -> noisyOr(layers.modelScore(), layers.signals());

  static double noisyOr(double model, List<Signal> signals) {
    double clean = 1 - model;
    for (Signal signal : signals) {
      clean *= 1 - signal.strength();
    }
    return 1 - clean;
  }

  /** The signals' evidence: the sum of {@code -ln(1 - strength)}, 0 when none fired. */
  static double signalEvidence(List<Signal> signals) {
    double sum = 0;
    for (Signal signal : signals) {
      sum -= Math.log1p(-Math.min(signal.strength(), 0.999));
    }
    return sum;
  }

  /** The model's score as a logit, kept finite. */
  static double modelLogit(LayerScores layers) {
    double p = Math.min(Math.max(layers.modelScore(), 1e-7), 1 - 1e-7);
    return Math.log(p / (1 - p));
  }

  /** {@code fusion} applied to every row. */
  static double[] apply(Fusion fusion, List<Example> examples, LayerScores[] layers) {
    double[] scores = new double[layers.length];
    for (int i = 0; i < layers.length; i++) {
      scores[i] = fusion.score(layers[i], examples.get(i).indirect());
    }
    return scores;
  }
}
