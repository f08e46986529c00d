package dev.warden.policies.config;

import java.util.List;
import java.util.Set;

/**
 * Validates the {@code telemetry} section: {@code content: none | redacted}, whether spans carry
 * the prompt and the completion (after redaction) as events. Exporters are configured the
 * OpenTelemetry way ({@code OTEL_*}), not here.
 */
final class TelemetryReader {

  private static final Set<String> KEYS = Set.of("content");
  private static final List<String> CONTENT = List.of("none", "redacted");

  private TelemetryReader() {}

  /** @return true for {@code content: redacted} */
  static boolean readRedactedContent(YamlNode node, ErrorList errors) {
    YamlMap map = Fields.map(node, "telemetry", errors);
    if (map == null) {
      return false;
    }
    Fields.checkKeys(map, "telemetry", KEYS, Set.of(), errors);
    YamlNode content = map.get("content");
    return content != null && "redacted".equals(Fields.oneOf(content, "telemetry.content", CONTENT, Set.of(), errors));
  }
}
