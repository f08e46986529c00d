package dev.warden.policies.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void authoritiesAreNeverNullAndAreCopied() {
    assertThat(new Caller("alice", null).authorities()).isEmpty();
    List<String> authorities = new ArrayList<>(List.of("ROLE_ADMIN"));
    Caller caller = new Caller(null, authorities);
    authorities.add("ROLE_OPS");
    assertThat(caller.authorities()).containsExactly("ROLE_ADMIN");
    assertThatThrownBy(() -> caller.authorities().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aBlankPrincipalIsNoPrincipal() {
    assertThatThrownBy(() -> new Caller(" ", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(Caller.UNKNOWN.principal()).isNull();
  }
}
