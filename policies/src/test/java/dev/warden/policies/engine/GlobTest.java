package dev.warden.policies.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
      "gpt-4o-mini, gpt-4o-mini, true",
      "gpt-4o-mini, gpt-4o-mini-2024, false",
      "gpt-4o-mini, gpt-4o-min, false",
      "gpt-4o-mini, GPT-4o-mini, false",
      "gpt-4.1*, gpt-4.1, true",
      "gpt-4.1*, gpt-4.1-mini, true",
      "gpt-4.1*, gpt-4.2, false",
      "gpt-4.1*, gpt-4X1, false",
      "*, '', true",
      "*, anything, true",
      "**, x, true",
      "*-mini, gpt-4o-mini, true",
      "*-mini, gpt-4o-mini-x, false",
      "claude-*-sonnet-*, claude-3-5-sonnet-20241022, true",
      "claude-*-sonnet-*, claude-3-5-sonnet-, true",
      "claude-*-sonnet-*, claude-3-5-haiku-1, false",
      "a*b*c, abc, true",
      "a*b*c, aXbYc, true",
      "a*b*c, acb, false",
      "a*b*c, abcbc, true",
      "a*ab, aab, true",
      "a*ab, ab, false",
      "ab*ba, aba, false",
      "ab*ba, abba, true",
      "?, a, true",
      "?, '', false",
      "?, ab, false",
      "gpt-?o, gpt-4o, true",
      "gpt-?o, gpt-44o, false",
      "*?, '', false",
      "*?, x, true",
      "a?*?b, aXYb, true",
      "a?*?b, aXb, false",
      "*x*x*, xx, true",
      "*x*x*, x, false",
  })
  void matches(String pattern, String text, boolean expected) {
    assertThat(Glob.compile(pattern).matches(text)).isEqualTo(expected);
  }

  @Test
  void nullNeverMatches() {
    assertThat(Glob.compile("*").matches(null)).isFalse();
  }

  @Test
  void adversarialInputStaysFast() {
    Glob glob = Glob.compile("*a*a*a*a*a*a*a*a*b");
    String text = "a".repeat(200_000);
    assertThat(glob.matches(text)).isFalse();
    assertThat(glob.matches(text + "b")).isTrue();
  }

  @Test
  void patternIsKept() {
    assertThat(Glob.compile("gpt-4.1*").pattern()).isEqualTo("gpt-4.1*");
    assertThat(Glob.compile("gpt-4.1*")).hasToString("gpt-4.1*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "gpt 4", "gpt-4\t", "gpt\u00a04", "gpt-[45]", "gpt-{4,5}", "a]"})
  void malformedPatternsAreRejected(String pattern) {
    assertThatThrownBy(() -> Glob.compile(pattern)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectionMessagesCompleteASentence() {
    assertThatThrownBy(() -> Glob.compile("")).hasMessage("must not be empty");
    assertThatThrownBy(() -> Glob.compile("a b")).hasMessage("must not contain whitespace or control characters");
    assertThatThrownBy(() -> Glob.compile("[ab]")).hasMessage("may use only '*' and '?' as wildcards");
    assertThatThrownBy(() -> Glob.compile("x".repeat(257))).hasMessage("must not be longer than 256 characters");
  }
}
