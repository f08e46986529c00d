package dev.warden.policies.regex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepeatBudgetTest {

  @ParameterizedTest
  @ValueSource(strings = {"E-\\d{6}", "(\\d{4}[ -]?){4}", "[a-z]{64}@[a-z]{64}\\.[a-z]{10}", "(?:[a-z]{1,64}\\.){1,10}",
      "\\p{L}{1000}", "[{]{1000}", "\\Q{1000}\\E{2}", "(a{1000})", "x{,5}{7}", "(a|b{500}){2}", "((a{10}){10}){10}"})
  void patternsWhoseNestedCountsStayWithinTheBudgetFit(String pattern) {
    assertThat(RepeatBudget.fits(pattern)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"((a{1000}){1000}){1000}", "((a{100}){100}){100}", "(a{1000}){2}", "(?:x{10}){101}",
      "(a{2}b{1000}){2}", "([\\]a]{40}){40}", "(\\p{Greek}{40}){40}", "(a{2,}){501}", "(a{1,1001})",
      "((a{99999999999}))"})
  void patternsWhoseNestedCountsMultiplyPastTheBudgetDoNot(String pattern) {
    assertThat(RepeatBudget.fits(pattern)).isFalse();
  }
}
