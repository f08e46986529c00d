package dev.warden.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyErrorTest {

  @Test
  void toStringIsFileLineColumnMessage() {
    assertThat(new PolicyError("/etc/warden/policy.yaml", 12, 3, "unknown key 'foo' in keys"))
        .hasToString("/etc/warden/policy.yaml:12:3: unknown key 'foo' in keys");
  }

  @Test
  void exceptionKeepsAllErrorsAndJoinsThemByLine() {
    List<PolicyError> list = new ArrayList<>(List.of(new PolicyError("a", 1, 1, "one"), new PolicyError("a", 2, 5, "two")));
    PolicyException e = new PolicyException(list);
    list.clear();

    assertThat(e.errors()).extracting(PolicyError::message).containsExactly("one", "two");
    assertThat(e.getMessage()).isEqualTo("a:1:1: one\na:2:5: two");
    assertThat(e.getStackTrace()).isEmpty();
  }

  @Test
  void exceptionNeedsAnError() {
    assertThatThrownBy(() -> new PolicyException(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void errorListStopsAfterTheCapWithANote() {
    ErrorList errors = new ErrorList("f");
    for (int i = 1; i <= ErrorList.MAX_ERRORS + 10; i++) {
      errors.add(i, 1, "e" + i);
    }
    PolicyException e = org.assertj.core.api.Assertions.catchThrowableOfType(PolicyException.class, errors::throwIfAny);
    assertThat(e.errors()).hasSize(ErrorList.MAX_ERRORS + 1);
    assertThat(e.errors().get(ErrorList.MAX_ERRORS)).hasToString("f:101:1: too many errors; only the first 100 are shown");
  }

  @Test
  void textsQuoteIsBoundedAndOnOneLine() {
    assertThat(Texts.quote("a\nb\tc")).isEqualTo("'a b c'");
    assertThat(Texts.quote("x".repeat(100))).isEqualTo("'" + "x".repeat(Texts.MAX_QUOTED) + "…'");
    assertThat(Texts.quote("x".repeat(Texts.MAX_QUOTED))).isEqualTo("'" + "x".repeat(Texts.MAX_QUOTED) + "'");
  }
}
