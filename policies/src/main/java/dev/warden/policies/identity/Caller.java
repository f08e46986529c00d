package dev.warden.policies.identity;

import java.util.List;

/**
 * Who is making an LLM call, as the application's context tells it: the neutral result of reading
 * the policy's identity sources, which the role mapping ({@link RoleMap#rolesOf(Caller)}), the
 * span and the audit record use. Immutable and thread-safe.
 *
 * @param principal   the caller's name, not blank; null when no source yielded one
 * @param authorities Spring Security authorities of the authenticated user (e.g. {@code ROLE_ADMIN}),
 *                    in the order Spring gave them; never null, empty when there are none. A null
 *                    argument is taken as empty; the list is copied
 */
public record Caller(String principal, List<String> authorities) {

  /** No principal, no authorities: nobody could be identified. */
  public static final Caller UNKNOWN = new Caller(null, List.of());

  /**
   * @throws IllegalArgumentException when the principal is blank (use null for none)
   * @throws NullPointerException     when an authority is null
   */
  public Caller {
    if (principal != null && principal.isBlank()) {
      throw new IllegalArgumentException("a principal must not be blank; use null for none");
    }
    authorities = authorities == null ? List.of() : List.copyOf(authorities);
  }
}
