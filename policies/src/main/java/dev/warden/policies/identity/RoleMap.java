package dev.warden.policies.identity;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The policy's {@code identity.roles}: principals and Spring authorities, in one namespace, mapped
 * to roles; the entry {@value #EVERYONE} gives roles to every caller, identified or not.
 *
 * <p>The sets are computed when the map is built, each already holding the roles of
 * {@value #EVERYONE}, so a lookup that involves at most one mapped name allocates nothing.
 * Immutable and thread-safe.
 */
public final class RoleMap {

  /** The name whose roles every caller has, including one without a principal. */
  public static final String EVERYONE = "*";

  private static final RoleMap EMPTY = new RoleMap(Map.of(), Collections.emptySortedSet());

  /** Each mapped name's roles, united with {@link #everyone}. */
  private final Map<String, SortedSet<String>> byName;
  private final SortedSet<String> everyone;

  private RoleMap(Map<String, SortedSet<String>> byName, SortedSet<String> everyone) {
    this.byName = byName;
    this.everyone = everyone;
  }

  /** A map that gives nobody any role. */
  public static RoleMap empty() {
    return EMPTY;
  }

  /**
   * Builds the mapping. The argument is copied; later changes to it do not affect the map.
   *
   * @param roles principal or authority (or {@value #EVERYONE}) to its roles; an empty list gives no
   *     role, duplicates are ignored
   * @throws IllegalArgumentException with a one-line message when a name or role is null or blank, or
   *     a name's role list is null
   */
  public static RoleMap of(Map<String, List<String>> roles) {
    if (roles == null || roles.isEmpty()) {
      return EMPTY;
    }
    SortedSet<String> everyone = roles.containsKey(EVERYONE)
        ? roleSet(EVERYONE, roles.get(EVERYONE), Collections.emptySortedSet())
        : Collections.emptySortedSet();
    Map<String, SortedSet<String>> byName = new HashMap<>();
    for (Map.Entry<String, List<String>> entry : roles.entrySet()) {
      String name = entry.getKey();
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a principal or authority in identity.roles must not be blank");
      }
      if (!name.equals(EVERYONE)) {
        byName.put(name, roleSet(name, entry.getValue(), everyone));
      }
    }
    return new RoleMap(Map.copyOf(byName), everyone);
  }

  private static SortedSet<String> roleSet(String name, List<String> roles, SortedSet<String> base) {
    if (roles == null) {
      throw new IllegalArgumentException("'" + name + "' needs a list of roles");
    }
    TreeSet<String> set = new TreeSet<>(base);
    for (String role : roles) {
      if (role == null || role.isBlank()) {
        throw new IllegalArgumentException("a role of '" + name + "' is blank");
      }
      set.add(role);
    }
    return set.equals(base) ? base : Collections.unmodifiableSortedSet(set);
  }

  /** The roles of {@code caller}: see {@link #rolesOf(String, Collection)}. */
  public Set<String> rolesOf(Caller caller) {
    return rolesOf(caller.principal(), caller.authorities());
  }

  /**
   * The union of the roles of {@value #EVERYONE}, of the principal and of each authority; names the
   * map does not know add nothing.
   *
   * @param principal   null when the caller is unknown
   * @param authorities null or empty when there are none; null elements are ignored
   * @return an unmodifiable set in alphabetical order, never null; often a set shared between calls
   */
  public Set<String> rolesOf(String principal, Collection<String> authorities) {
    SortedSet<String> roles = with(everyone, principal);
    if (authorities == null || authorities.isEmpty()) {
      return roles;
    }
    for (String authority : authorities) {
      roles = with(roles, authority);
    }
    return roles;
  }

  /** {@code roles} united with the roles of {@code name}, allocating only when both add something. */
  private SortedSet<String> with(SortedSet<String> roles, String name) {
    SortedSet<String> more = name == null ? null : byName.get(name);
    if (more == null || more == roles || roles.containsAll(more)) {
      return roles;
    }
    if (more.containsAll(roles)) {
      return more;
    }
    TreeSet<String> union = new TreeSet<>(roles);
    union.addAll(more);
    return Collections.unmodifiableSortedSet(union);
  }

  @Override
  public String toString() {
    return "RoleMap[" + byName.size() + " names, everyone=" + everyone + "]";
  }
}
