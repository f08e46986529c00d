package dev.warden.policies.config;

import dev.warden.policies.secret.Secret;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates the {@code audit} section: {@code sink} ({@code file:/absolute/path}, {@code stdout} or
 * {@code otlp}), {@code key}, {@code rotateBytes} (a whole number of
 * bytes or {@code 512KB}, {@code 10MB}, {@code 1GB}) and {@code required}.
 */
final class AuditReader {

  private static final Set<String> KEYS = Set.of("sink", "key", "rotateBytes", "required");
  /** Smaller files would rotate every few records. */
  static final long MIN_ROTATE_BYTES = 64 * 1024;

  private AuditReader() {}

  static AuditPolicy read(YamlNode node, Function<String, String> environment, ErrorList errors) {
    YamlMap map = Fields.map(node, "audit", errors);
    if (map == null) {
      return AuditPolicy.OFF;
    }
    Fields.checkKeys(map, "audit", KEYS, Set.of(), errors);
    YamlNode sinkNode = map.get("sink");
    if (sinkNode == null) {
      errors.add(map, "'audit.sink' is required: file:/path/to/audit.jsonl, stdout or otlp");
      return AuditPolicy.OFF;
    }
    String sink = Fields.string(sinkNode, "audit.sink", errors);
    Path file = null;
    boolean stdout = false;
    boolean otlp = false;
    if (sink != null) {
      if (sink.equals("stdout")) {
        stdout = true;
      } else if (sink.equals("otlp")) {
        otlp = true;
      } else if (sink.startsWith("file:") && sink.length() > 5 && Path.of(sink.substring(5)).isAbsolute()) {
        file = Path.of(sink.substring(5));
      } else {
        errors.add(sinkNode, "'audit.sink' must be file:/absolute/path, stdout or otlp");
      }
    }
    Secret key = null;
    YamlNode keyNode = map.get("key");
    if (keyNode != null) {
      String spec = Fields.string(keyNode, "audit.key", errors);
      try {
        key = spec == null ? null : Secret.parse(spec, environment);
      } catch (IllegalArgumentException e) {
        errors.add(keyNode, "'audit.key': " + e.getMessage());
      }
    }
    long rotateBytes = map.get("rotateBytes") == null ? AuditPolicy.DEFAULT_ROTATE_BYTES
        : readSize(map.get("rotateBytes"), errors);
    Boolean required = map.get("required") == null ? Boolean.FALSE : Fields.bool(map.get("required"), "audit.required", errors);
    return new AuditPolicy(file, stdout, otlp, key, rotateBytes, Boolean.TRUE.equals(required));
  }

  private static long readSize(YamlNode node, ErrorList errors) {
    long bytes = Quantities.size(node);
    if (bytes < MIN_ROTATE_BYTES) {
      errors.add(node, "'audit.rotateBytes' must be at least 64KB, as bytes or with KB, MB or GB (e.g. 10MB)");
      return AuditPolicy.DEFAULT_ROTATE_BYTES;
    }
    return bytes;
  }
}
