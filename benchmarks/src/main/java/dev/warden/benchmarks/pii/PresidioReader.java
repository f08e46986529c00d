package dev.warden.benchmarks.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Presidio's synthetic sentences ({@code presidio_generated_large.json}) and its recognizer
 * test vectors ({@code presidio_vectors_*.jsonl}).
 *
 * <p>Presidio is Python: its offsets count code points. They are converted to UTF-16 here (the
 * dev split has no char outside the BMP, so the conversion changes nothing today, but held-out
 * data may).
 */
final class PresidioReader {

  static final String GENERATED = "presidio_generated_large.json";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> notes;

  /** @param notes receives one line per skipped row or data oddity */
  PresidioReader(List<String> notes) {
    this.notes = notes;
  }

  /**
   * The generated sentences. Every PII value in them comes from a template placeholder, so each
   * of our types is judged. A {@code DATE_TIME} span filling a {@code {{date_of_birth}}}
   * placeholder becomes {@code DATE_OF_BIRTH}.
   */
  List<LabelledText> readGenerated(Path file) throws IOException {
    JsonNode rows = JSON.readTree(file.toFile());
    String source = stem(file);
    Set<String> judged = Set.copyOf(EntityLabels.OUR_TYPES);
    List<LabelledText> texts = new ArrayList<>(rows.size());
    int valueMismatches = 0;
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String text = row.path("full_text").asText();
      List<JsonNode> spans = new ArrayList<>();
      row.path("spans").forEach(spans::add);
      spans.sort(Comparator.comparingInt(s -> s.path("start_position").asInt()));
      List<String> slots = placeholders(row.path("masked").asText(""));
      boolean aligned = slots.size() == spans.size();
      List<GoldSpan> gold = new ArrayList<>(spans.size());
      for (int j = 0; j < spans.size(); j++) {
        JsonNode span = spans.get(j);
        String label = span.path("entity_type").asText();
        String slot = aligned ? slots.get(j) : "";
        int start = utf16(text, span.path("start_position").asInt());
        int end = utf16(text, span.path("end_position").asInt());
        if (!text.substring(start, end).equals(span.path("entity_value").asText())) {
          valueMismatches++;
        }
        String type = "DATE_TIME".equals(label) && "date_of_birth".equals(slot)
            ? "DATE_OF_BIRTH" : EntityLabels.ours(label);
        gold.add(new GoldSpan(type, slot.isEmpty() ? label : label + "/" + slot, start, end, false));
      }
      texts.add(new LabelledText(source, "#" + i, text, gold, judged));
    }
    if (valueMismatches > 0) {
      notes.add(source + ": " + valueMismatches + " spans whose offsets do not cut out entity_value");
    }
    return texts;
  }

  /** Every {@code presidio_vectors_*.jsonl} in {@code dir}, by file name. */
  List<LabelledText> readVectors(Path dir) throws IOException {
    List<Path> files;
    try (var list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().matches("presidio_vectors_.*\\.jsonl"))
          .sorted().toList();
    }
    List<LabelledText> texts = new ArrayList<>();
    for (Path file : files) {
      texts.addAll(readVectorFile(file));
    }
    return texts;
  }

  /**
   * One vector file. The file name names the entity ({@code presidio_vectors_us_ssn} → US_SSN);
   * only that type is judged. Positions are in {@code expected_positions} (or
   * {@code expected_res} for credit cards). Phone rows that test a non-default libphonenumber
   * {@code leniency} are skipped (Presidio's default is 1); a repeated text is read once.
   */
  private List<LabelledText> readVectorFile(Path file) throws IOException {
    String source = stem(file);
    String fileLabel = source.substring("presidio_vectors_".length()).toUpperCase(Locale.ROOT);
    String fileType = EntityLabels.ours(fileLabel);
    Set<String> judged = fileType == null ? Set.of() : Set.of(fileType);
    List<LabelledText> texts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int n = 1; n <= lines.size(); n++) {
      if (lines.get(n - 1).isBlank()) {
        continue;
      }
      JsonNode row = JSON.readTree(lines.get(n - 1));
      String text = row.path("text").asText();
      if (row.has("leniency") && row.path("leniency").asInt() != 1) {
        notes.add(source + " line " + n + ": skipped, tests leniency " + row.path("leniency").asInt());
        continue;
      }
      if (!seen.add(text)) {
        notes.add(source + " line " + n + ": skipped, repeats an earlier text");
        continue;
      }
      JsonNode positions = row.has("expected_positions") ? row.path("expected_positions")
          : row.path("expected_res");
      List<GoldSpan> gold = new ArrayList<>();
      for (int j = 0; j < positions.size(); j++) {
        String label = row.path("entities").path(j).asText(fileLabel);
        JsonNode range = row.path("expected_score_ranges").path(j);
        boolean weak = range.isArray() && range.path(1).asDouble(1) < 0.5;
        gold.add(new GoldSpan(EntityLabels.ours(label), label,
            utf16(text, positions.path(j).path(0).asInt()),
            utf16(text, positions.path(j).path(1).asInt()), weak));
      }
      if (row.has("expected_len") && row.path("expected_len").asInt() != gold.size()) {
        notes.add(source + " line " + n + ": expected_len disagrees with the positions");
      }
      texts.add(new LabelledText(source, "line " + n, text, gold, judged));
    }
    return texts;
  }

  private static List<String> placeholders(String masked) {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(masked);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The UTF-16 index of a Python (code point) offset. */
  static int utf16(String text, int codePoints) {
    return text.offsetByCodePoints(0, codePoints);
  }

  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
