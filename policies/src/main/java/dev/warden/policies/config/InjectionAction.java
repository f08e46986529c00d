package dev.warden.policies.config;

/** What {@code injection.action} does with a text scored at or above its threshold. */
public enum InjectionAction {
  /** Nothing is scored. */
  OFF,
  /** The score and reasons are recorded; the call goes on. */
  DETECT,
  /** The call is answered 403 {@code injection_detected}, with no network call. */
  BLOCK
}
