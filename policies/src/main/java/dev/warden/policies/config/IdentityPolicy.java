package dev.warden.policies.config;

import dev.warden.policies.identity.IdentitySource;
import dev.warden.policies.identity.RoleMap;
import java.util.List;
import java.util.Objects;

/**
 * The validated {@code identity} section.
 *
 * @param sources where the caller's principal is read, in order; empty when nothing identifies callers
 * @param roles   principals and authorities to roles
 */
public record IdentityPolicy(List<IdentitySource> sources, RoleMap roles) {

  public static final IdentityPolicy NONE = new IdentityPolicy(List.of(), RoleMap.empty());

  public IdentityPolicy {
    sources = List.copyOf(sources);
    Objects.requireNonNull(roles, "roles");
  }
}
