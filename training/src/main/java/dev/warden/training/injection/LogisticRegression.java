package dev.warden.training.injection;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted, L2-regularised logistic regression, fitted full-batch with L-BFGS. Deterministic: no
 * sampling, a fixed visiting order, so the same data gives the same weights bit for bit.
 *
 * <p>Minimises {@code sum_i c_i * logloss(y_i, b + w.x_i) / sum_i c_i + lambda/2 * |w|^2}; the bias
 * {@code b} is not regularised. Only buckets that occur in the training data are optimised (the
 * others stay 0), so the optimiser's memory is proportional to the features seen.
 */
public final class LogisticRegression {

  /** Weights over the full bucket space, and the bias. */
  public record Fit(float bias, float[] weights, int iterations, double loss) {}

  private static final int HISTORY = 10;

  private final double lambda;
  private final int maxIterations;

  public LogisticRegression(double lambda, int maxIterations) {
    this.lambda = lambda;
    this.maxIterations = maxIterations;
  }

  public Fit fit(List<SparseVector> xs, int[] labels, double[] costs, int buckets) {
    Map<Integer, Integer> compact = new HashMap<>();
    int[][] index = new int[xs.size()][];
    for (int i = 0; i < xs.size(); i++) {
      int[] b = xs.get(i).buckets();
      index[i] = new int[b.length];
      for (int j = 0; j < b.length; j++) {
        Integer k = compact.get(b[j]);
        if (k == null) {
          k = compact.size();
          compact.put(b[j], k);
        }
        index[i][j] = k;
      }
    }
    double total = Arrays.stream(costs).sum();
    Objective objective = new Objective(xs, index, labels, costs, total, compact.size());
    double[] x = minimise(objective, compact.size() + 1);
    float[] weights = new float[buckets];
    for (Map.Entry<Integer, Integer> e : compact.entrySet()) {
      weights[e.getKey()] = (float) x[e.getValue()];
    }
    return new Fit((float) x[compact.size()], weights, objective.iterations, objective.last);
  }

  private final class Objective {
    final List<SparseVector> xs;
    final int[][] index;
    final int[] labels;
    final double[] costs;
    final double total;
    final int dims;
    int iterations;
    double last;

    Objective(List<SparseVector> xs, int[][] index, int[] labels, double[] costs, double total,
        int dims) {
      this.xs = xs;
      this.index = index;
      this.labels = labels;
      this.costs = costs;
      this.total = total;
      this.dims = dims;
    }

    /** The loss at {@code x} (weights then bias); fills {@code gradient}. */
    double evaluate(double[] x, double[] gradient) {
      Arrays.fill(gradient, 0);
      double loss = 0;
      double bias = x[dims];
      for (int i = 0; i < index.length; i++) {
        int[] k = index[i];
        float[] v = xs.get(i).values();
        double z = bias;
        for (int j = 0; j < k.length; j++) {
          z += x[k[j]] * v[j];
        }
        double c = costs[i] / total;
        loss += c * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - labels[i] * z);
        double dz = c * (1 / (1 + Math.exp(-z)) - labels[i]);
        for (int j = 0; j < k.length; j++) {
          gradient[k[j]] += dz * v[j];
        }
        gradient[dims] += dz;
      }
      for (int d = 0; d < dims; d++) {
        loss += 0.5 * lambda * x[d] * x[d];
        gradient[d] += lambda * x[d];
      }
      return loss;
    }
  }

  private double[] minimise(Objective objective, int n) {
    double[] x = new double[n];
    double[] g = new double[n];
    double f = objective.evaluate(x, g);
    double[][] s = new double[HISTORY][];
    double[][] y = new double[HISTORY][];
    double[] rho = new double[HISTORY];
    int stored = 0;
    int next = 0;
    double[] direction = new double[n];
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    double[] alpha = new double[HISTORY];
    int iteration = 0;
    for (; iteration < maxIterations; iteration++) {
      // two-loop recursion: direction = -H g
      System.arraycopy(g, 0, direction, 0, n);
      for (int m = 0; m < stored; m++) {
        int h = Math.floorMod(next - 1 - m, HISTORY);
        alpha[h] = rho[h] * dot(s[h], direction);
        axpy(-alpha[h], y[h], direction);
      }
      if (stored > 0) {
        int h = Math.floorMod(next - 1, HISTORY);
        scale(direction, dot(s[h], y[h]) / dot(y[h], y[h]));
      } else {
        scale(direction, 1 / Math.max(1e-12, Math.sqrt(dot(g, g))));
      }
      for (int m = stored - 1; m >= 0; m--) {
        int h = Math.floorMod(next - 1 - m, HISTORY);
        double beta = rho[h] * dot(y[h], direction);
        axpy(alpha[h] - beta, s[h], direction);
      }
      scale(direction, -1);
      double slope = dot(g, direction);
      if (slope >= 0) {  // not a descent direction: restart from steepest descent
        stored = 0;
        System.arraycopy(g, 0, direction, 0, n);
        scale(direction, -1 / Math.max(1e-12, Math.sqrt(dot(g, g))));
        slope = dot(g, direction);
      }
      double step = 1;
      double fNew = Double.NaN;
      for (int tries = 0; tries < 40; tries++) {
        for (int d = 0; d < n; d++) {
          xNew[d] = x[d] + step * direction[d];
        }
        fNew = objective.evaluate(xNew, gNew);
        if (fNew <= f + 1e-4 * step * slope) {
          break;
        }
        step *= 0.5;
      }
      if (!(fNew < f)) {
        break;
      }
      double[] sNew = new double[n];
      double[] yNew = new double[n];
      for (int d = 0; d < n; d++) {
        sNew[d] = xNew[d] - x[d];
        yNew[d] = gNew[d] - g[d];
      }
      double sy = dot(sNew, yNew);
      if (sy > 1e-12) {
        s[next] = sNew;
        y[next] = yNew;
        rho[next] = 1 / sy;
        next = (next + 1) % HISTORY;
        stored = Math.min(stored + 1, HISTORY);
      }
      double change = f - fNew;
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      f = fNew;
      if (change < 1e-9 * Math.max(1, Math.abs(f)) || Math.sqrt(dot(g, g)) < 1e-7) {
        break;
      }
    }
    objective.iterations = iteration;
    objective.last = f;
    return x;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static void scale(double[] x, double a) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= a;
    }
  }
}
