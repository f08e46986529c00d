package dev.warden.benchmarks.pii;

import dev.warden.policies.pii.BuiltInRecognizers;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Recognizer;
import dev.warden.policies.pii.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every built-in recognizer over the span-labelled PII data and prints precision and recall
 * per entity type and per source. See {@code benchmarks/README.md} for the command, and
 * {@link SpanMatcher} for the matching rule.
 *
 * <pre>
 * PiiEvaluation [DATA_DIR] [--verbose] [--show-values] [--markdown FILE]
 * </pre>
 *
 * <p>DATA_DIR defaults to {@code ../shared/data/pii} (from the project root; from
 * {@code benchmarks/} one more {@code ../} is tried). The listing of --verbose masks every value as
 * its type and length unless --show-values is given.
 */
public final class PiiEvaluation {

  private static final String RULE = "A prediction is a true positive when it overlaps an unmatched"
      + " gold span of the same type by at least half of the gold span (one-to-one); \"exact\" counts"
      + " the true positives whose boundaries agree too. A prediction on gold of another or an"
      + " out-of-scope type (PERSON, ADDRESS, DATE_TIME, URL, …) is a false positive; one on no gold"
      + " is a false positive when the source labels that type, else unjudged (not in precision)."
      + " Out-of-scope gold never counts for recall; optional (weak) gold is neither rewarded nor"
      + " penalised.";

