package dev.warden.policies.config;

import dev.warden.policies.identity.IdentitySource;
import dev.warden.policies.identity.RoleMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The validated {@code identity} section.
 *
 * @param sources where the caller's principal is read, in order; empty when nothing identifies callers
 * @param roles   principals and authorities to roles
 * @param blocked principals every call of whom is refused ({@code identity.blocked}), an incident switch
 */
public record IdentityPolicy(List<IdentitySource> sources, RoleMap roles, Set<String> blocked) {

  public static final IdentityPolicy NONE = new IdentityPolicy(List.of(), RoleMap.empty(), Set.of());

  public IdentityPolicy {
    sources = List.copyOf(sources);
    Objects.requireNonNull(roles, "roles");
    blocked = Set.copyOf(blocked);
  }
}
