package dev.warden.policies.config;

/** What {@code pii.prompts} does with personal data found in a request. */
public enum PiiAction {
  /** Nothing is scanned. */
  OFF,
  /** Findings are recorded; the request goes out unchanged. */
  DETECT,
  /** Each finding is replaced by {@code [TYPE]}, e.g. {@code [EMAIL]}. */
  REDACT,
  /**
   * Each finding is replaced by a stable placeholder such as {@code <EMAIL_7f3a>}; the response's
   * completion text gets the real values back before the application sees it.
   */
  PSEUDONYMIZE,
  /** A request with any finding is blocked (403, {@code pii_blocked}). */
  BLOCK
}
