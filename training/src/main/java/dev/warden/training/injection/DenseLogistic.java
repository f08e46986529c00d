package dev.warden.training.injection;

/**
 * Weighted logistic regression over a few dense features, fitted by Newton's method with a small L2
 * penalty on the weights (not the bias). Deterministic.
 */
final class DenseLogistic {

  private static final int ITERATIONS = 50;

  private DenseLogistic() {}

  /** The weights, one per feature, then the bias. */
  static double[] fit(double[][] x, int[] y, double[] costs, double lambda) {
    return fit(x, new double[x.length], y, costs, lambda);
  }

  /** As above, each row's logit starting from its fixed {@code offsets[i]}. */
  static double[] fit(double[][] x, double[] offsets, int[] y, double[] costs, double lambda) {
    int d = x[0].length + 1;
    double[] w = new double[d];
    double total = 0;
    for (double c : costs) {
      total += c;
    }
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[] g = new double[d];
      double[][] h = new double[d][d];
      for (int i = 0; i < x.length; i++) {
        double p = 1 / (1 + Math.exp(-logit(w, x[i]) - offsets[i]));
        double c = costs[i] / total;
        for (int a = 0; a < d; a++) {
          double xa = a < d - 1 ? x[i][a] : 1;
          g[a] += c * (p - y[i]) * xa;
          for (int b = 0; b < d; b++) {
            double xb = b < d - 1 ? x[i][b] : 1;
            h[a][b] += c * p * (1 - p) * xa * xb;
          }
        }
      }
      for (int a = 0; a < d - 1; a++) {
        g[a] += lambda * w[a];
        h[a][a] += lambda;
      }
      h[d - 1][d - 1] += 1e-9;
      double[] step = solve(h, g);
      double change = 0;
      for (int a = 0; a < d; a++) {
        w[a] -= step[a];
        change = Math.max(change, Math.abs(step[a]));
      }
      if (change < 1e-10) {
        break;
      }
    }
    return w;
  }

  static double logit(double[] w, double[] x) {
    double z = w[w.length - 1];
    for (int a = 0; a < x.length; a++) {
      z += w[a] * x[a];
    }
    return z;
  }

  /** Solves {@code h s = g} by Gaussian elimination with partial pivoting. */
  private static double[] solve(double[][] h, double[] g) {
    int n = g.length;
    double[][] m = new double[n][n + 1];
    for (int r = 0; r < n; r++) {
      System.arraycopy(h[r], 0, m[r], 0, n);
      m[r][n] = g[r];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int k = col; k <= n; k++) {
          m[r][k] -= f * m[col][k];
        }
      }
    }
    double[] s = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double v = m[r][n];
      for (int k = r + 1; k < n; k++) {
        v -= m[r][k] * s[k];
      }
      s[r] = v / m[r][r];
    }
    return s;
  }
}
