package dev.warden.benchmarks.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads llm-guard's anonymizer and secrets scanner test cases. Neither has spans: they hold the
 * input and the expected redacted output, and the spans are recovered by aligning the two.
 */
final class LlmGuardReader {

  static final String ANONYMIZE = "llmguard_anonymize.jsonl";
  static final String SECRETS = "llmguard_secrets.jsonl";

  /** llm-guard's DEFAULT_ENTITY_TYPES that we have, the only ones its anonymizer judges. */
  private static final Set<String> ANONYMIZE_JUDGED = Set.of(
      "CREDIT_CARD", "CRYPTO_ADDRESS", "EMAIL", "IBAN", "IP_ADDRESS", "PHONE", "US_SSN");
  /** The kinds detect-secrets (behind llm-guard's Secrets scanner) reports. */
  private static final Set<String> SECRETS_JUDGED = Set.of("SECRET", "JWT", "URL_CREDENTIALS");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\[REDACTED_([A-Z_]+?)_\\d+]");
  private static final Pattern JWT = Pattern.compile("eyJ[\\w-]*\\.[\\w-]+\\.[\\w-]+");
  private static final Pattern URL_USER = Pattern.compile("://[^\\s/@:]+:$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> notes;

  LlmGuardReader(List<String> notes) {
    this.notes = notes;
  }

  /**
   * Anonymizer cases: each {@code [REDACTED_<LABEL>_<n>]} of {@code expected_prompt} is aligned
   * with the text it replaced in {@code prompt} (a preamble llm-guard puts before the prompt is
   * skipped). Rows whose settings narrow {@code entity_types} are skipped: there a value left in
   * clear is PII the anonymizer was told to ignore, not a negative. A repeated prompt is read once.
   */
  List<LabelledText> readAnonymize(Path file) throws IOException {
    String source = PresidioReader.stem(file);
    List<LabelledText> texts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int n = 1; n <= lines.size(); n++) {
      if (lines.get(n - 1).isBlank()) {
        continue;
      }
      JsonNode row = JSON.readTree(lines.get(n - 1));
      String settings = row.path("settings").toString();
      String prompt = row.path("prompt").asText();
      if (settings.contains("entity_types") && !settings.contains("DEFAULT_ENTITY_TYPES")) {
        notes.add(source + " line " + n + ": skipped, its settings narrow entity_types");
        continue;
      }
      if (!seen.add(prompt)) {
        notes.add(source + " line " + n + ": skipped, repeats an earlier prompt");
        continue;
      }
      List<GoldSpan> gold = align(prompt, row.path("expected_prompt").asText());
      if (gold == null) {
        notes.add(source + " line " + n + ": skipped, expected_prompt does not align with prompt");
        continue;
      }
      texts.add(new LabelledText(source, "line " + n, prompt, gold, ANONYMIZE_JUDGED));
    }
    return texts;
  }

  /**
   * Secrets cases: the gold span is what differs between {@code prompt} and
   * {@code expected_prompt} (llm-guard masks only the secret value, e.g. only the password of a
   * URL). Its type: JWT when it is one, URL_CREDENTIALS when it sits in a URL's user info,
   * SECRET otherwise.
   */
  List<LabelledText> readSecrets(Path file) throws IOException {
    String source = PresidioReader.stem(file);
    List<LabelledText> texts = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int n = 1; n <= lines.size(); n++) {
      if (lines.get(n - 1).isBlank()) {
        continue;
      }
      JsonNode row = JSON.readTree(lines.get(n - 1));
      String prompt = row.path("prompt").asText();
      String expected = row.path("expected_prompt").asText();
      List<GoldSpan> gold = new ArrayList<>();
      if (!prompt.equals(expected)) {
        int p = 0;
        int max = Math.min(prompt.length(), expected.length());
        while (p < max && prompt.charAt(p) == expected.charAt(p)) {
          p++;
        }
        int s = 0;
        while (s < max - p && prompt.charAt(prompt.length() - 1 - s)
            == expected.charAt(expected.length() - 1 - s)) {
          s++;
        }
        int end = prompt.length() - s;
        String type = secretType(prompt, p, end);
        gold.add(new GoldSpan(type, "secrets/" + type, p, end, false));
      }
      texts.add(new LabelledText(source, "line " + n, prompt, gold, SECRETS_JUDGED));
    }
    return texts;
  }

  private static String secretType(String text, int start, int end) {
    if (JWT.matcher(text.substring(start, end)).matches()) {
      return "JWT";
    }
    if (end < text.length() && text.charAt(end) == '@'
        && URL_USER.matcher(text.substring(0, start)).find()) {
      return "URL_CREDENTIALS";
    }
    return "SECRET";
  }

  /**
   * The spans of {@code prompt} that the placeholders of {@code expected} replaced, or null when
   * no suffix of {@code expected} (after a preamble) matches the whole prompt. Adjacent
   * placeholders ({@code [REDACTED_PERSON_1][REDACTED_PERSON_2]}) cover one span together.
   */
  static List<GoldSpan> align(String prompt, String expected) {
    for (int k = 0; k <= expected.length(); k++) {
      List<String> labels = new ArrayList<>();
      Pattern pattern = toPattern(expected.substring(k), labels);
      Matcher m = pattern.matcher(prompt);
      if (m.matches()) {
        List<GoldSpan> gold = new ArrayList<>(labels.size());
        for (int g = 1; g <= m.groupCount(); g++) {
          String label = labels.get(g - 1);
          gold.add(new GoldSpan(EntityLabels.ours(label), label, m.start(g), m.end(g), false));
        }
        return gold;
      }
    }
    return null;
  }

  private static Pattern toPattern(String expected, List<String> labels) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(expected);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        regex.append(Pattern.quote(expected.substring(last, m.start())));
      }
      if (m.start() == last && last > 0 && !labels.isEmpty() && regex.toString().endsWith("(.+?)")) {
        String previous = labels.remove(labels.size() - 1);
        labels.add(previous.equals(m.group(1)) ? previous : previous + "+" + m.group(1));
      } else {
        regex.append("(.+?)");
        labels.add(m.group(1));
      }
      last = m.end();
    }
    if (last < expected.length()) {
      regex.append(Pattern.quote(expected.substring(last)));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
