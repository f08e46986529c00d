package dev.warden.agent.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.policies.decision.InjectionVerdict;
import dev.warden.policies.engine.PolicySnapshot;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Redactor;
import dev.warden.policies.pii.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code scan --policy POLICY.yaml}: reads JSON Lines {@code {"id","text","role"?}} and writes one
 * line {@code {"id","injection":{"score","flagged","reasons"},"pii":[{"type","start","end"}],"redacted"}}
 * per input line, with the policy's {@code pii} entities, custom entities and allowed literals,
 * and its {@code injection} thresholds for the line's {@code role} (default {@code user}; the
 * defaults when the section is off). Offsets are UTF-16 indices into {@code text}, end exclusive. A line that is not such an object gets {@code {"line":N,"error":"..."}} and the scan goes on.
 */
final class ScanCommand {

  // emoji and other non-BMP text stay readable UTF-8 instead of escaped surrogate pairs
  private static final ObjectMapper JSON = new ObjectMapper(
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build());

  private ScanCommand() {}

  static void run(PolicySnapshot policy, InputStream in, OutputStream out) throws IOException {
    PiiScanner scanner = policy.piiScanner();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    JsonGenerator json = JSON.getFactory().createGenerator(out);
    json.setRootValueSeparator(null);
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode item = parse(line);
      JsonNode text = item == null ? null : item.get("text");
      if (text == null || !text.isTextual()) {
        json.writeStartObject();
        json.writeNumberField("line", number);
        json.writeStringField("error", "expected a JSON object with a string field 'text'");
        json.writeEndObject();
      } else {
        JsonNode role = item.get("role");
        InjectionVerdict injection = policy.scoreInjection(text.asText(), role != null && role.isTextual() ? role.asText() : "user");
        write(json, item.get("id"), text.asText(), injection, scanner.scan(text.asText()));
      }
      json.writeRaw('\n');
      json.flush();
    }
  }

  private static void write(JsonGenerator json, JsonNode id, String text, InjectionVerdict injection, List<Span> spans)
      throws IOException {
    json.writeStartObject();
    json.writeFieldName("id");
    if (id == null) {
      json.writeNull();
    } else {
      json.writeTree(id);
    }
    json.writeObjectFieldStart("injection");
    // two decimals: a score is a calibrated estimate, not a measurement
    json.writeNumberField("score", Math.round(injection.score() * 100) / 100.0);
    json.writeBooleanField("flagged", injection.flagged());
    json.writeArrayFieldStart("reasons");
    for (String reason : injection.reasons()) {
      json.writeString(reason);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeArrayFieldStart("pii");
    for (Span span : spans) {
      json.writeStartObject();
      json.writeStringField("type", span.type());
      json.writeNumberField("start", span.start());
      json.writeNumberField("end", span.end());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField("redacted", Redactor.redact(text, spans));
    json.writeEndObject();
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }
}
