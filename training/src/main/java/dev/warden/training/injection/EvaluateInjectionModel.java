package dev.warden.training.injection;

import dev.warden.policies.injection.model.InjectionModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints how well the injection model does: the shipped model per source (in-sample), then, for a
 * recipe, leave-one-source-out (LOSO): for each source family, a model trained by the same recipe
 * on every other family scores the held-out one. See {@code training/README.md}.
 *
 * <pre>
 * EvaluateInjectionModel [--data FILE] [--model FILE] [--recipes NAME,...|compared] [--sweep]
 * </pre>
 *
 * The model is read from {@code --model}, else from policies' source tree (so a fresh training run
 * needs no rebuild), else from the class path.
 */
public final class EvaluateInjectionModel {

  static final double THRESHOLD = 0.7;
  static final double TARGET_FPR = 0.03;

  private final PrintStream out;

  private EvaluateInjectionModel(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    String data = null;
    String modelFile = null;
    List<Recipe> recipes = new ArrayList<>(List.of(Recipe.shipped()));
    boolean sweep = false;
    boolean shipped = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = args[++i];
        case "--model" -> modelFile = args[++i];
        case "--sweep" -> sweep = true;
        case "--no-shipped" -> shipped = false;
        case "--recipes" -> {
          recipes.clear();
          for (String name : args[++i].split(",")) {
            if (name.equals("compared")) {
              Recipe.COMPARED.forEach(n -> recipes.add(Recipe.named(n)));
            } else {
              recipes.add(Recipe.named(name));
            }
          }
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: [--data FILE] [--model FILE] [--recipes NAME,...|compared] [--sweep]"
            + " [--no-shipped]");
      }
    }
    List<Example> examples = Dataset.read(Dataset.locate(data));
    EvaluateInjectionModel evaluation = new EvaluateInjectionModel(System.out);
    if (shipped) {
      InjectionModel model;
      if (modelFile == null && Files.exists(TrainInjectionModel.DEFAULT_OUT)) {
        modelFile = TrainInjectionModel.DEFAULT_OUT.resolve(TrainInjectionModel.MODEL_FILE).toString();
      }
      if (modelFile == null) {
        model = InjectionModel.loadDefault();
      } else {
        try (InputStream in = Files.newInputStream(Path.of(modelFile))) {
          model = InjectionModel.read(in);
        }
      }
      evaluation.inSample(model, examples);
    }
    for (Recipe recipe : recipes) {
      Loso loso = Loso.run(recipe, examples, TARGET_FPR);
      evaluation.print(loso);
      if (sweep) {
        evaluation.sweep(loso);
      }
    }
  }

  private void inSample(InjectionModel model, List<Example> examples) {
    out.println("## Shipped model, in-sample (trained on these rows), threshold " + THRESHOLD);
    out.println();
    out.println(model.about().lines().findFirst().orElse(""));
    out.println();
    out.println("| source | rows | attacks | benign | TPR % | FPR % |");
    out.println("|---|---:|---:|---:|---:|---:|");
    Map<String, Metrics.Tally> bySource = new LinkedHashMap<>();
    Metrics.Tally all = new Metrics.Tally();
    for (Example e : examples) {
      boolean flagged = model.score(e.text()) >= THRESHOLD;
      bySource.computeIfAbsent(e.source(), s -> new Metrics.Tally()).add(e.attack(), flagged);
      all.add(e.attack(), flagged);
    }
    bySource.forEach((source, t) -> row(source, t));
    row("**all**", all);
    out.println();
  }

  private void row(String source, Metrics.Tally t) {
    out.printf("| %s | %d | %d | %d | %s | %s |%n", source, t.attacks + t.benign, t.attacks,
        t.benign, Metrics.pct(t.tpr()), Metrics.pct(t.fpr()));
  }

  private void print(Loso loso) {
    out.println("## LOSO: " + loso.recipe());
    out.println();
    out.println("Each family held out in turn; a model trained by the same recipe on the others"
        + " scores it. @0.7: the shipped threshold. @t: the threshold giving FPR "
        + TARGET_FPR + " on the fold's training rows (in-sample), shown as a score.");
    out.println();
    out.println("| held out | source | rows | attacks | benign | TPR@0.7 | FPR@0.7 | t | TPR@t"
        + " | FPR@t |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    Metrics.Tally pooled = new Metrics.Tally();
    Metrics.Tally pooledT = new Metrics.Tally();
    double sumTpr = 0;
    double sumFpr = 0;
    int attackSources = 0;
    int benignSources = 0;
    for (String source : loso.sources()) {
      Metrics.Tally at = new Metrics.Tally();
      Metrics.Tally atT = new Metrics.Tally();
      double threshold = Double.NaN;
      String family = null;
      for (int i = 0; i < loso.examples().size(); i++) {
        Example e = loso.examples().get(i);
        if (!e.source().equals(source)) {
          continue;
        }
        family = e.family();
        threshold = loso.foldThreshold()[i];
        boolean flagged = loso.logits()[i] >= Metrics.logit(THRESHOLD);
        boolean flaggedT = loso.logits()[i] >= threshold;
        at.add(e.attack(), flagged);
        atT.add(e.attack(), flaggedT);
        pooled.add(e.attack(), flagged);
        pooledT.add(e.attack(), flaggedT);
      }
      if (at.attacks > 0) {
        sumTpr += at.tpr();
        attackSources++;
      }
      if (at.benign > 0) {
        sumFpr += at.fpr();
        benignSources++;
      }
      out.printf("| %s | %s | %d | %d | %d | %s | %s | %.3f | %s | %s |%n", family, source,
          at.attacks + at.benign, at.attacks, at.benign, Metrics.pct(at.tpr()),
          Metrics.pct(at.fpr()), 1 / (1 + Math.exp(-threshold)), Metrics.pct(atT.tpr()),
          Metrics.pct(atT.fpr()));
    }
    out.printf("| **all** | pooled | %d | %d | %d | %s | %s | | %s | %s |%n",
        pooled.attacks + pooled.benign, pooled.attacks, pooled.benign, Metrics.pct(pooled.tpr()),
        Metrics.pct(pooled.fpr()), Metrics.pct(pooledT.tpr()), Metrics.pct(pooledT.fpr()));
    out.println();
    out.printf("LOSO at 0.7: balanced accuracy %s %%, macro TPR over %d attack sources %s %%, macro"
            + " FPR over %d benign sources %s %%; pooled AUC %.4f%n",
        Metrics.pct(pooled.balancedAccuracy()), attackSources, Metrics.pct(sumTpr / attackSources),
        benignSources, Metrics.pct(sumFpr / benignSources), loso.auc());
    out.printf("Held-out hard negatives at 0.7: notinject_one accuracy %s %%,"
            + " awesome_chatgpt_prompts accuracy %s %%%n",
        Metrics.pct(1 - loso.fprOf("notinject_one", Metrics.logit(THRESHOLD))),
        Metrics.pct(1 - loso.fprOf("awesome_chatgpt_prompts", Metrics.logit(THRESHOLD))));
    double[] allBenign = loso.logitsOf(false, null);
    double[] allAttacks = loso.logitsOf(true, null);
    double t3 = Metrics.thresholdAtFpr(allBenign, TARGET_FPR);
    StringBuilder aucs = new StringBuilder();
    Set<String> families = new LinkedHashSet<>();
    for (Example e : loso.examples()) {
      families.add(e.family());
    }
    for (String family : families) {
      double[] a = loso.logitsOf(true, family);
      double[] b = loso.logitsOf(false, family);
      aucs.append(family).append(' ');
      if (a.length > 0) {
        aucs.append(String.format("attacks %.3f", Metrics.auc(a, allBenign)));
      }
      if (b.length > 0) {
        aucs.append(a.length > 0 ? ", " : "").append(String.format("benign %.3f",
            Metrics.auc(allAttacks, b)));
      }
      aucs.append("; ");
    }
    out.printf("At the pooled LOSO FPR %.2f: TPR %s %%, notinject_one accuracy %s %%%n",
        TARGET_FPR, Metrics.pct(loso.tally(null, t3).tpr()),
        Metrics.pct(1 - loso.fprOf("notinject_one", t3)));
    out.println("Per-family AUC (its attacks against all held-out benign, its benign against all"
        + " held-out attacks): " + aucs);
    out.println();
  }

  /** Where on the pooled held-out scores each target FPR falls, and the offset that puts 0.7 there. */
  private void sweep(Loso loso) {
    out.println("### Operating points on the pooled LOSO scores (" + loso.recipe().name() + ")");
    out.println();
    Set<String> families = new LinkedHashSet<>();
    for (Example e : loso.examples()) {
      families.add(e.family());
    }
    StringBuilder header = new StringBuilder("| pooled FPR | offset for 0.7 | TPR | macro TPR |");
    StringBuilder rule = new StringBuilder("|---:|---:|---:|---:|");
    for (String family : families) {
      header.append(' ').append(family).append(" |");
      rule.append("---:|");
    }
    out.println(header);
    out.println(rule);
    double[] benign = loso.logitsOf(false, null);
    double[] userBenign = loso.userBenignLogits();
    double calibrated = Metrics.thresholdAtFpr(userBenign, TARGET_FPR);
    List<Double> thresholds = new ArrayList<>();
    for (double target : new double[] {0.01, 0.02, 0.03, 0.04, 0.05, 0.07, 0.10}) {
      thresholds.add(Metrics.thresholdAtFpr(benign, target));
    }
    thresholds.add(calibrated);
    thresholds.sort(null);
    for (double t : thresholds) {
      StringBuilder line = new StringBuilder();
      Metrics.Tally pooled = loso.tally(null, t);
      double macro = 0;
      int n = 0;
      for (String family : families) {
        Metrics.Tally f = loso.tally(family, t);
        if (f.attacks > 0) {
          macro += f.tpr();
          n++;
        }
        line.append(' ').append(f.attacks > 0 ? "TPR " + Metrics.pct(f.tpr()) : "")
            .append(f.attacks > 0 && f.benign > 0 ? ", " : "")
            .append(f.benign > 0 ? "FPR " + Metrics.pct(f.fpr()) : "").append(" |");
      }
      out.printf("| %s%s | %+.3f | %s | %s |%s%n", Metrics.pct(pooled.fpr()),
          t == calibrated ? " (user-role FPR " + TARGET_FPR + ")" : "",
          Metrics.logit(THRESHOLD) - (t - loso.recipe().offset()), Metrics.pct(pooled.tpr()),
          Metrics.pct(macro / n), line);
    }
    out.printf("%nThe calibration rule: the offset that puts 0.7 where the pooled LOSO FPR over"
        + " user-role benign rows is %.2f: %+.3f (this recipe's offset: %+.3f)%n%n", TARGET_FPR,
        Metrics.logit(THRESHOLD) - (calibrated - loso.recipe().offset()), loso.recipe().offset());
  }
}
