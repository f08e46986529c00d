package dev.warden.policies.pseudonym;

import static dev.warden.policies.pseudonym.TestRecognizers.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.policies.pii.CompletionRewriter;
import dev.warden.policies.pii.CompletionRewriter.Channel;
import dev.warden.policies.pii.EmailRecognizer;
import dev.warden.policies.pii.PiiScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CompletionFilter#forJsonText()}: tool call arguments, whole and streamed, stay valid JSON. */
class CompletionFilterJsonTextTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PseudonymVault vault = new PseudonymVault(key(1));
  private final String jane = vault.placeholderFor("EMAIL", "jane@example.com");
  /** A custom entity whose value needs every kind of JSON escape. */
  private final String odd = vault.placeholderFor("EMPLOYEE_ID", "E-\"12\"\\34\n\t\u0001/é😀");
  private final List<CompletionRewriter> rewriters = List.of(
      CompletionFilter.restoring(vault, null).forJsonText(),
      CompletionFilter.restoring(vault, TestRecognizers.scanner()).forJsonText(),
      CompletionFilter.restoring(null, TestRecognizers.scanner()).forJsonText());

  @Test
  void restoredValuesAreEscapedForTheStringTheyAreIn() throws Exception {
    CompletionRewriter rewriter = CompletionFilter.restoring(vault, null).forJsonText();
    String arguments = "{\"to\":\"" + jane + "\",\"id\":\"" + odd + "\",\"note\":\"for " + jane + " and " + odd + "\"}";

    JsonNode parsed = JSON.readTree(rewriter.rewrite(arguments));

    assertThat(parsed.get("to").textValue()).isEqualTo("jane@example.com");
    assertThat(parsed.get("id").textValue()).isEqualTo("E-\"12\"\\34\n\t\u0001/é😀");
    assertThat(parsed.get("note").textValue()).isEqualTo("for jane@example.com and E-\"12\"\\34\n\t\u0001/é😀");
    assertThat(rewriter.rewrite("\"" + odd + "\"")).isEqualTo("\"E-\\\"12\\\"\\\\34\\n\\t\\u0001/é😀\"");
  }

  @Test
  void onlyTheRestoredValuesChange() {
    CompletionRewriter rewriter = CompletionFilter.restoring(vault, null).forJsonText();
    String arguments = "{ \"a\" : \"line\\nnext \\\"q\\\" \\u00e9\\/ " + jane + "\",\n \"n\": [1, 2.5e3, true, null] }";

    assertThat(rewriter.rewrite(arguments)).isEqualTo(arguments.replace(jane, "jane@example.com"));
    assertThat(rewriter.rewrite("{}")).isEqualTo("{}");
    assertThat(rewriter.rewrite("")).isEmpty();
    assertThat(rewriter.rewrite(null)).isNull();
  }

  @Test
  void inventedAndCutPlaceholdersStayAsTheyAre() {
    CompletionRewriter rewriter = CompletionFilter.restoring(vault, null).forJsonText();
    String invented = jane.endsWith("0000>") ? "<EMAIL_0001>" : "<EMAIL_0000>";
    String arguments = "{\"a\":\"" + invented + "\",\"b\":\"" + jane.substring(0, jane.length() - 1) + "\"}";

    assertThat(rewriter.rewrite(arguments)).isEqualTo(arguments);
  }

  @Test
  void thePlainRewriterDoesNotEscapeAndTheTwinsKnowEachOther() {
    CompletionRewriter plain = CompletionFilter.restoring(vault, null);
    CompletionRewriter json = plain.forJsonText();

    assertThat(plain.rewrite(odd)).isEqualTo("E-\"12\"\\34\n\t\u0001/é😀");
    assertThat(json).isNotSameAs(plain);
    assertThat(json.forJsonText()).isSameAs(json);
    assertThat(plain.forJsonText()).isSameAs(json);
    assertThat(json.toString()).contains("jsonText=true").doesNotContain("jane");
  }

  @Test
  void aPlaceholderSplitAcrossFragmentsIsRestoredEscaped() throws Exception {
    String arguments = "{\"id\":\"" + odd + "\",\"to\":[\"" + jane + "\"]}";
    for (CompletionRewriter rewriter : rewriters.subList(0, 2)) {
      String whole = rewriter.rewrite(arguments);
      for (int cut = 0; cut <= arguments.length(); cut++) {
        assertThat(stream(rewriter, List.of(arguments.substring(0, cut), arguments.substring(cut))))
            .as("cut at %d", cut).isEqualTo(whole);
      }
      assertThat(stream(rewriter, chars(arguments))).isEqualTo(whole);
      assertThat(JSON.readTree(whole).get("id").textValue()).isEqualTo("E-\"12\"\\34\n\t\u0001/é😀");
      assertThat(JSON.readTree(whole).get("to").get(0).textValue()).isEqualTo("jane@example.com");
    }
  }

  @Test
  void redactionInsideAStringKeepsTheEscapesAroundIt() {
    CompletionRewriter rewriter = CompletionFilter.restoring(vault, TestRecognizers.scanner()).forJsonText();
    String arguments = "{\"to\":\"bob@evil.example.com\",\"body\":\"Hi\\nbob@evil.example.com\\tcall +44 20 7946 0958\","
        + "\"cc\":\"" + jane + "\"}";

    assertThat(rewriter.rewrite(arguments)).isEqualTo(
        "{\"to\":\"[EMAIL]\",\"body\":\"Hi\\n[EMAIL]\\tcall [PHONE]\",\"cc\":\"jane@example.com\"}");
  }

  @Test
  void aFindingIsRedactedOnlyBetweenEscapeSequences() throws Exception {
    PiiScanner digits = new PiiScanner(List.of(TestRecognizers.digits(),
        TestRecognizers.regex("TAIL", "zz[a-z\\\\]+")), List.of());
    CompletionRewriter rewriter = CompletionFilter.restoring(null, digits).forJsonText();
    // the digits finding starts on the last hex digit of the escape of "1"; "zzab\" ends on a backslash
    String arguments = "{\"a\":\"\\u00319876\",\"b\":\"zzab\\\"q\",\"c\":\"zzcd\\\\\"}";

    String rewritten = rewriter.rewrite(arguments);

    assertThat(rewritten).isEqualTo("{\"a\":\"\\u0031[DIGITS]\",\"b\":\"[TAIL]\\\"q\",\"c\":\"[TAIL]\"}");
    assertThat(JSON.readTree(rewritten).get("b").textValue()).isEqualTo("[TAIL]\"q");
  }

  @Test
  void aNumberOutsideStringsBecomesAStringHoldingTheMarker() throws Exception {
    CompletionRewriter rewriter = CompletionFilter.restoring(vault, TestRecognizers.scanner()).forJsonText();
    String arguments = "{\"phone\":4155550123,\"count\":3,\"all\":[4155550124, \"4155550125\", 17]}";

    String rewritten = rewriter.rewrite(arguments);

    assertThat(rewritten).isEqualTo("{\"phone\":\"[PHONE]\",\"count\":3,\"all\":[\"[PHONE]\", \"[PHONE]\", 17]}");
    assertThat(JSON.readTree(rewritten).get("all")).hasSize(3);
  }

  @Test
  void aFindingAcrossStringsLeavesTheQuotesAndCommas() throws Exception {
    PiiScanner digits = new PiiScanner(List.of(TestRecognizers.regex("RUN", "\\d[\\d\",\\[ ]*\\d")), List.of());
    CompletionRewriter rewriter = CompletionFilter.restoring(null, digits).forJsonText();
    String arguments = "{\"a\":[12,\"34\", 56],\"b\":\"7\"}";

    String rewritten = rewriter.rewrite(arguments);

    assertThat(rewritten).isEqualTo("{\"a\":[\"[RUN]\",\"[RUN]\", \"[RUN]\"],\"b\":\"7\"}");
    assertThat(JSON.readTree(rewritten).get("a")).hasSize(3);
  }

  @Test
  void theMarkerIsEscapedToo() throws Exception {
    CompletionRewriter rewriter = CompletionFilter.restoring(null,
        new PiiScanner(List.of(new EmailRecognizer()), List.of()), type -> "\"" + type + "\\").forJsonText();

    String rewritten = rewriter.rewrite("{\"to\":\"a@b.org\"}");

    assertThat(JSON.readTree(rewritten).get("to").textValue()).isEqualTo("\"EMAIL\\");
  }

  @Test
  void randomArgumentsInRandomFragmentsStayValidAndAgreeWithTheWholeRewrite() throws Exception {
    Random random = new Random(20261128);
    List<String> placeholders = List.of(jane, odd, vault.placeholderFor("PHONE", "+1 555 010 9999"));
    for (int t = 0; t < 300; t++) {
      ObjectNode document = randomObject(random, placeholders, 0);
      String arguments = JSON.writeValueAsString(document);
      for (CompletionRewriter rewriter : rewriters) {
        String whole = rewriter.rewrite(arguments);
        JsonNode parsed = parse(whole, arguments);
        if (rewriter == rewriters.get(0)) {
          assertThat(parsed).as(arguments).isEqualTo(restored(JSON.readTree(arguments)));
        } else {
          // (an address run into a following word is no address for the recognizer)
          assertThat(whole).doesNotContainPattern("bob@example\\.com(?![A-Za-z0-9])").doesNotContain("4155550");
        }
        assertThat(stream(rewriter, chars(arguments))).as("1-char deltas of %s", arguments).isEqualTo(whole);
        for (int run = 0; run < 5; run++) {
          List<String> deltas = split(arguments, random);
          assertThat(stream(rewriter, deltas)).as("deltas %s", deltas).isEqualTo(whole);
        }
      }
    }
  }

  private static JsonNode parse(String json, String from) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return fail("not JSON: " + json + " (from " + from + ")", e);
    }
  }

  private static final String[] WORDS = {
      "the", "café", "😀", "\"quoted\"", "back\\slash", "line\nbreak", "tab\t", "\u0007", "<", ">", "<EMA", "<EMAIL_",
      "bob@example.com", "+1 555 123 4567", "555-123-4567", "42", "-----BEGIN PRIVATE KEY-----",
      "MIIEvQIBADANBgkqhkiG9w0BAQEF", "-----END PRIVATE KEY-----", "é\\u00e9", "{\"x\":1}"};

  private ObjectNode randomObject(Random random, List<String> placeholders, int depth) {
    ObjectNode object = JSON.createObjectNode();
    int fields = 1 + random.nextInt(4);
    for (int f = 0; f < fields; f++) {
      String name = "f" + f;
      switch (random.nextInt(depth < 2 ? 5 : 3)) {
        case 0 -> object.put(name, random.nextInt(3) == 0 ? 4155550000L + random.nextInt(9999) : random.nextInt(100));
        case 1, 2 -> object.put(name, randomText(random, placeholders));
        case 3 -> object.set(name, randomObject(random, placeholders, depth + 1));
        default -> {
          ArrayNode array = object.putArray(name);
          for (int i = random.nextInt(4); i > 0; i--) {
            if (random.nextBoolean()) {
              array.add(randomText(random, placeholders));
            } else {
              array.add(random.nextInt(2) == 0 ? 2.5 : 4155550000L + random.nextInt(9999));
            }
          }
        }
      }
    }
    return object;
  }

  private static String randomText(Random random, List<String> placeholders) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) {
      text.append(random.nextInt(3) == 0 ? placeholders.get(random.nextInt(placeholders.size()))
          : WORDS[random.nextInt(WORDS.length)]);
      text.append(random.nextInt(3) == 0 ? "" : " ");
    }
    return text.toString();
  }

  /** The document with each placeholder of the vault replaced by its value in every string value. */
  private JsonNode restored(JsonNode node) {
    if (node.isTextual()) {
      return JSON.getNodeFactory().textNode(CompletionFilter.restoring(vault, null).rewrite(node.textValue()));
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.fields().forEachRemaining(field -> copy.set(field.getKey(), restored(field.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(restored(element)));
      return copy;
    }
    return node;
  }

  private static String stream(CompletionRewriter rewriter, List<String> deltas) {
    Channel channel = rewriter.channel();
    StringBuilder out = new StringBuilder();
    for (String delta : deltas) {
      out.append(channel.feed(delta));
    }
    return out.append(channel.finish()).toString();
  }

  private static List<String> chars(String text) {
    List<String> deltas = new ArrayList<>(text.length());
    for (int i = 0; i < text.length(); i++) {
      deltas.add(text.substring(i, i + 1));
    }
    return deltas;
  }

  private static List<String> split(String text, Random random) {
    int maxSize = 1 + random.nextInt(random.nextBoolean() ? 6 : 40);
    List<String> deltas = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = Math.min(text.length(), i + random.nextInt(maxSize + 1));
      deltas.add(text.substring(i, end));
      i = end;
    }
    return deltas;
  }
}
