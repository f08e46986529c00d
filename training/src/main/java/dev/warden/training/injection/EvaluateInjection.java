package dev.warden.training.injection;

import dev.warden.policies.injection.LayerScores;
import dev.warden.policies.injection.LayeredInjectionScorer;
import dev.warden.policies.injection.model.InjectionModel;
import dev.warden.policies.injection.normalize.TextNormalizer;
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
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = args[++i];
        case "--model" -> modelFile = args[++i];
        case "--recipe" -> recipe = Recipe.named(args[++i]);
        case "--no-shipped" -> shipped = false;
        case "--no-loso" -> loso = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: [--data FILE] [--model FILE] [--recipe NAME] [--no-shipped] [--no-loso]");
      }
    }
    List<Example> examples = Dataset.read(Dataset.locate(data));
    EvaluateInjection evaluation = new EvaluateInjection(System.out);
    if (shipped) {
      InjectionModel model = shippedModel(modelFile);
      LayerScores[] layers = FusedLoso.score(
          new LayeredInjectionScorer(TextNormalizer.DEFAULT, model), examples);
      evaluation.out.println("## Shipped detector, per source (its model in-sample), threshold "
          + THRESHOLD);
      evaluation.out.println();
      evaluation.table(examples, layers, false);
    }
    if (loso) {
      FusedLoso result = FusedLoso.run(recipe, examples);
      evaluation.out.println("## LOSO: " + recipe.name() + " retrained per fold, fused with the"
          + " signals, threshold " + THRESHOLD);
      evaluation.out.println();
      evaluation.table(examples, result.layers(), true);
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

  private void table(List<Example> examples, LayerScores[] layers, boolean heldOut) {
    Map<String, double[]> columns = new LinkedHashMap<>();
    columns.put("signals", Fusion.apply(Fusion.SIGNALS, layers));
    columns.put("model", Fusion.apply(Fusion.MODEL, layers));
    columns.put("fused", Fusion.apply(Fusion.NOISY_OR, layers));
    out.print(ScoreTable.render(examples, columns, THRESHOLD, heldOut));
    out.println();
    out.print(ScoreTable.summary(examples, columns, THRESHOLD, HARD_NEGATIVES));
    out.println();
  }
}
