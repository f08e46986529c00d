package dev.warden.benchmarks.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.policies.injection.normalize.NormalizedText;
import dev.warden.policies.injection.normalize.TextNormalizer;
import dev.warden.policies.injection.signals.Role;
import dev.warden.policies.injection.signals.Signal;
import dev.warden.policies.injection.signals.SignalNames;
import dev.warden.policies.injection.signals.StructuralSignals;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs layers 1 and 2 of the injection detector (normalisation and structural signals) over the
 * labelled injection data and prints, per source and label, on how many rows each signal fires.
 * A signal that fires on more than about 1% of the rows of a benign source needs to be weaker or
 * more specific.
 *
 * <pre>
 * SignalsEvaluation [FILE] [--markdown FILE] [--show SIGNAL] [--min STRENGTH]
 * </pre>
 *
 * <p>FILE defaults to {@code ../shared/data/injection/dev.jsonl} (from the project root; from
 * {@code benchmarks/} one more {@code ../} is tried). {@code --show SIGNAL} lists the benign rows
 * on which that signal fires, 160 chars each, to see why. {@code --min} counts only firings of at
 * least that strength (default: any).
 */
public final class SignalsEvaluation {

  private SignalsEvaluation() {}

  /** One labelled row. */
  private record Row(String id, String text, int label, String source, Role role) {}

  /** Rows and firings of one source and label. */
  private static final class Tally {
    int rows;
    int any;
    int anyStrong;
    final Map<String, Integer> fired = new TreeMap<>();
  }

  public static void main(String[] args) throws IOException {
    Path file = null;
    Path markdown = null;
    String show = null;
    double min = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--markdown" -> markdown = Path.of(args[++i]);
        case "--show" -> show = args[++i];
        case "--min" -> min = Double.parseDouble(args[++i]);
        default -> file = Path.of(args[i]);
      }
    }
    if (file == null) {
      file = Path.of("../shared/data/injection/dev.jsonl");
      if (!Files.exists(file)) {
        file = Path.of("../../shared/data/injection/dev.jsonl");
      }
    }
    if (!Files.isRegularFile(file)) {
      System.err.println("no data file at " + file.toAbsolutePath().normalize());
      System.exit(2);
      return;
    }
    List<Row> rows = read(file);
    Map<String, Tally> tallies = new TreeMap<>();
    long chars = 0;
    long started = System.nanoTime();
    for (Row row : rows) {
      NormalizedText normalized = TextNormalizer.DEFAULT.normalize(row.text());
      List<Signal> signals = StructuralSignals.detect(normalized, row.role());
      chars += row.text().length();
      Tally tally = tallies.computeIfAbsent((row.label() == 0 ? "0 " : "1 ") + row.source(), k -> new Tally());
      tally.rows++;
      double strongest = 0;
      for (Signal signal : signals) {
        if (signal.strength() >= min) {
          tally.fired.merge(signal.name(), 1, Integer::sum);
        }
        strongest = Math.max(strongest, signal.strength());
        if (row.label() == 0 && signal.name().equals(show)) {
          System.out.println(row.source() + " " + row.id() + " " + signal.strength() + ": "
              + oneLine(row.text()));
        }
      }
      if (strongest > 0) {
        tally.any++;
      }
      if (strongest >= 0.7) {
        tally.anyStrong++;
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    String table = render(tallies);
    System.out.println(rows.size() + " rows, " + chars + " chars, in " + millis + " ms (one pass, cold JVM)");
    System.out.println();
    System.out.print(table);
    if (markdown != null) {
      Files.writeString(markdown, table, StandardCharsets.UTF_8);
      System.out.println("wrote " + markdown);
    }
  }

  private static String render(Map<String, Tally> tallies) {
    StringBuilder out = new StringBuilder();
    for (int label = 0; label <= 1; label++) {
      List<String> sources = new ArrayList<>();
      for (String key : tallies.keySet()) {
        if (key.startsWith(label + " ")) {
          sources.add(key);
        }
      }
      out.append(label == 0 ? "Benign rows (label 0): rows firing, % of the source's rows\n\n"
          : "Attack rows (label 1): rows firing, % of the source's rows\n\n");
      out.append("| signal |");
      for (String source : sources) {
        out.append(' ').append(source.substring(2)).append(" (").append(tallies.get(source).rows).append(") |");
      }
      out.append("\n|---|");
      out.append("---:|".repeat(sources.size()));
      out.append('\n');
      for (String name : SignalNames.ALL) {
        out.append("| ").append(name).append(" |");
        for (String source : sources) {
          Tally tally = tallies.get(source);
          out.append(' ').append(cell(tally.fired.getOrDefault(name, 0), tally.rows)).append(" |");
        }
        out.append('\n');
      }
      out.append("| *any signal* |");
      for (String source : sources) {
        Tally tally = tallies.get(source);
        out.append(' ').append(cell(tally.any, tally.rows)).append(" |");
      }
      out.append("\n| *any signal >= 0.7* |");
      for (String source : sources) {
        Tally tally = tallies.get(source);
        out.append(' ').append(cell(tally.anyStrong, tally.rows)).append(" |");
      }
      out.append("\n\n");
    }
    return out.toString();
  }

  private static String cell(int count, int rows) {
    if (count == 0) {
      return "·";
    }
    return count + " (" + String.format(java.util.Locale.ROOT, "%.1f", 100.0 * count / rows) + "%)";
  }

  private static List<Row> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = json.readTree(line);
        rows.add(new Row(node.path("id").asText(), node.path("text").asText(), node.path("label").asInt(),
            node.path("source").asText(), Role.of(node.path("role").asText("user"))));
      }
    }
    return rows;
  }

  private static String oneLine(String text) {
    String flat = text.replace('\n', ' ').replace('\r', ' ');
    return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
  }
}
