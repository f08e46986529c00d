package dev.warden.benchmarks.pii;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Renders the evaluation's tallies as plain-text or Markdown tables. */
final class ReportWriter {

  private static final List<String> HEADER = List.of(
      "type", "gold", "pred", "TP", "exact", "FP", "FN", "unjudged", "optional", "precision", "recall");

  private final Map<String, Map<String, Tally>> bySource;
  private final Map<String, Integer> textsBySource;
  private final Set<String> active;

  /**
   * @param bySource      per source, per type
   * @param textsBySource how many texts each source contributed
   * @param active        the types that have a recognizer now
   */
  ReportWriter(Map<String, Map<String, Tally>> bySource, Map<String, Integer> textsBySource,
      Set<String> active) {
    this.bySource = bySource;
    this.textsBySource = textsBySource;
    this.active = active;
  }

  /** Per type over all sources, then per source by type, then per source in total. */
  String render(boolean markdown) {
    StringBuilder out = new StringBuilder();
    Map<String, Tally> byType = new TreeMap<>();
    bySource.values().forEach(m -> m.forEach((type, t) -> byType.computeIfAbsent(type, k -> new Tally()).add(t)));
    heading(out, markdown, "All sources, by type");
    table(out, markdown, typeRows(byType));
    for (Map.Entry<String, Map<String, Tally>> source : bySource.entrySet()) {
      heading(out, markdown, source.getKey() + " (" + textsBySource.get(source.getKey()) + " texts)");
      table(out, markdown, typeRows(source.getValue()));
    }
    heading(out, markdown, "By source, all types");
    Map<String, Tally> totals = new LinkedHashMap<>();
    bySource.forEach((source, m) -> totals.put(source, sum(m)));
    List<List<String>> rows = new ArrayList<>();
    totals.forEach((source, t) -> rows.add(row(source, t)));
    rows.add(row("TOTAL", sum(totals)));
    List<String> header = new ArrayList<>(HEADER);
    header.set(0, "source");
    out.append(renderTable(markdown, header, rows));
    if (!markdown) {
      out.append('\n');
    }
    List<String> missing = EntityLabels.OUR_TYPES.stream().filter(t -> !active.contains(t)).toList();
    if (!missing.isEmpty()) {
      out.append(markdown ? "\n\\" : "").append("* no recognizer yet: ").append(String.join(", ", missing))
          .append('\n');
    }
    return out.toString();
  }

  private List<List<String>> typeRows(Map<String, Tally> byType) {
    List<List<String>> rows = new ArrayList<>();
    byType.forEach((type, t) -> {
      if (!t.isEmpty()) {
        rows.add(row(active.contains(type) ? type : type + " *", t));
      }
    });
    rows.add(row("all types", sum(byType)));
    return rows;
  }

  private void table(StringBuilder out, boolean markdown, List<List<String>> rows) {
    out.append(renderTable(markdown, HEADER, rows)).append('\n');
  }

  private static void heading(StringBuilder out, boolean markdown, String title) {
    out.append(markdown ? "### " + title + "\n\n" : "== " + title + "\n");
  }

  private static Tally sum(Map<String, Tally> tallies) {
    Tally total = new Tally();
    tallies.values().forEach(total::add);
    return total;
  }

  private static List<String> row(String name, Tally t) {
    return List.of(name, Integer.toString(t.gold), Integer.toString(t.predicted),
        Integer.toString(t.truePositives), Integer.toString(t.exact),
        Integer.toString(t.falsePositives), Integer.toString(t.falseNegatives),
        Integer.toString(t.unjudged), t.optionalGold == 0 ? "-" : t.optionalFound + "/" + t.optionalGold,
        ratio(t.precision()), ratio(t.recall()));
  }

  private static String ratio(double r) {
    return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.3f", r);
  }

  static String renderTable(boolean markdown, List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> r : rows) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, markdown, header, width);
    if (markdown) {
      out.append('|');
      for (int c = 0; c < width.length; c++) {
        out.append(c == 0 ? "---|" : "---:|");
      }
      out.append('\n');
    }
    for (List<String> r : rows) {
      line(out, markdown, r, width);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, boolean markdown, List<String> cells, int[] width) {
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      if (markdown) {
        out.append(c == 0 ? "| " : " ").append(cell.replace("*", "\\*")).append(" |");
      } else {
        String pad = " ".repeat(width[c] - cell.length());
        out.append(c == 0 ? cell + pad : "  " + pad + cell);
      }
    }
    out.append('\n');
  }
}
