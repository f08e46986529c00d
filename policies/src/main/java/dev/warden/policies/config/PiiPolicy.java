package dev.warden.policies.config;

import dev.warden.policies.pii.BuiltInRecognizers;
import java.util.List;
import java.util.Objects;

/**
 * The validated {@code pii} section, or a key scope's version of it (the scope's keys replace the
 * section's, key by key).
 *
 * @param prompts     what happens to personal data in requests
 * @param completions what happens to personal data the model produced
 * @param entities    built-in entity types to look for; never empty
 * @param custom      entity types the policy defines
 * @param allow       literals that are never personal data
 */
public record PiiPolicy(PiiAction prompts, CompletionAction completions, List<String> entities,
    List<CustomEntity> custom, List<String> allow) {

  /** {@code pii} absent: nothing is scanned. */
  public static final PiiPolicy OFF =
      new PiiPolicy(PiiAction.OFF, CompletionAction.OFF, BuiltInRecognizers.TYPES, List.of(), List.of());

  public PiiPolicy {
    Objects.requireNonNull(prompts, "prompts");
    Objects.requireNonNull(completions, "completions");
    entities = List.copyOf(entities);
    custom = List.copyOf(custom);
    allow = List.copyOf(allow);
  }

  /** True when neither prompts nor completions are looked at. */
  public boolean off() {
    return prompts == PiiAction.OFF && completions == CompletionAction.OFF;
  }
}
