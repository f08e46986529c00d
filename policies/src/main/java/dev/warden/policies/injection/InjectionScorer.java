package dev.warden.policies.injection;

/**
 * Scores how much a text looks like instructions planted for the model (a prompt injection or a
 * jailbreak). Implementations are thread-safe, never keep or log what they score, and take time
 * linear in the text.
 */
public interface InjectionScorer {

  /**
   * @param text     one text part of a request
   * @param indirect true for content that reaches the model as a tool result or a retrieved
   *                 document (role {@code tool}), false for direct input
   */
  InjectionScore score(String text, boolean indirect);
}
