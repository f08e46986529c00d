package dev.warden.policies.config;

import java.util.Objects;
import java.util.Set;

/**
 * The validated {@code injection} section, or a key scope's version of it (the scope's keys
 * replace the section's, key by key).
 *
 * @param action        what a text at or above its threshold does to the call
 * @param threshold     score in [0,1] at or above which direct input (any scanned role but
 *                      {@code tool}) is an injection
 * @param toolThreshold the same for tool results and retrieved documents (role {@code tool}),
 *                      where injections are indirect
 * @param roles         the message roles whose text is scanned
 * @param canary        whether a random canary is planted in each request's system prompt, and a
 *                      completion that repeats it, or a long verbatim passage of the system
 *                      prompt, is withheld ({@code canary_leaked}); only while the action is not
 *                      off
 */
public record InjectionPolicy(InjectionAction action, double threshold, double toolThreshold, Set<String> roles,
    boolean canary) {

  public static final double DEFAULT_THRESHOLD = 0.7;

  /** {@code injection} absent: nothing is scored. */
  public static final InjectionPolicy OFF =
      new InjectionPolicy(InjectionAction.OFF, DEFAULT_THRESHOLD, DEFAULT_THRESHOLD, Set.of("user", "tool"), false);

  public InjectionPolicy {
    Objects.requireNonNull(action, "action");
    roles = Set.copyOf(roles);
  }

  public boolean off() {
    return action == InjectionAction.OFF;
  }

  /** True when canaries are planted: {@code canary: true} and an action other than off. */
  public boolean plantsCanary() {
    return canary && !off();
  }
}
