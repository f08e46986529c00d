package dev.warden.training.injection;

import dev.warden.policies.injection.InjectionFusion;
import dev.warden.policies.injection.LayerScores;
import dev.warden.policies.injection.model.InjectionModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints how well the fused injection detector (what the agent runs) does at the shipped threshold
 * 0.7: the shipped detector per source (its model in-sample), then leave-one-source-out, where each
 * fold's model is retrained without the held-out family and fused with the hand-written signals.
 * Each table shows the signals alone, the model alone and the fused score, so that what each layer
 * contributes is visible. See {@code training/README.md}.
 *
 * <pre>
 * EvaluateInjection [--data FILE] [--model FILE] [--recipe NAME] [--no-shipped] [--no-loso]
 *                   [--compare-fusions]
 * </pre>
 */
public final class EvaluateInjection {

  static final double THRESHOLD = EvaluateInjectionModel.THRESHOLD;
  static final List<String> HARD_NEGATIVES = List.of("notinject_one", "awesome_chatgpt_prompts");

  private final PrintStream out;

  private EvaluateInjection(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    String data = null;
    String modelFile = null;
    Recipe recipe = Recipe.shipped();
    boolean shipped = true;
    boolean loso = true;
    boolean compare = false;
    String misses = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = args[++i];
        case "--model" -> modelFile = args[++i];
        case "--recipe" -> recipe = Recipe.named(args[++i]);
        case "--no-shipped" -> shipped = false;
        case "--no-loso" -> loso = false;
        case "--compare-fusions" -> compare = true;
        case "--misses" -> misses = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: [--data FILE] [--model FILE] [--recipe NAME] [--no-shipped] [--no-loso]"
            + " [--compare-fusions] [--misses FILE]");
      }
    }
    List<Example> examples = Dataset.read(Dataset.locate(data));
    EvaluateInjection evaluation = new EvaluateInjection(System.out);
    if (shipped) {
      InjectionModel model = shippedModel(modelFile);
      InjectionFusion fusion = shippedFusion(modelFile);
      LayerScores[] layers = FusedLoso.score(FusedLoso.scorer(model), examples);
      evaluation.out.println("## Shipped detector, per source (its model in-sample), threshold "
          + THRESHOLD);
      evaluation.out.println();
      evaluation.out.println("Fusion: " + fusion);
      evaluation.out.println();
      Map<String, double[]> columns = layerColumns(examples, layers);
      columns.put("fused", Fusion.apply(
          (l, indirect) -> fusion.score(l.modelScore(), l.signals(), l.modelOutOfDomain(indirect)),
          examples, layers));
      evaluation.table(examples, columns, false);
    }
    if (loso || compare) {
      NestedLoso nested = NestedLoso.run(recipe, examples);
      if (loso) {
        evaluation.loso(nested);
      }
      if (misses != null) {
        MissesFile.write(Path.of(misses), nested.examples(), nested.heldOut(),
            nested.fused(shippedFusionFitter()), THRESHOLD);
      }
      if (compare) {
        evaluation.compareFusions(nested);
      }
    }
  }

  /** The shipped fusion's recipe: fitted per fold as TrainInjectionModel fits it on all rows. */
  static FusionFitter shippedFusionFitter() {
    return FusionFitter.logistic(TrainInjectionModel.FUSION_TARGET_FPR,
        TrainInjectionModel.TOOL_SHIFT, TrainInjectionModel.SIGNAL_WEIGHT);
  }

  private static Map<String, double[]> layerColumns(List<Example> examples, LayerScores[] layers) {
    Map<String, double[]> columns = new LinkedHashMap<>();
    columns.put("signals", Fusion.apply(Fusion.SIGNALS, examples, layers));
    columns.put("model", Fusion.apply(Fusion.MODEL, examples, layers));
    columns.put("noisy OR", Fusion.apply(Fusion.NOISY_OR, examples, layers));
    return columns;
  }

  private void loso(NestedLoso nested) {
    out.println("## LOSO: " + nested.recipe().name() + " retrained per fold, fused with the"
        + " signals, threshold " + THRESHOLD);
    out.println();
    out.println("signals: the hand-written signals alone (noisy OR), the same in every fold;"
        + " model: the fold's model alone; noisy OR: the fusion shipped before (fixed);"
        + " fused: the shipped fusion's recipe, fitted in each fold on inner held-out scores:");
    out.println();
    for (String family : nested.inner().keySet()) {
      out.println("- without " + family + ": " + FusionFitter.fitLogistic(
          nested.trainingRows(family), nested.trainingLayers(family),
          TrainInjectionModel.FUSION_TARGET_FPR, TrainInjectionModel.TOOL_SHIFT,
          TrainInjectionModel.SIGNAL_WEIGHT));
    }
    out.println();
    Map<String, double[]> columns = layerColumns(nested.examples(), nested.heldOut());
    double[] fused = nested.fused(shippedFusionFitter());
    columns.put("fused", fused);
    table(nested.examples(), columns, true);
    out.println("Other thresholds for the fused score (a policy may set its own):");
    out.println();
    out.println("| threshold | pooled TPR | pooled FPR | FPR user role | FPR tool role |");
    out.println("|---:|---:|---:|---:|---:|");
    for (double t : new double[] {0.5, 0.6, 0.7, 0.8, 0.9}) {
      Metrics.Tally all = ScoreTable.tally(nested.examples(), fused, t, e -> true);
      out.printf("| %.1f | %s | %s | %s | %s |%n", t, Metrics.pct(all.tpr()),
          Metrics.pct(all.fpr()),
          Metrics.pct(ScoreTable.tally(nested.examples(), fused, t, e -> !e.indirect()).fpr()),
          Metrics.pct(ScoreTable.tally(nested.examples(), fused, t, Example::indirect).fpr()));
    }
    out.println();
  }

  /** The fusion next to the model in {@code file}, else policies' source tree's, else the class path's. */
  static InjectionFusion shippedFusion(String modelFile) throws IOException {
    Path dir = modelFile != null ? Path.of(modelFile).toAbsolutePath().getParent()
        : TrainInjectionModel.DEFAULT_OUT;
    Path path = dir.resolve(TrainInjectionModel.FUSION_FILE);
    if (!Files.exists(path)) {
      return InjectionFusion.loadDefault();
    }
    try (InputStream in = Files.newInputStream(path)) {
      return InjectionFusion.read(in);
    }
  }

  /** The model in {@code file}, else the one in policies' source tree, else the class path's. */
  static InjectionModel shippedModel(String file) throws IOException {
    Path path = file != null ? Path.of(file)
        : TrainInjectionModel.DEFAULT_OUT.resolve(TrainInjectionModel.MODEL_FILE);
    if (file == null && !Files.exists(path)) {
      return InjectionModel.loadDefault();
    }
    try (InputStream in = Files.newInputStream(path)) {
      return InjectionModel.read(in);
    }
  }

  /** The fusions tried, each fitted per fold on inner held-out scores; one summary row each. */
  private void compareFusions(NestedLoso nested) {
    out.println("## Fusions compared: nested LOSO (" + nested.recipe().name() + ")");
    out.println();
    Map<String, double[]> columns = new LinkedHashMap<>();
    columns.put("noisy OR, as before", nested.fused(FusionFitter.fixed(Fusion.NOISY_OR)));
    for (double tool : new double[] {0, 1, 2}) {
      columns.put(String.format("noisy OR, model offset fitted, tool -%.0f", tool),
          nested.fused(FusionFitter.noisyOrOffset(TrainInjectionModel.FUSION_TARGET_FPR, tool)));
    }
    for (double tool : new double[] {0, 1, 2}) {
      columns.put(String.format("logistic, tool -%.0f", tool),
          nested.fused(FusionFitter.logistic(TrainInjectionModel.FUSION_TARGET_FPR, tool)));
    }
    for (double weight : new double[] {1, 2, 3}) {
      for (double tool : new double[] {1, 2}) {
        columns.put(String.format("logistic, signals x%.0f, tool -%.0f", weight, tool),
            nested.fused(FusionFitter.logistic(TrainInjectionModel.FUSION_TARGET_FPR, tool, weight)));
      }
    }
    out.print(ScoreTable.summary(nested.examples(), columns, THRESHOLD, HARD_NEGATIVES));
    out.println();
    out.print(ScoreTable.render(nested.examples(), columns, THRESHOLD, true));
    out.println();
  }

  private void table(List<Example> examples, Map<String, double[]> columns, boolean heldOut) {
    out.print(ScoreTable.render(examples, columns, THRESHOLD, heldOut));
    out.println();
    out.print(ScoreTable.summary(examples, columns, THRESHOLD, HARD_NEGATIVES));
    out.println();
  }
}
