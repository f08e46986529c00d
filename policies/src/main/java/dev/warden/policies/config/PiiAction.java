package dev.warden.policies.config;

/** What {@code pii.prompts} does with personal data found in a request. */
public enum PiiAction {
  /** Nothing is scanned. */
  OFF,
  /** Findings are recorded; the request goes out unchanged. */
  DETECT,
  /** Each finding is replaced by {@code <TYPE>}, e.g. {@code <EMAIL>}. */
  REDACT,
  /** A request with any finding is blocked (403, {@code pii_blocked}). */
  BLOCK
}
