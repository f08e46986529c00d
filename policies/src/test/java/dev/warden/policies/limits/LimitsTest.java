package dev.warden.policies.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void noneOnlyWithoutAnyLimit() {
    assertThat(new Limits(null, null, null, true).none()).isTrue();
    assertThat(new Limits(1L, null, null, false).none()).isFalse();
    assertThat(new Limits(null, 1L, null, false).none()).isFalse();
    assertThat(new Limits(null, null, 1L, false).none()).isFalse();
  }

  @Test
  void aLimitMustBePositive() {
    assertThatThrownBy(() -> new Limits(0L, null, null, false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestsPerMinute must be greater than 0, was 0");
    assertThatThrownBy(() -> new Limits(null, -5L, null, false)).hasMessageStartingWith("tokensPerMinute");
    assertThatThrownBy(() -> new Limits(null, null, 0L, false)).hasMessageStartingWith("tokensPerDay");
  }

  @Test
  void aRefusalWaitsAtLeastOneSecond() {
    assertThatThrownBy(() -> new Admission.Refused("rate_limited", 0, "requestsPerMinute"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKeyIsTheScopeOrTheScopeAndPrincipal() {
    assertThat(LimitStore.key("team-a", null)).isEqualTo("team-a");
    assertThat(LimitStore.key("team-a", "alice")).isEqualTo("team-a#alice");
    assertThat(LimitStore.key("team-a", "")).isNotEqualTo(LimitStore.key("team-a", null));
    assertThat(LimitStore.key("a", "b#c")).isNotEqualTo(LimitStore.key("a:b", "c"));
    assertThatThrownBy(() -> LimitStore.key("a#b", "c")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LimitStore.key(null, "c")).isInstanceOf(NullPointerException.class);
  }
}
