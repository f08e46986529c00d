package dev.warden.benchmarks.pii;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Deterministic benchmark texts of exactly {@link #CHARS} ASCII chars (so chars = UTF-8 bytes):
 * English prose with a planted value about every 800 chars (a gap of 400–900 chars, then the
 * sentence under way ends), the same prose without them, and JSON tool results. The sentences
 * are written for this benchmark, not taken from any data set; the planted values are generated
 * (valid Luhn, IBAN and Base58Check checksums, plausible SSNs) from fixed seeds, so every run
 * scans the same text.
 */
public final class PiiCorpus {

  /** The length of every corpus, in chars and in UTF-8 bytes. */
  public static final int CHARS = 65_536;

  private static final long PROSE_SEED = 20_240_917L;
  private static final long PII_SEED = 7_129L;

  /** The corpora the benchmark knows, by the name its {@code corpus} parameter takes. */
  public enum Kind {
    /** English prose with a planted value about every 800 chars. */
    PROSE_PII,
    /** The same prose with the personal data left out. */
    PROSE_CLEAN,
    /** JSON records as a CRM or search tool returns them, a contact every few records. */
    JSON_TOOL
  }

  private PiiCorpus() {}

  /**
   * A generated corpus.
   *
   * @param text    exactly {@link #CHARS} ASCII chars
   * @param planted how many values of each type were planted in it
   */
  public record Corpus(String text, Map<String, Integer> planted) {}

  /** The corpus of that kind; the same text on every call and every JVM. */
  public static Corpus generate(Kind kind) {
    Map<String, Integer> planted = new TreeMap<>();
    String text = switch (kind) {
      case PROSE_PII -> prose(planted);
      case PROSE_CLEAN -> prose(null);
      case JSON_TOOL -> json(planted);
    };
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        throw new IllegalStateException("corpus " + kind + " is not ASCII at " + i);
      }
    }
    return new Corpus(text, planted);
  }

  /** Prose; with a value planted about every 800 chars unless {@code planted} is null. */
  private static String prose(Map<String, Integer> planted) {
    Random words = new Random(PROSE_SEED);
    Random values = new Random(PII_SEED);
    ProseWriter prose = new ProseWriter(words);
    StringBuilder out = new StringBuilder(CHARS + 512);
    int nextPii = 300 + values.nextInt(500);
    while (out.length() < CHARS) {
      int sentences = 3 + words.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
          out.append(' ');
        }
        out.append(prose.sentence());
        if (out.length() >= nextPii && out.length() < CHARS - 400) {
          if (planted != null) {
            out.append(' ').append(PlantedValues.sentence(values, planted));
          }
          nextPii = out.length() + 400 + values.nextInt(500);
        }
      }
      out.append("\n\n");
    }
    out.setLength(CHARS);
    return out.toString();
  }

  private static String json(Map<String, Integer> planted) {
    Random words = new Random(PROSE_SEED + 1);
    Random values = new Random(PII_SEED + 1);
    ProseWriter prose = new ProseWriter(words);
    StringBuilder out = new StringBuilder(CHARS + 2048);
    int call = 0;
    while (out.length() < CHARS) {
      out.append("{\"tool_call_id\":\"call_").append(hex(words, 24)).append("\",\"tool\":\"")
          .append(pick(words, TOOLS)).append("\",\"status\":\"ok\",\"took_ms\":")
          .append(5 + words.nextInt(900)).append(",\"page\":").append(++call)
          .append(",\"results\":[");
      int records = 3 + words.nextInt(5);
      for (int r = 0; r < records; r++) {
        if (r > 0) {
          out.append(',');
        }
        record(out, words, values, prose, planted);
      }
      out.append("],\"next_cursor\":\"").append(hex(words, 32)).append("\"}\n");
    }
    out.setLength(CHARS);
    return out.toString();
  }

  private static void record(StringBuilder out, Random words, Random values, ProseWriter prose,
      Map<String, Integer> planted) {
    out.append("{\"id\":\"").append(uuid(words)).append("\",\"created_at\":\"")
        .append(2019 + words.nextInt(6)).append('-').append(two(1 + words.nextInt(12))).append('-')
        .append(two(1 + words.nextInt(28))).append('T').append(two(words.nextInt(24))).append(':')
        .append(two(words.nextInt(60))).append(':').append(two(words.nextInt(60))).append("Z\",")
        .append("\"account\":\"").append(pick(words, ACCOUNTS)).append("\",\"stage\":\"")
        .append(pick(words, STAGES)).append("\",\"amount\":").append(words.nextInt(50_000))
        .append('.').append(two(words.nextInt(100))).append(",\"currency\":\"EUR\",\"score\":0.")
        .append(1000 + words.nextInt(9000)).append(",\"etag\":\"").append(hex(words, 40))
        .append("\",\"tags\":[\"").append(pick(words, TAGS)).append("\",\"")
        .append(pick(words, TAGS)).append("\"],\"summary\":\"").append(prose.sentence())
        .append(' ').append(prose.sentence()).append('"');
    if (values.nextInt(3) == 0 && out.length() < CHARS - 600) {
      planted.merge("EMAIL", 1, Integer::sum);
      planted.merge("PHONE", 1, Integer::sum);
      out.append(",\"contact\":{\"email\":\"").append(PlantedValues.email(values))
          .append("\",\"phone\":\"").append(PlantedValues.phone(values)).append("\"}");
    }
    out.append('}');
  }

  static String pick(Random random, List<String> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private static String hex(Random random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(Character.forDigit(random.nextInt(16), 16));
    }
    return s.toString();
  }

  private static String uuid(Random random) {
    String h = hex(random, 32);
    return h.substring(0, 8) + '-' + h.substring(8, 12) + "-4" + h.substring(13, 16) + '-'
        + h.substring(16, 20) + '-' + h.substring(20);
  }

  private static final List<String> TOOLS = List.of(
      "crm.search_accounts", "tickets.list", "orders.lookup", "calendar.events", "docs.search");
  private static final List<String> ACCOUNTS = List.of(
      "Northwind Traders", "Blue Harbor Logistics", "Quarry Lane Bakery", "Tallis Engineering",
      "Meadowbrook Clinic", "Copperleaf Studio", "Granite Peak Outfitters", "Riverside Council");
  private static final List<String> STAGES = List.of(
      "prospect", "qualified", "proposal", "negotiation", "closed_won", "closed_lost", "renewal");
  private static final List<String> TAGS = List.of(
      "priority", "renewal", "upsell", "churn-risk", "enterprise", "smb", "pilot", "q3", "partner");

  /** Prints each corpus's size and planted values, and with {@code --dump DIR} writes it there. */
  public static void main(String[] args) throws IOException {
    for (Kind kind : Kind.values()) {
      Corpus corpus = generate(kind);
      System.out.println(kind + ": " + corpus.text().length() + " chars, planted " + corpus.planted());
      if (args.length == 2 && args[0].equals("--dump")) {
        Path file = Path.of(args[1], kind.name().toLowerCase(Locale.ROOT) + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, corpus.text());
        System.out.println("  wrote " + file);
      }
    }
  }
}
