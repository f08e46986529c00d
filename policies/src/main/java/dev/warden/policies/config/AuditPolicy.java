package dev.warden.policies.config;

import dev.warden.policies.secret.Secret;
import java.nio.file.Path;

/**
 * The validated {@code audit} section.
 *
 * @param file        where the JSON Lines records go ({@code sink: file:PATH}), or null
 * @param stdout      true for {@code sink: stdout}
 * @param otlp        true for {@code sink: otlp}: OpenTelemetry log records
 * @param key         the HMAC key of the hash chain ({@code key: env:NAME | file:/path}), or null
 *                    for a plain SHA-256 chain
 * @param rotateBytes a file sink starts a new file once the current one reaches this size
 * @param required    true when a call whose record cannot be written must not go out
 *                    ({@code warden_error}); false: the failure is reported and the call goes on
 */
public record AuditPolicy(Path file, boolean stdout, boolean otlp, Secret key, long rotateBytes, boolean required) {

  /** No audit trail. */
  public static final AuditPolicy OFF = new AuditPolicy(null, false, false, null, 0, false);

  /** Default size at which a file sink rotates: 10 MiB. */
  public static final long DEFAULT_ROTATE_BYTES = 10L << 20;

  public boolean off() {
    return file == null && !stdout && !otlp;
  }
}
