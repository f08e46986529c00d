package dev.warden.training.injection;

import dev.warden.policies.injection.InjectionFusion;
import dev.warden.policies.injection.LayerScores;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a {@link Fusion} on training rows' held-out layer scores. Every fitter calibrates: it puts
 * the score 0.7 where {@code targetFpr} of the training rows' benign scores reach it. In tool
 * content and code ({@link LayerScores#modelOutOfDomain}) the model's logit is lowered by {@code
 * toolShift} first, a fixed choice (no fold can learn it when the only tool-role family is held
 * out).
 */
interface FusionFitter {

  Fusion fit(List<Example> train, LayerScores[] layers);

  double THRESHOLD_LOGIT = Math.log(0.7 / 0.3);

  /** A fixed fusion, not fitted. */
  static FusionFitter fixed(Fusion fusion) {
    return (train, layers) -> fusion;
  }

  /** The noisy OR of the signals with the model's score moved by an offset fitted for the target. */
  static FusionFitter noisyOrOffset(double targetFpr, double toolShift) {
    return (train, layers) -> {
      double lo = -12;
      double hi = 12;
      for (int k = 0; k < 60; k++) {
        double mid = (lo + hi) / 2;
        if (benignFpr(train, layers, noisyOr(mid, toolShift)) <= targetFpr) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return noisyOr(lo, toolShift);
    };
  }

  private static Fusion noisyOr(double offset, double toolShift) {
    return (l, indirect) -> Fusion.noisyOr(
        sigmoid(Fusion.modelLogit(l) + offset - (l.modelOutOfDomain(indirect) ? toolShift : 0)),
        l.signals());
  }

  /**
   * Logistic regression over the model's logit and the signals' evidence ({@link
   * Fusion#signalEvidence}): what ships, see {@link InjectionFusion}.
   */
  static FusionFitter logistic(double targetFpr, double toolShift) {
    return logistic(targetFpr, toolShift, Double.NaN);
  }

  /** As {@link #logistic(double, double)}, the signals' weight fixed unless NaN. */
  static FusionFitter logistic(double targetFpr, double toolShift, double signalWeight) {
    return (train, layers) -> {
      InjectionFusion fusion = fitLogistic(train, layers, targetFpr, toolShift, signalWeight);
      return (l, indirect) ->
          fusion.score(l.modelScore(), l.signals(), l.modelOutOfDomain(indirect));
    };
  }

  /**
   * The fusion fitted on {@code layers}, the held-out layer scores of {@code train}: examples
   * weighted as the model's recipe weights them, the bias then moved so that 0.7 flags {@code
   * targetFpr} of the benign rows.
   */
  static InjectionFusion fitLogistic(List<Example> train, LayerScores[] layers, double targetFpr,
      double toolShift) {
    return fitLogistic(train, layers, targetFpr, toolShift, Double.NaN);
  }

  /** As above, with the signals' weight fixed at {@code signalWeight} unless it is NaN. */
  static InjectionFusion fitLogistic(List<Example> train, LayerScores[] layers, double targetFpr,
      double toolShift, double signalWeight) {
    boolean fixed = !Double.isNaN(signalWeight);
    double[][] x = new double[train.size()][];
    double[] offsets = new double[train.size()];
    int[] y = new int[train.size()];
    for (int i = 0; i < x.length; i++) {
      double[] f = features(layers[i], train.get(i).indirect(), toolShift);
      x[i] = fixed ? new double[] {f[0]} : f;
      offsets[i] = fixed ? signalWeight * f[1] : 0;
      y[i] = train.get(i).label();
    }
    double[] fit = DenseLogistic.fit(x, offsets, y, Recipe.shipped().costs(train), 1e-3);
    double[] w = fixed ? new double[] {fit[0], signalWeight, fit[1]} : fit;
    w[0] = Math.max(0, w[0]); // a model that anti-correlates on held-out rows counts for nothing
    for (int i = 0; i < x.length; i++) {
      x[i] = features(layers[i], train.get(i).indirect(), toolShift);
    }
    List<Double> benign = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (y[i] == 0) {
        benign.add(DenseLogistic.logit(w, x[i]));
      }
    }
    double t = Metrics.thresholdAtFpr(
        benign.stream().mapToDouble(Double::doubleValue).toArray(), targetFpr);
    return new InjectionFusion(w[2] + THRESHOLD_LOGIT - t, w[0], w[1], toolShift);
  }

  private static double[] features(LayerScores l, boolean indirect, double toolShift) {
    return new double[] {Fusion.modelLogit(l) - (l.modelOutOfDomain(indirect) ? toolShift : 0),
        Fusion.signalEvidence(l.signals())};
  }

  private static double benignFpr(List<Example> train, LayerScores[] layers, Fusion fusion) {
    int benign = 0;
    int flagged = 0;
    for (int i = 0; i < layers.length; i++) {
      if (!train.get(i).attack()) {
        benign++;
        flagged += fusion.score(layers[i], train.get(i).indirect()) >= 0.7 ? 1 : 0;
      }
    }
    return (double) flagged / benign;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
