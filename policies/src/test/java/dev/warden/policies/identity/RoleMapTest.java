package dev.warden.policies.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleMapTest {

  private static final RoleMap ROLES = RoleMap.of(Map.of(
      "alice", List.of("support"),
      "bob", List.of("support", "billing"),
      "ROLE_ADMIN", List.of("admin"),
      "ROLE_OPS", List.of("ops", "admin"),
      "*", List.of("default")));

  @Test
  void everyoneGetsTheRolesOfStarEvenWithoutAPrincipal() {
    assertThat(ROLES.rolesOf(null, null)).containsExactly("default");
    assertThat(ROLES.rolesOf(null, List.of())).containsExactly("default");
    assertThat(ROLES.rolesOf("nobody-we-know", List.of("ROLE_UNKNOWN"))).containsExactly("default");
    assertThat(ROLES.rolesOf(Caller.UNKNOWN)).containsExactly("default");
  }

  @Test
  void principalAndAuthoritiesAreUnited() {
    assertThat(ROLES.rolesOf("alice", null)).containsExactly("default", "support");
    assertThat(ROLES.rolesOf("alice", List.of("ROLE_ADMIN"))).containsExactly("admin", "default", "support");
    assertThat(ROLES.rolesOf("bob", List.of("ROLE_ADMIN", "ROLE_OPS", "ROLE_USER")))
        .containsExactly("admin", "billing", "default", "ops", "support");
    assertThat(ROLES.rolesOf(null, List.of("ROLE_OPS"))).containsExactly("admin", "default", "ops");
    assertThat(ROLES.rolesOf(new Caller("alice", List.of("ROLE_OPS")))).containsExactly("admin", "default", "ops", "support");
  }

  @Test
  void nullAuthoritiesAreIgnored() {
    assertThat(ROLES.rolesOf("alice", Arrays.asList(null, "ROLE_ADMIN"))).containsExactly("admin", "default", "support");
  }

  @Test
  void commonAnswersAreSharedNotAllocated() {
    assertThat(ROLES.rolesOf(null, null)).isSameAs(ROLES.rolesOf("stranger", List.of("ROLE_USER")));
    assertThat(ROLES.rolesOf("alice", null)).isSameAs(ROLES.rolesOf("alice", List.of("ROLE_USER")));
    // ROLE_OPS's roles already hold ROLE_ADMIN's
    assertThat(ROLES.rolesOf(null, List.of("ROLE_OPS"))).isSameAs(ROLES.rolesOf(null, List.of("ROLE_ADMIN", "ROLE_OPS")));
  }

  @Test
  void resultsAreUnmodifiable() {
    Set<String> roles = ROLES.rolesOf("bob", List.of("ROLE_ADMIN"));
    assertThatThrownBy(() -> roles.add("root")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ROLES.rolesOf(null, null).add("root")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withoutStarAnUnknownCallerHasNoRole() {
    RoleMap roles = RoleMap.of(Map.of("alice", List.of("support")));
    assertThat(roles.rolesOf(null, null)).isEmpty();
    assertThat(roles.rolesOf("alice", null)).containsExactly("support");
    assertThat(RoleMap.empty().rolesOf("alice", List.of("ROLE_ADMIN"))).isEmpty();
    assertThat(RoleMap.of(null).rolesOf("alice", null)).isEmpty();
  }

  @Test
  void emptyListsAndDuplicatesAreFine() {
    RoleMap roles = RoleMap.of(Map.of("alice", List.of(), "bob", List.of("x", "x"), "*", List.of()));
    assertThat(roles.rolesOf("alice", null)).isEmpty();
    assertThat(roles.rolesOf("bob", null)).containsExactly("x");
  }

  @Test
  void theMapIsCopied() {
    List<String> aliceRoles = new ArrayList<>(List.of("support"));
    Map<String, List<String>> source = new HashMap<>(Map.of("alice", aliceRoles));
    RoleMap roles = RoleMap.of(source);
    aliceRoles.add("admin");
    source.put("bob", List.of("admin"));
    assertThat(roles.rolesOf("alice", List.of("bob"))).containsExactly("support");
  }

  @Test
  void invalidMapsAreRejectedWithOneLineMessages() {
    Map<String, List<String>> nullKey = new HashMap<>();
    nullKey.put(null, List.of("x"));
    assertThatThrownBy(() -> RoleMap.of(nullKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a principal or authority in identity.roles must not be blank");
    assertThatThrownBy(() -> RoleMap.of(Map.of(" ", List.of("x"))))
        .hasMessage("a principal or authority in identity.roles must not be blank");
    Map<String, List<String>> nullList = new HashMap<>();
    nullList.put("alice", null);
    assertThatThrownBy(() -> RoleMap.of(nullList)).hasMessage("'alice' needs a list of roles");
    Map<String, List<String>> nullStar = new HashMap<>();
    nullStar.put("*", null);
    assertThatThrownBy(() -> RoleMap.of(nullStar)).hasMessage("'*' needs a list of roles");
    assertThatThrownBy(() -> RoleMap.of(Map.of("alice", List.of("ok", ""))))
        .hasMessage("a role of 'alice' is blank");
    assertThatThrownBy(() -> RoleMap.of(Map.of("alice", Arrays.asList("ok", null))))
        .hasMessage("a role of 'alice' is blank");
  }
}
