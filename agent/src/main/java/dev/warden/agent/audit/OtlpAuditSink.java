package dev.warden.agent.audit;

import dev.warden.agent.telemetry.Telemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import java.io.IOException;

/**
 * {@code sink: otlp}: each record is an OpenTelemetry log record whose body is the record's JSON
 * line, exported with Warden's logs (so the backend that holds the traces holds the trail too).
 * Without a configured OTLP logs export a record cannot be written, and the trail reports it.
 */
final class OtlpAuditSink implements AuditSink {

  static final AttributeKey<String> EVENT_NAME = AttributeKey.stringKey("event.name");

  @Override
  public void write(String line) throws IOException {
    Logger logger = Telemetry.logger();
    if (logger == null) {
      throw new IOException("no OpenTelemetry logs export is configured (OTEL_EXPORTER_OTLP_ENDPOINT)");
    }
    logger.logRecordBuilder().setSeverity(Severity.INFO).setBody(line)
        .setAttribute(EVENT_NAME, "warden.audit").emit();
  }

  @Override
  public String describe() {
    return "otlp";
  }
}
