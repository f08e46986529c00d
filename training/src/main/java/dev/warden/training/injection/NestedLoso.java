package dev.warden.training.injection;

import dev.warden.policies.injection.LayerScores;
import dev.warden.policies.injection.LayeredInjectionScorer;
import dev.warden.policies.injection.model.InjectionModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Leave-one-source-out with a fusion fitted inside each fold. For each held-out family F, the
 * fold's fusion must be fitted on scores of F's training rows that are themselves held out (a
 * model scores its own training rows far too confidently), so an inner leave-one-family-out over
 * the other families gives those; the fold's model, trained on all other families, scores F.
 *
 * @param heldOut the layer scores of every row from the model trained without its family
 * @param inner   per held-out family, the layer scores of every other row from the inner fold
 *                without that row's family (null for the rows of the held-out family)
 */
record NestedLoso(Recipe recipe, List<Example> examples, LayerScores[] heldOut,
    Map<String, LayerScores[]> inner) {

  static NestedLoso run(Recipe recipe, List<Example> examples) {
    Map<Example, SparseVector> vectors = recipe.vectorise(examples);
    Set<String> families = FusedLoso.families(examples);
    LayerScores[] heldOut = outOfFamily(recipe, examples, vectors, families, null);
    Map<String, LayerScores[]> inner = new LinkedHashMap<>();
    for (String family : families) {
      inner.put(family, outOfFamily(recipe, examples, vectors, families, family));
    }
    return new NestedLoso(recipe, examples, heldOut, inner);
  }

  /**
   * Each row's layer scores from a model trained on the families other than its own and {@code
   * excluded}; the rows of {@code excluded} stay null.
   */
  static LayerScores[] outOfFamily(Recipe recipe, List<Example> examples,
      Map<Example, SparseVector> vectors, Set<String> families, String excluded) {
    LayerScores[] layers = new LayerScores[examples.size()];
    for (String family : families) {
      if (family.equals(excluded)) {
        continue;
      }
      List<Example> train = new ArrayList<>();
      for (Example e : examples) {
        if (!e.family().equals(family) && !e.family().equals(excluded)) {
          train.add(e);
        }
      }
      InjectionModel model = recipe.train(train, vectors, "fold without " + family
          + (excluded == null ? "" : " and " + excluded));
      LayeredInjectionScorer scorer = FusedLoso.scorer(model);
      for (int i = 0; i < examples.size(); i++) {
        Example e = examples.get(i);
        if (e.family().equals(family)) {
          layers[i] = scorer.layers(e.text(), e.indirect());
        }
      }
    }
    return layers;
  }

  /** The held-out scores of every row under fusions fitted per fold by {@code fitter}. */
  double[] fused(FusionFitter fitter) {
    double[] scores = new double[examples.size()];
    for (String family : inner.keySet()) {
      Fusion fusion = fitter.fit(trainingRows(family), trainingLayers(family));
      for (int i = 0; i < examples.size(); i++) {
        if (examples.get(i).family().equals(family)) {
          scores[i] = fusion.score(heldOut[i], examples.get(i).indirect());
        }
      }
    }
    return scores;
  }

  /** The rows a fusion is fitted on when {@code family} is held out. */
  List<Example> trainingRows(String family) {
    List<Example> rows = new ArrayList<>();
    for (Example e : examples) {
      if (!e.family().equals(family)) {
        rows.add(e);
      }
    }
    return rows;
  }

  /** Their inner held-out layer scores, in the order of {@link #trainingRows}. */
  LayerScores[] trainingLayers(String family) {
    List<LayerScores> layers = new ArrayList<>();
    LayerScores[] oof = inner.get(family);
    for (int i = 0; i < examples.size(); i++) {
      if (!examples.get(i).family().equals(family)) {
        layers.add(oof[i]);
      }
    }
    return layers.toArray(new LayerScores[0]);
  }
}