  private PiiEvaluation() {}

  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    if (options == null) {
      System.err.println("usage: PiiEvaluation [DATA_DIR] [--verbose] [--show-values] [--markdown FILE]");
      System.exit(2);
      return;
    }
    Path dir = options.dataDir();
    if (!Files.isDirectory(dir)) {
      System.err.println("no data directory at " + dir.toAbsolutePath().normalize());
      System.exit(2);
      return;
    }
    List<String> notes = new ArrayList<>();
    List<LabelledText> texts = read(dir, notes);
    Set<String> active = new LinkedHashSet<>(BuiltInRecognizers.TYPES);
    List<Recognizer> recognizers = new ArrayList<>();
    for (String type : active) {
      recognizers.add(BuiltInRecognizers.forType(type));
    }
    Run run = score(texts, new PiiScanner(recognizers, List.of()), notes);
    report(options, active, run, notes);
  }

  /** What scoring every text produced. */
  private record Run(List<LabelledText> texts, Map<String, SpanMatcher> matchers,
      Map<String, Integer> textsBySource, List<SpanMatcher.Miss> misses, long chars, long millis) {}

  private static Run score(List<LabelledText> texts, PiiScanner scanner, List<String> notes) {
    Map<String, SpanMatcher> matchers = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<SpanMatcher.Miss> misses = new ArrayList<>();
    long chars = 0;
    long started = System.nanoTime();
    for (LabelledText text : texts) {
      SpanMatcher matcher = matchers.computeIfAbsent(text.source(), k -> new SpanMatcher());
      counts.merge(text.source(), 1, Integer::sum);
      chars += text.text().length();
      List<Span> found;
      try {
        found = scanner.scan(text.text());
      } catch (RuntimeException e) {
        notes.add(text.source() + " " + text.id() + ": the scanner threw " + e);
        found = List.of();
      }
      matcher.score(text, found, misses::add);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new Run(texts, matchers, counts, misses, chars, millis);
  }

  private static void report(Options options, Set<String> active, Run run, List<String> notes)
      throws IOException {
    Map<String, Map<String, Tally>> bySource = new LinkedHashMap<>();
    run.matchers().forEach((source, m) -> bySource.put(source, m.tallies()));
    ReportWriter report = new ReportWriter(bySource, run.textsBySource(), active);
    System.out.println("data: " + options.dataDir().toAbsolutePath().normalize());
    System.out.println("recognizers: " + String.join(", ", active));
    System.out.println(run.texts().size() + " texts, " + run.chars() + " chars, scored in "
        + run.millis() + " ms");
    System.out.println(wrap("rule: " + RULE, 100));
    System.out.println();
    System.out.print(report.render(false));
    if (!notes.isEmpty()) {
      System.out.println();
      System.out.println("notes:");
      notes.forEach(n -> System.out.println("  " + n));
    }
    if (options.verbose()) {
      printMisses(run.misses(), active, options.showValues());
    }
    if (options.markdown() != null) {
      String md = "Data: `" + options.dataDir() + "`. Recognizers: " + String.join(", ", active)
          + ". " + run.texts().size() + " texts.\n\n" + RULE + "\n\n" + report.render(true);
      Files.writeString(options.markdown(), md, StandardCharsets.UTF_8);
      System.out.println();
      System.out.println("wrote " + options.markdown());
    }
  }

  private static void printMisses(List<SpanMatcher.Miss> misses, Set<String> active, boolean showValues) {
    System.out.println();
    System.out.println("misses: FP, FN, UNJUDGED, and INEXACT true positives ("
        + (showValues ? "values shown" : "values masked") + "):");
    int omitted = 0;
    for (SpanMatcher.Miss miss : misses) {
      if (active.contains(miss.type())) {
        System.out.println("  " + describe(miss, showValues));
      } else {
        omitted++;
      }
    }
    if (omitted > 0) {
      System.out.println("  (" + omitted + " misses of types without a recognizer not listed)");
    }
  }

  private static List<LabelledText> read(Path dir, List<String> notes) throws IOException {
    List<LabelledText> texts = new ArrayList<>();
    PresidioReader presidio = new PresidioReader(notes);
    LlmGuardReader llmGuard = new LlmGuardReader(notes);
    Path generated = dir.resolve(PresidioReader.GENERATED);
    if (Files.exists(generated)) {
      texts.addAll(presidio.readGenerated(generated));
    } else {
      notes.add("missing " + generated);
    }
    texts.addAll(presidio.readVectors(dir));
    for (String name : List.of(LlmGuardReader.ANONYMIZE, LlmGuardReader.SECRETS)) {
      Path file = dir.resolve(name);
      if (!Files.exists(file)) {
        notes.add("missing " + file);
      } else if (name.equals(LlmGuardReader.ANONYMIZE)) {
        texts.addAll(llmGuard.readAnonymize(file));
      } else {
        texts.addAll(llmGuard.readSecrets(file));
      }
    }
    return texts;
  }

  /** One line per miss; the value is shown as its type and length unless asked otherwise. */
  static String describe(SpanMatcher.Miss miss, boolean showValues) {
    String text = miss.text().text();
    String value = text.substring(miss.start(), miss.end());
    String shown = "«" + miss.type() + ", " + value.length() + " chars»";
    if (showValues) {
      int from = Math.max(0, miss.start() - 30);
      int to = Math.min(text.length(), miss.end() + 30);
      shown = "\"" + escape(value) + "\" in …" + escape(text.substring(from, miss.start())) + "[["
          + escape(value) + "]]" + escape(text.substring(miss.end(), to)) + "…";
    }
    return String.format("%-8s %-15s %s %s [%d,%d) %s  %s", miss.kind(), miss.type(),
        miss.text().source(), miss.text().id(), miss.start(), miss.end(), shown, miss.note());
  }

  private static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    int lineStart = 0;
    for (String word : text.split(" ")) {
      if (out.length() - lineStart + word.length() >= width && out.length() > lineStart) {
        out.setCharAt(out.length() - 1, '\n');
        lineStart = out.length();
      }
      out.append(word).append(' ');
    }
    return out.toString().stripTrailing();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  private record Options(Path dataDir, boolean verbose, boolean showValues, Path markdown) {

    static Options parse(String[] args) {
      Path dir = null;
      Path markdown = null;
      boolean verbose = false;
      boolean show = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--verbose", "-v" -> verbose = true;
          case "--show-values" -> show = true;
          case "--markdown" -> {
            if (++i == args.length) {
              return null;
            }
            markdown = Path.of(args[i]);
          }
          default -> {
            if (args[i].startsWith("-") || dir != null) {
              return null;
            }
            dir = Path.of(args[i]);
          }
        }
      }
      if (dir == null) {
        dir = Path.of("../shared/data/pii");
        if (!Files.isDirectory(dir) && Files.isDirectory(Path.of("../../shared/data/pii"))) {
          dir = Path.of("../../shared/data/pii");
        }
      }
      return new Options(dir, verbose, show, markdown);
    }
  }
}
