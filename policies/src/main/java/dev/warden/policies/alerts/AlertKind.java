package dev.warden.policies.alerts;

/** What an {@link Alert} is about, with the code its records carry and its severity. */
public enum AlertKind {
  TOKEN_SPIKE("token_spike", "WARN"),
  NEW_MODEL("new_model", "WARN"),
  BLOCK_RATE("block_rate", "WARN"),
  /** An error: injections from one caller in a burst are an attack more often than noise. */
  INJECTION_BURST("injection_burst", "ERROR");

  static final AlertKind[] ALL = values();

  /** The code in audit records, logs and metrics, e.g. {@code token_spike}. */
  public final String code;
  /** {@code WARN} or {@code ERROR}, as OpenTelemetry names the severities. */
  public final String severity;

  AlertKind(String code, String severity) {
    this.code = code;
    this.severity = severity;
  }
}
