package dev.warden.policies.injection.signals;

import java.util.Locale;

/** Where a scanned text comes from, as far as structural signals care. */
public enum Role {
  /** Direct input: a user (or system, developer, assistant) message. */
  USER,
  /**
   * Content that reaches the model as a tool result or retrieved document, where injections are
   * indirect: text addressed to the assistant, or fake turns, are out of place there.
   */
  TOOL;

  /** The role for a provider's message role name: {@code tool}, {@code function}, {@code tool_result} and {@code ipython} are {@link #TOOL}, anything else {@link #USER}. */
  public static Role of(String providerRole) {
    if (providerRole == null) {
      return USER;
    }
    return switch (providerRole.toLowerCase(Locale.ROOT)) {
      case "tool", "function", "tool_result", "ipython" -> TOOL;
      default -> USER;
    };
  }
}
