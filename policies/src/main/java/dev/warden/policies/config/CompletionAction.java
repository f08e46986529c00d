package dev.warden.policies.config;

/** What {@code pii.completions} does with personal data the model produced. */
public enum CompletionAction {
  /** Completions pass unchanged (pseudonyms of the call are still restored). */
  OFF,
  /** Findings are counted and recorded; the text passes unchanged (pseudonyms still restored). */
  DETECT,
  /** Each finding is replaced by {@code [TYPE]}; restored pseudonyms of the call are kept. */
  REDACT
}
