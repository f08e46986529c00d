package dev.warden.policies.config;

import java.util.List;

/**
 * The validated {@code keys} section.
 *
 * @param defaultAllow true for {@code default: allow}: a key matching no scope may still call
 * @param scopes       scopes with unique ids and unique fingerprints, in file order
 */
public record KeyPolicy(boolean defaultAllow, List<KeyScope> scopes) {

  public KeyPolicy {
    scopes = List.copyOf(scopes);
  }
}
