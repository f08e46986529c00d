package dev.warden.training.injection;

import dev.warden.policies.injection.InjectionFusion;
import dev.warden.policies.injection.LayerScores;
import dev.warden.policies.injection.LayeredInjectionScorer;
import dev.warden.policies.injection.model.InjectionModel;
import dev.warden.policies.injection.normalize.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Leave-one-source-out for the fused detector: for each source family, a model trained by
 * {@code recipe} on the other families is fused with the hand-written signals exactly as the agent
 * does ({@code new LayeredInjectionScorer(TextNormalizer.DEFAULT, foldModel)}), and the held-out
 * rows' layer scores are kept. Rows with role {@code tool} are scored as indirect content.
 *
 * @param layers the held-out layer scores, one per example
 */
record FusedLoso(Recipe recipe, List<Example> examples, LayerScores[] layers) {

  static FusedLoso run(Recipe recipe, List<Example> examples) {
    Map<Example, SparseVector> vectors = recipe.vectorise(examples);
    LayerScores[] layers = new LayerScores[examples.size()];
    for (String family : families(examples)) {
      List<Example> train = new ArrayList<>();
      for (Example e : examples) {
        if (!e.family().equals(family)) {
          train.add(e);
        }
      }
      InjectionModel model = recipe.train(train, vectors, "LOSO fold without " + family);
      LayeredInjectionScorer scorer = FusedLoso.scorer(model);
      for (int i = 0; i < examples.size(); i++) {
        Example e = examples.get(i);
        if (e.family().equals(family)) {
          layers[i] = scorer.layers(e.text(), e.indirect());
        }
      }
    }
    return new FusedLoso(recipe, examples, layers);
  }

  /** The agent's scorer with {@code model}; only its {@code layers} are read, so no fusion is needed. */
  static LayeredInjectionScorer scorer(InjectionModel model) {
    return new LayeredInjectionScorer(TextNormalizer.DEFAULT, model, UNFUSED);
  }

  private static final InjectionFusion UNFUSED = new InjectionFusion(0, 1, 1, 0);

  /** The layer scores of every example under one scorer (in-sample when it was trained on them). */
  static LayerScores[] score(LayeredInjectionScorer scorer, List<Example> examples) {
    LayerScores[] layers = new LayerScores[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      layers[i] = scorer.layers(examples.get(i).text(), examples.get(i).indirect());
    }
    return layers;
  }

  /** The source families in order of first appearance. */
  static Set<String> families(List<Example> examples) {
    Set<String> families = new LinkedHashSet<>();
    for (Example e : examples) {
      families.add(e.family());
    }
    return families;
  }
}
