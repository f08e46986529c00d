package dev.warden.policies.config;

import java.util.List;
import java.util.Objects;

/**
 * The validated {@code pii} section.
 *
 * @param prompts  what happens to personal data in requests; {@link PiiAction#OFF} when absent
 * @param entities entity types to look for (only {@code EMAIL} in this version); never empty
 */
public record PiiPolicy(PiiAction prompts, List<String> entities) {

  /** {@code pii} absent: nothing is scanned. */
  public static final PiiPolicy OFF = new PiiPolicy(PiiAction.OFF, List.of("EMAIL"));

  public PiiPolicy {
    Objects.requireNonNull(prompts, "prompts");
    entities = List.copyOf(entities);
  }
}
