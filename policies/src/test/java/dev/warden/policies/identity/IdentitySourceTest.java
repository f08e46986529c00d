package dev.warden.policies.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policies.identity.IdentitySource.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentitySourceTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "otel-baggage:enduser.id        | OTEL_BAGGAGE    | enduser.id",
      "mdc:user                       | MDC             | user",
      "system-property:warden.principal | SYSTEM_PROPERTY | warden.principal",
      "env:APP_USER                   | ENV             | APP_USER",
      "thread-name:worker-(\\w+)      | THREAD_NAME     | worker-(\\w+)",
      "mdc:a:b                        | MDC             | a:b",
  })
  void everyKindWithItsArgument(String spec, Kind kind, String argument) {
    IdentitySource source = IdentitySource.parse(spec);
    assertThat(source.kind()).isEqualTo(kind);
    assertThat(source.argument()).isEqualTo(argument);
    assertThat(source).hasToString(spec).isEqualTo(IdentitySource.parse(spec));
  }

  @Test
  void springSecurityTakesNoArgument() {
    IdentitySource source = IdentitySource.parse("spring-security");
    assertThat(source.kind()).isEqualTo(Kind.SPRING_SECURITY);
    assertThat(source.argument()).isNull();
    assertThat(source).hasToString("spring-security");
    assertThatThrownBy(() -> IdentitySource.parse("spring-security:x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spring-security takes no argument; write it alone");
    assertThatThrownBy(() -> IdentitySource.parse("spring-security:"))
        .hasMessage("spring-security takes no argument; write it alone");
  }

  @Test
  void emptySpecs() {
    assertThatThrownBy(() -> IdentitySource.parse(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("an identity source must not be empty");
    assertThatThrownBy(() -> IdentitySource.parse("  ")).hasMessage("an identity source must not be empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ldap:uid", "MDC:user", " mdc:user", "spring", "thread_name:x"})
  void unknownKindsNameOnlyTheKind(String spec) {
    String kind = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
    assertThatThrownBy(() -> IdentitySource.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown identity source '" + kind + "'; use one of: otel-baggage:KEY, mdc:KEY,")
        .hasMessageNotContaining("uid");
  }

  @Test
  void anUnknownKindIsQuotedShortAndOnOneLine() {
    assertThatThrownBy(() -> IdentitySource.parse("x".repeat(100) + "\n"))
        .hasMessageStartingWith("unknown identity source '" + "x".repeat(40) + "…'")
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "otel-baggage    | otel-baggage needs a baggage key after the colon, e.g. otel-baggage:enduser.id",
      "mdc:            | mdc needs a key after the colon, e.g. mdc:user",
      "'mdc:   '       | mdc needs a key after the colon, e.g. mdc:user",
      "system-property | system-property needs a property name after the colon, e.g. system-property:warden.principal",
      "env:            | env needs a variable name after the colon, e.g. env:APP_USER",
      "thread-name     | thread-name needs a regex after the colon, e.g. thread-name:worker-(\\w+)",
  })
  void missingArguments(String spec, String message) {
    assertThatThrownBy(() -> IdentitySource.parse(spec))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void argumentsOtherThanRegexesMayNotCarryOuterWhitespace() {
    assertThatThrownBy(() -> IdentitySource.parse("mdc: user"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mdc: a key must not start or end with whitespace");
    assertThatThrownBy(() -> IdentitySource.parse("env:APP_USER "))
        .hasMessage("env: a variable name must not start or end with whitespace");
    assertThat(IdentitySource.parse("thread-name: (\\w+)").argument()).isEqualTo(" (\\w+)");
  }

  @Test
  void invalidRegexesAreRejectedWithoutQuotingThem() {
    assertThatThrownBy(() -> IdentitySource.parse("thread-name:worker-(secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thread-name: invalid regex: missing closing )");
    assertThatThrownBy(() -> IdentitySource.parse("thread-name:(?<=x)y"))
        .hasMessageStartingWith("thread-name: invalid regex: ")
        .hasMessageNotContaining("x)y");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread-name:.*", "thread-name:(\\w*)", "thread-name:x?", "thread-name:^"})
  void regexesMatchingTheEmptyTextAreRejected(String spec) {
    assertThatThrownBy(() -> IdentitySource.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thread-name: the regex matches the empty text; it must match at least one char");
  }

  @Test
  void threadNameTakesTheFirstGroupOrTheWholeMatch() {
    IdentitySource grouped = IdentitySource.parse("thread-name:worker-(\\w+)-(\\d+)");
    assertThat(grouped.principalFromThreadName("pool worker-alice-7")).isEqualTo("alice");
    assertThat(grouped.principalFromThreadName("worker-bob-1 worker-carol-2")).isEqualTo("bob");
    assertThat(grouped.principalFromThreadName("main")).isNull();
    assertThat(grouped.principalFromThreadName(null)).isNull();

    IdentitySource whole = IdentitySource.parse("thread-name:user-\\d+");
    assertThat(whole.principalFromThreadName("http-nio-8080-exec-3 user-42")).isEqualTo("user-42");
    assertThat(whole.principalFromThreadName("user-")).isNull();
  }

  @Test
  void aGroupThatDidNotTakePartGivesNull() {
    IdentitySource optional = IdentitySource.parse("thread-name:job(?:-(\\w+))?");
    assertThat(optional.principalFromThreadName("job-dave")).isEqualTo("dave");
    assertThat(optional.principalFromThreadName("job")).isNull();
  }

  @Test
  void aGroupMayMatchNothingAndCallersSkipTheBlankResult() {
    IdentitySource source = IdentitySource.parse("thread-name:u=(\\w*)");
    assertThat(source.principalFromThreadName("u=")).isEmpty();
  }

  @Test
  void onlyThreadNameSourcesCutThreadNames() {
    assertThatThrownBy(() -> IdentitySource.parse("mdc:user").principalFromThreadName("main"))
        .isInstanceOf(IllegalStateException.class);
  }
}
