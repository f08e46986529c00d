package dev.warden.training.injection;

import dev.warden.policies.injection.model.FeatureSpec;
import dev.warden.policies.injection.model.Featurizer;
import dev.warden.policies.injection.model.InjectionModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model is trained: features, regularisation, example weights and the calibration offset.
 * The same recipe trains the shipped model on all the data and each leave-one-source-out model on
 * the rest, so the evaluation measures exactly what ships.
 *
 * @param lambda    L2 strength (the loss is a weighted mean, so it does not scale with the data)
 * @param weighting how examples are weighted in the loss
 * @param minFamilies a feature is used only if it occurs in at least this many source families of
 *                  the training data; the others keep weight 0. A feature seen in one family only
 *                  (a template's character name, an e-mail header, a topic) cannot be learned to
 *                  generalise across families, and leave-one-source-out shows it does not
 * @param offset    added to the fitted bias, so that the score 0.7 (the policy's default threshold)
 *                  falls on the chosen operating point; see {@link EvaluateInjectionModel}'s sweep
 */
public record Recipe(String name, FeatureSpec spec, double lambda, Weighting weighting,
    int minFamilies, double offset) {

  /** How much each training example counts. */
  public enum Weighting {
    /** every row 1 */
    NONE,
    /** each class half of the total */
    CLASS,
    /**
     * each class half of the total, and within a class each source family an equal share: a family
     * of 900 near-identical jailbreak templates weighs as much as 60 hand-written prompts
     */
    FAMILY
  }

  private static final int MAX_ITERATIONS = 300;

  /** The recipe of the shipped model. */
  public static Recipe shipped() {
    return VARIANTS.get("both-family");
  }

  /** Every recipe the evaluation knows, by name. */
  public static final Map<String, Recipe> VARIANTS = new LinkedHashMap<>();

  static {
    FeatureSpec words = new FeatureSpec(18, true, true, 0, 0, 128, false);
    FeatureSpec chars = new FeatureSpec(18, false, false, 3, 5, 128, false);
    FeatureSpec both = new FeatureSpec(18, true, true, 3, 5, 128, false);
    FeatureSpec bothMean = new FeatureSpec(18, true, true, 3, 5, 128, true);
    FeatureSpec wordsMean = new FeatureSpec(18, true, true, 0, 0, 128, true);
    add(new Recipe("words-class", words, 1e-4, Weighting.CLASS, 1, 0));
    add(new Recipe("words-family", words, 1e-4, Weighting.FAMILY, 1, 0));
    add(new Recipe("chars-family", chars, 1e-4, Weighting.FAMILY, 1, 0));
    add(new Recipe("both-class", both, 1e-4, Weighting.CLASS, 1, 0));
    add(new Recipe("both-family", both, 1e-4, Weighting.FAMILY, 1, 0));
    for (int k = 1; k <= 5; k++) {
      for (double lambda : new double[] {1e-3, 3e-4, 1e-4, 3e-5, 1e-5}) {
        add(new Recipe("both-k" + k + "-l" + lambda, both, lambda, Weighting.FAMILY, k, 0));
        add(new Recipe("words-k" + k + "-l" + lambda, words, lambda, Weighting.FAMILY, k, 0));
        add(new Recipe("chars-k" + k + "-l" + lambda, chars, lambda, Weighting.FAMILY, k, 0));
      }
      for (double lambda : new double[] {1e-6, 1e-7}) {
        add(new Recipe("both-mean-k" + k + "-l" + lambda, bothMean, lambda, Weighting.FAMILY, k, 0));
        add(new Recipe("words-mean-k" + k + "-l" + lambda, wordsMean, lambda, Weighting.FAMILY, k,
            0));
      }
    }
  }

  private static void add(Recipe recipe) {
    VARIANTS.put(recipe.name(), recipe);
  }

  public Featurizer featurizer() {
    return new Featurizer(spec);
  }

  /** Trains on {@code examples}, whose vectors {@code vectors} holds (built with {@link #spec}). */
  public InjectionModel train(List<Example> examples, Map<Example, SparseVector> vectors,
      String about) {
    List<SparseVector> xs = new ArrayList<>(examples.size());
    int[] labels = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      xs.add(vectors.get(examples.get(i)));
      labels[i] = examples.get(i).label();
    }
    if (minFamilies > 1) {
      xs = supported(examples, xs);
    }
    LogisticRegression.Fit fit = new LogisticRegression(lambda, MAX_ITERATIONS)
        .fit(xs, labels, costs(examples), spec.buckets());
    return InjectionModel.of(spec, (float) (fit.bias() + offset), fit.weights(), about);
  }

  /** The vectors without the features that occur in fewer than {@link #minFamilies} families. */
  private List<SparseVector> supported(List<Example> examples, List<SparseVector> xs) {
    Map<String, Integer> familyBit = new HashMap<>();
    for (Example e : examples) {
      familyBit.putIfAbsent(e.family(), familyBit.size());
    }
    if (familyBit.size() > 64) {
      throw new IllegalArgumentException("more than 64 source families");
    }
    long[] seenIn = new long[spec.buckets()];
    for (int i = 0; i < xs.size(); i++) {
      long bit = 1L << familyBit.get(examples.get(i).family());
      for (int bucket : xs.get(i).buckets()) {
        seenIn[bucket] |= bit;
      }
    }
    List<SparseVector> kept = new ArrayList<>(xs.size());
    for (SparseVector x : xs) {
      int n = 0;
      int[] buckets = new int[x.buckets().length];
      float[] values = new float[buckets.length];
      for (int j = 0; j < buckets.length; j++) {
        if (Long.bitCount(seenIn[x.buckets()[j]]) >= minFamilies) {
          buckets[n] = x.buckets()[j];
          values[n++] = x.values()[j];
        }
      }
      kept.add(new SparseVector(Arrays.copyOf(buckets, n), Arrays.copyOf(values, n)));
    }
    return kept;
  }

  public Map<Example, SparseVector> vectorise(List<Example> examples) {
    Featurizer featurizer = featurizer();
    Map<Example, SparseVector> vectors = new HashMap<>();
    for (Example e : examples) {
      vectors.put(e, SparseVector.of(featurizer, e.text()));
    }
    return vectors;
  }

  double[] costs(List<Example> examples) {
    double[] costs = new double[examples.size()];
    Map<String, Integer> groupSize = new HashMap<>();
    int[] classSize = new int[2];
    for (Example e : examples) {
      groupSize.merge(e.label() + "/" + e.family(), 1, Integer::sum);
      classSize[e.label()]++;
    }
    int[] groups = new int[2];
    for (String group : groupSize.keySet()) {
      groups[group.charAt(0) - '0']++;
    }
    for (int i = 0; i < costs.length; i++) {
      Example e = examples.get(i);
      costs[i] = switch (weighting) {
        case NONE -> 1;
        case CLASS -> 0.5 / classSize[e.label()];
        case FAMILY -> 0.5 / groups[e.label()] / groupSize.get(e.label() + "/" + e.family());
      };
    }
    return costs;
  }

  @Override
  public String toString() {
    return name + " (" + spec + ", lambda " + lambda + ", " + weighting + ", features in >= "
        + minFamilies + " families, offset " + offset + ")";
  }
}
