package dev.warden.training.injection;

import java.util.Arrays;

/** Counting helpers for the evaluation tables. */
final class Metrics {

  private Metrics() {}

  /** Counts at one threshold: attacks flagged and benign flagged. */
  static final class Tally {
    int attacks;
    int benign;
    int truePositives;
    int falsePositives;

    void add(boolean attack, boolean flagged) {
      if (attack) {
        attacks++;
        truePositives += flagged ? 1 : 0;
      } else {
        benign++;
        falsePositives += flagged ? 1 : 0;
      }
    }

    double tpr() {
      return attacks == 0 ? Double.NaN : (double) truePositives / attacks;
    }

    double fpr() {
      return benign == 0 ? Double.NaN : (double) falsePositives / benign;
    }

    /** Mean of TPR and TNR over the classes present. */
    double balancedAccuracy() {
      if (attacks == 0) {
        return 1 - fpr();
      }
      if (benign == 0) {
        return tpr();
      }
      return (tpr() + 1 - fpr()) / 2;
    }
  }

  /**
   * The lowest logit threshold (flag at or above) that flags at most {@code fpr} of {@code benign}.
   */
  static double thresholdAtFpr(double[] benign, double fpr) {
    double[] sorted = benign.clone();
    Arrays.sort(sorted);
    int allowed = (int) Math.floor(fpr * sorted.length);
    int k = sorted.length - allowed;
    if (k >= sorted.length) {
      return Math.nextUp(sorted[sorted.length - 1]);
    }
    double t = sorted[k];
    // ties at t would all be flagged: move above them if that flags too many
    if (k > 0 && sorted[k - 1] == t) {
      return Math.nextUp(t);
    }
    return t;
  }

  /** Area under the ROC curve, ties counted half. */
  static double auc(double[] attacks, double[] benign) {
    if (attacks.length == 0 || benign.length == 0) {
      return Double.NaN;
    }
    double[] b = benign.clone();
    Arrays.sort(b);
    double sum = 0;
    for (double a : attacks) {
      int below = lowerBound(b, a);
      int notAbove = upperBound(b, a);
      sum += below + 0.5 * (notAbove - below);
    }
    return sum / ((double) attacks.length * benign.length);
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "    -" : String.format("%5.1f", 100 * v);
  }
}
