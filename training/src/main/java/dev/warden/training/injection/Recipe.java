package dev.warden.training.injection;

import dev.warden.policies.injection.model.FeatureSpec;
import dev.warden.policies.injection.model.Featurizer;
import dev.warden.policies.injection.model.InjectionModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    return named(SHIPPED);
  }

  static final String SHIPPED = "both4-b16-k3-l3e-4";

  /** The variants compared in training/README.md, in that order. */
  public static final List<String> COMPARED = List.of(
      "words-k1-l1e-4-class", "words-k1-l1e-4", "chars-k1-l1e-4", "both-k1-l1e-4-class",
      "both-k1-l1e-4", "words-k3-l3e-4", "words-k5-l1e-3", "both-k3-l3e-4", "wordsnm-k5-l1e-4",
      "wordsmean-k3-l1e-6", "both-b64-k3-l3e-4", "both-b32-k3-l3e-4", "both-b16-k3-l3e-4",
      "words-b16-k3-l3e-4", SHIPPED);

  private static final Pattern NAME = Pattern.compile(
      "(words|chars|both|both4|wordsnm|bothnm|wordsmean|bothmean)(?:-b(\\d+))?-k(\\d+)-l([0-9.e-]+)"
          + "(-class|-none)?");

  /**
   * The recipe a name describes: {@code FEATURES[-bBLOCK]-kMIN_FAMILIES-lLAMBDA[-class|-none]}.
   * FEATURES is {@code words} (word uni- and bigrams, punctuation marks as tokens), {@code chars}
   * (char 3-5-grams), {@code both}, {@code both4} (words and char 4-grams only); {@code nm} =
   * punctuation marks are not tokens; {@code mean} = mean instead of square-root length
   * normalisation. BLOCK is tokens per block (default 128).
   * Example weighting is {@link Weighting#FAMILY} unless {@code -class} or {@code -none}.
   */
  public static Recipe named(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a recipe name: " + name
          + "; expected FEATURES[-bBLOCK]-kMIN_FAMILIES-lLAMBDA[-class|-none], e.g. " + SHIPPED);
    }
    String features = m.group(1);
    int block = m.group(2) == null ? 128 : Integer.parseInt(m.group(2));
    boolean words = !features.startsWith("chars");
    boolean chars = !features.startsWith("words");
    int charMin = !chars ? 0 : features.startsWith("both4") ? 4 : 3;
    int charMax = !chars ? 0 : features.startsWith("both4") ? 4 : 5;
    FeatureSpec spec = new FeatureSpec(18, words, words, charMin, charMax, block,
        features.endsWith("mean"), !features.endsWith("nm"));
    Weighting weighting = m.group(5) == null ? Weighting.FAMILY
        : m.group(5).equals("-class") ? Weighting.CLASS : Weighting.NONE;
    double offset = name.equals(SHIPPED) ? SHIPPED_OFFSET : 0;
    return new Recipe(name, spec, Double.parseDouble(m.group(4)), weighting,
        Integer.parseInt(m.group(3)), offset);
  }

  /** See training/README.md: puts 0.7 at the chosen point of the pooled LOSO scores. */
  static final double SHIPPED_OFFSET = -0.448;

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
