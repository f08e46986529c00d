package dev.warden.agent.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.agent.WardenLog;
import dev.warden.agent.audit.AuditTrail;
import dev.warden.agent.telemetry.Telemetry;
import dev.warden.agent.telemetry.WardenMetrics;
import dev.warden.policies.alerts.Alert;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;

/**
 * Raises one {@link Alert}: an {@code alert} audit record, an OpenTelemetry log record
 * {@code warden.alert} with the alert's severity (when logs are exported), a {@code warden.alerts}
 * count (when metrics are) and a {@code [warden]} line on stderr at warn. Each carries the alert's
 * kind, key scope id, model and numbers; the record and the log record also the principal, as
 * decision records and spans do; the stderr line does not (a principal may be an e-mail address).
 */
final class AlertEmitter {

  private static final AttributeKey<String> EVENT_NAME = AttributeKey.stringKey("event.name");
  private static final AttributeKey<String> KIND = AttributeKey.stringKey("warden.alert");
  private static final AttributeKey<String> PARTITION = AttributeKey.stringKey("warden.alert.partition");
  private static final AttributeKey<String> WINDOW = AttributeKey.stringKey("warden.alert.window");
  private static final AttributeKey<Double> OBSERVED = AttributeKey.doubleKey("warden.alert.observed");
  private static final AttributeKey<Double> THRESHOLD = AttributeKey.doubleKey("warden.alert.threshold");
  private static final AttributeKey<String> KEY_ID = AttributeKey.stringKey("warden.key.id");
  private static final AttributeKey<String> PRINCIPAL = AttributeKey.stringKey("warden.principal");
  private static final AttributeKey<String> MODEL = AttributeKey.stringKey("gen_ai.request.model");
  private static final AttributeKey<String> POLICY = AttributeKey.stringKey("warden.policy.hash");

  private static final JsonFactory JSON = new JsonFactory();

  private AlertEmitter() {}

  static void emit(Alert alert, AuditTrail audit, String policyHash) throws IOException {
    String window = window(alert.window());
    WardenLog.warn(describe(alert, window));
    if (audit != null) {
      audit.append(json -> {
        json.writeStringField("event", "alert");
        writeMembers(json, alert, window);
        json.writeStringField("policy", policyHash);
      });
    }
    Logger logger = Telemetry.logger();
    if (logger != null) {
      LogRecordBuilder log = logger.logRecordBuilder()
          .setSeverity("ERROR".equals(alert.kind().severity) ? Severity.ERROR : Severity.WARN)
          .setSeverityText(alert.kind().severity)
          .setBody(body(alert, window))
          .setAttribute(EVENT_NAME, "warden.alert")
          .setAttribute(KIND, alert.kind().code)
          .setAttribute(PARTITION, alert.partition())
          .setAttribute(WINDOW, window)
          .setAttribute(POLICY, policyHash);
      if (alert.keyId() != null) {
        log.setAttribute(KEY_ID, alert.keyId());
      }
      if (alert.principal() != null) {
        log.setAttribute(PRINCIPAL, alert.principal());
      }
      if (alert.model() != null) {
        log.setAttribute(MODEL, alert.model());
      }
      if (alert.observed() != null) {
        log.setAttribute(OBSERVED, alert.observed().doubleValue());
        log.setAttribute(THRESHOLD, alert.threshold().doubleValue());
      }
      log.emit();
    }
    WardenMetrics metrics = Telemetry.metrics();
    if (metrics != null) {
      metrics.alerted(alert.kind().code);
    }
  }

  /** The members an alert's audit record and log record share: kind, severity, partition, who, numbers, window. */
  private static void writeMembers(JsonGenerator json, Alert alert, String window) throws IOException {
    json.writeStringField("alert", alert.kind().code);
    json.writeStringField("severity", alert.kind().severity);
    json.writeStringField("partition", alert.partition());
    if (alert.keyId() != null) {
      json.writeStringField("keyId", alert.keyId());
    }
    if (alert.principal() != null) {
      json.writeStringField("principal", alert.principal());
    }
    if (alert.model() != null) {
      json.writeStringField("model", alert.model());
    }
    if (alert.observed() != null) {
      writeNumber(json, "observed", alert.observed());
      writeNumber(json, "threshold", alert.threshold());
    }
    json.writeStringField("window", window);
  }

  /** The log record's body: the members as a JSON object, for backends that show a log's body alone. */
  private static String body(Alert alert, String window) throws IOException {
    StringWriter text = new StringWriter(192);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      writeMembers(json, alert, window);
      json.writeEndObject();
    }
    return text.toString();
  }

  /** One line, with no principal: what crossed which threshold, in which key scope. */
  static String describe(Alert alert, String window) {
    boolean principal = alert.partition().equals("principal");
    String scope = alert.keyId() == null ? null : "key scope '" + alert.keyId() + "'";
    String where = principal ? (scope == null ? "a principal (no key scope)" : "a principal of " + scope)
        : scope == null ? "calls with no key scope" : scope;
    String what = switch (alert.kind()) {
      case TOKEN_SPIKE -> alert.observed() + " tokens in " + window + " (threshold " + alert.threshold() + ")";
      case NEW_MODEL -> "first use of model '" + alert.model() + "' more than " + window + " after its first call";
      case BLOCK_RATE -> alert.observed() + " of its calls refused in " + window + " (threshold " + alert.threshold() + ")";
      case INJECTION_BURST -> alert.observed() + " injection findings in " + window + " (threshold "
          + alert.threshold() + ")";
    };
    return "alert " + alert.kind().code + " (" + alert.kind().severity + "): " + where + ": " + what;
  }

  private static void writeNumber(JsonGenerator json, String name, Number value) throws IOException {
    if (value instanceof Double d) {
      json.writeNumberField(name, d);
    } else {
      json.writeNumberField(name, value.longValue());
    }
  }

  /** {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}: the largest whole unit, as the policy writes it. */
  static String window(Duration window) {
    long seconds = window.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
