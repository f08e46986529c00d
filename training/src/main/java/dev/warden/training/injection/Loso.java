package dev.warden.training.injection;

import dev.warden.policies.injection.model.InjectionModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Leave-one-source-out scores: each example's logit from a model trained by {@code recipe} on every
 * source family but its own, and that fold's threshold at the target FPR on its training rows.
 */
record Loso(Recipe recipe, List<Example> examples, double[] logits, double[] foldThreshold,
    List<String> sources) {

  static Loso run(Recipe recipe, List<Example> examples, double targetFpr) {
    Map<Example, SparseVector> vectors = recipe.vectorise(examples);
    Set<String> families = new LinkedHashSet<>();
    Set<String> sources = new LinkedHashSet<>();
    for (Example e : examples) {
      families.add(e.family());
      sources.add(e.source());
    }
    double[] logits = new double[examples.size()];
    double[] thresholds = new double[examples.size()];
    for (String family : families) {
      List<Example> train = new ArrayList<>();
      for (Example e : examples) {
        if (!e.family().equals(family)) {
          train.add(e);
        }
      }
      InjectionModel model = recipe.train(train, vectors, "LOSO fold without " + family);
      List<Double> benign = new ArrayList<>();
      for (Example e : train) {
        if (!e.attack()) {
          benign.add(model.logit(e.text()));
        }
      }
      double threshold = Metrics.thresholdAtFpr(
          benign.stream().mapToDouble(Double::doubleValue).toArray(), targetFpr);
      for (int i = 0; i < examples.size(); i++) {
        if (examples.get(i).family().equals(family)) {
          logits[i] = model.logit(examples.get(i).text());
          thresholds[i] = threshold;
        }
      }
    }
    // the order in which the tables list sources: grouped by family
    List<String> ordered = new ArrayList<>();
    for (String family : families) {
      for (String source : sources) {
        if (examples.stream().anyMatch(e -> e.source().equals(source) && e.family().equals(family))
            && !ordered.contains(source)) {
          ordered.add(source);
        }
      }
    }
    return new Loso(recipe, examples, logits, thresholds, ordered);
  }

  /** Logits of the attacks ({@code attack}) or benign rows, of one family or all ({@code null}). */
  double[] logitsOf(boolean attack, String family) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      if (e.attack() == attack && (family == null || e.family().equals(family))) {
        out.add(logits[i]);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Logits of the benign rows with role {@code user} (direct input, not documents). */
  double[] userBenignLogits() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      if (!e.attack() && e.role().equals("user")) {
        out.add(logits[i]);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Counts at a logit threshold for one family or all ({@code null}). */
  Metrics.Tally tally(String family, double rawThreshold) {
    Metrics.Tally t = new Metrics.Tally();
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      if (family == null || e.family().equals(family)) {
        t.add(e.attack(), logits[i] >= rawThreshold);
      }
    }
    return t;
  }

  double fprOf(String source, double logitThreshold) {
    Metrics.Tally t = new Metrics.Tally();
    for (int i = 0; i < examples.size(); i++) {
      if (examples.get(i).source().equals(source)) {
        t.add(examples.get(i).attack(), logits[i] >= logitThreshold);
      }
    }
    return t.fpr();
  }

  double auc() {
    return Metrics.auc(logitsOf(true, null), logitsOf(false, null));
  }
}
