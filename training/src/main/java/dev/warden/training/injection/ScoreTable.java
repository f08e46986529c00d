package dev.warden.training.injection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Markdown tables of scores per source at one threshold: for each named column of scores (one per
 * example), the share of attacks flagged (TPR) and of benign rows flagged (FPR).
 */
final class ScoreTable {

  private ScoreTable() {}

  /** One row per source, grouped by family, then the pooled row. */
  static String render(List<Example> examples, Map<String, double[]> columns, double threshold,
      boolean byFamily) {
    StringBuilder out = new StringBuilder();
    out.append(byFamily ? "| held out | source |" : "| source |").append(" role | attacks | benign |");
    StringBuilder rule = new StringBuilder(byFamily ? "|---|---|" : "|---|").append("---|---:|---:|");
    for (String name : columns.keySet()) {
      out.append(' ').append(name).append(" TPR | ").append(name).append(" FPR |");
      rule.append("---:|---:|");
    }
    out.append('\n').append(rule).append('\n');
    for (String source : sourcesByFamily(examples)) {
      Example first = examples.stream().filter(e -> e.source().equals(source)).findFirst().get();
      line(out, byFamily ? first.family() + " | " + source : source, first.role(),
          tallies(examples, columns, threshold, e -> e.source().equals(source)));
    }
    line(out, byFamily ? "**all** | pooled" : "**all**", "",
        tallies(examples, columns, threshold, e -> true));
    return out.toString();
  }

  /** Pooled TPR and FPR per column, the benign FPR of direct input alone, and the hard negatives' accuracy. */
  static String summary(List<Example> examples, Map<String, double[]> columns, double threshold,
      List<String> hardNegatives) {
    StringBuilder out = new StringBuilder();
    out.append("| score | pooled TPR | pooled FPR | FPR user role | FPR tool role |");
    StringBuilder rule = new StringBuilder("|---|---:|---:|---:|---:|");
    for (String source : hardNegatives) {
      out.append(' ').append(source).append(" acc. |");
      rule.append("---:|");
    }
    out.append(" AUC |\n").append(rule).append("---:|\n");
    for (Map.Entry<String, double[]> column : columns.entrySet()) {
      double[] s = column.getValue();
      Metrics.Tally all = tally(examples, s, threshold, e -> true);
      Metrics.Tally user = tally(examples, s, threshold, e -> !e.indirect());
      Metrics.Tally tool = tally(examples, s, threshold, Example::indirect);
      out.append("| ").append(column.getKey()).append(" | ").append(Metrics.pct(all.tpr()))
          .append(" | ").append(Metrics.pct(all.fpr())).append(" | ")
          .append(Metrics.pct(user.fpr())).append(" | ").append(Metrics.pct(tool.fpr())).append(" |");
      for (String source : hardNegatives) {
        out.append(' ').append(Metrics.pct(1 - tally(examples, s, threshold,
            e -> e.source().equals(source)).fpr())).append(" |");
      }
      out.append(String.format(" %.4f |%n", auc(examples, s)));
    }
    return out.toString();
  }

  static double auc(List<Example> examples, double[] scores) {
    List<Double> attacks = new ArrayList<>();
    List<Double> benign = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      (examples.get(i).attack() ? attacks : benign).add(scores[i]);
    }
    return Metrics.auc(attacks.stream().mapToDouble(Double::doubleValue).toArray(),
        benign.stream().mapToDouble(Double::doubleValue).toArray());
  }

  static Metrics.Tally tally(List<Example> examples, double[] scores, double threshold,
      java.util.function.Predicate<Example> which) {
    Metrics.Tally t = new Metrics.Tally();
    for (int i = 0; i < scores.length; i++) {
      if (which.test(examples.get(i))) {
        t.add(examples.get(i).attack(), scores[i] >= threshold);
      }
    }
    return t;
  }

  private static Map<String, Metrics.Tally> tallies(List<Example> examples,
      Map<String, double[]> columns, double threshold, java.util.function.Predicate<Example> which) {
    Map<String, Metrics.Tally> tallies = new LinkedHashMap<>();
    columns.forEach((name, scores) -> tallies.put(name, tally(examples, scores, threshold, which)));
    return tallies;
  }

  private static void line(StringBuilder out, String label, String role,
      Map<String, Metrics.Tally> tallies) {
    Metrics.Tally any = tallies.values().iterator().next();
    out.append("| ").append(label).append(" | ").append(role).append(" | ").append(any.attacks)
        .append(" | ").append(any.benign).append(" |");
    for (Metrics.Tally t : tallies.values()) {
      out.append(' ').append(any.attacks > 0 ? Metrics.pct(t.tpr()).trim() : "").append(" | ")
          .append(any.benign > 0 ? Metrics.pct(t.fpr()).trim() : "").append(" |");
    }
    out.append('\n');
  }

  /** Sources in order of their family's first appearance, then their own. */
  static List<String> sourcesByFamily(List<Example> examples) {
    Set<String> ordered = new LinkedHashSet<>();
    for (String family : FusedLoso.families(examples)) {
      for (Example e : examples) {
        if (e.family().equals(family)) {
          ordered.add(e.source());
        }
      }
    }
    return new ArrayList<>(ordered);
  }
}
