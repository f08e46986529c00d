package dev.warden.policies.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

  private static boolean in(String range, String version) {
    return VersionRange.parse(range).contains(MavenVersion.parse(version));
  }

  @Test
  void halfOpenIntervalsIncludeOnlyTheirBracketedBound() {
    assertThat(in("[1.0,2.0)", "1.0")).isTrue();
    assertThat(in("[1.0,2.0)", "1.5.3")).isTrue();
    assertThat(in("[1.0,2.0)", "2.0")).isFalse();
    assertThat(in("[1.0,2.0)", "2.0-rc1")).as("a pre-release of 2.0 is below 2.0").isTrue();
    assertThat(in("[1.0,2.0)", "0.9")).isFalse();
    assertThat(in("(1.0,2.0]", "1.0")).isFalse();
    assertThat(in("(1.0,2.0]", "2.0.0")).isTrue();
  }

  @Test
  void openBoundsReachToEitherEnd() {
    assertThat(in("(,4.0.0)", "3.99")).isTrue();
    assertThat(in("(,4.0.0)", "4.0.0")).isFalse();
    assertThat(in("(,4.0.0]", "4")).isTrue();
    assertThat(in("[4.0.0,)", "4.101.0")).isTrue();
    assertThat(in("[4.0.0,)", "4.0.0-beta")).isFalse();
    assertThat(in("( , 4.0.0 )", "1")).as("blanks around bounds").isTrue();
  }

  @Test
  void aSingleBracketedVersionIsExactlyThatVersion() {
    assertThat(in("[1.2]", "1.2")).isTrue();
    assertThat(in("[1.2]", "1.2.0")).isTrue();
    assertThat(in("[1.2]", "1.2.1")).isFalse();
    assertThat(in("[1.0,1.0]", "1.0")).isTrue();
  }

  @Test
  void aUnionContainsWhatAnyOfItsRangesContains() {
    String union = "(,1.0),[1.5,)";
    assertThat(in(union, "0.9")).isTrue();
    assertThat(in(union, "1.0")).isFalse();
    assertThat(in(union, "1.4.9")).isFalse();
    assertThat(in(union, "1.5")).isTrue();
    assertThat(in("[1.0],[1.2],[1.4,1.6)", "1.2")).isTrue();
    assertThat(in("[1.0],[1.2],[1.4,1.6)", "1.3")).isFalse();
  }

  @Test
  void comparisonsAreTheIssuesShorthand() {
    assertThat(in("<4.0.0", "3.9.9")).isTrue();
    assertThat(in("<4.0.0", "4.0.0")).isFalse();
    assertThat(in("<4.0.0", "4.0.0-rc1")).isTrue();
    assertThat(in("<=4.0.0", "4.0")).isTrue();
    assertThat(in(">4.0.0", "4.0.0")).isFalse();
    assertThat(in(">4.0.0", "4.0.1")).isTrue();
    assertThat(in(">=4.0.0", "4.0.0")).isTrue();
    assertThat(in(">= 4.0.0", "3")).isFalse();
    assertThat(in("<1.0.0", "1.0.0-beta.16")).isTrue();
  }

  @Test
  void malformedRangesSayWhatIsWrong() {
    assertThatThrownBy(() -> VersionRange.parse("4.0.0")).hasMessageContaining("is no version range")
        .hasMessageContaining("[4.0.0]");
    assertThatThrownBy(() -> VersionRange.parse("")).hasMessage("the version range is empty");
    assertThatThrownBy(() -> VersionRange.parse("[1.0,2.0")).hasMessageContaining("is not closed");
    assertThatThrownBy(() -> VersionRange.parse("[2.0,1.0]")).hasMessageContaining("holds no version");
    assertThatThrownBy(() -> VersionRange.parse("[1.0,1.0)")).hasMessageContaining("holds no version");
    assertThatThrownBy(() -> VersionRange.parse("(1.0)")).hasMessageContaining("[1.0]");
    assertThatThrownBy(() -> VersionRange.parse("[]")).hasMessageContaining("single version");
    assertThatThrownBy(() -> VersionRange.parse("[,1.0)")).hasMessageContaining("open bound");
    assertThatThrownBy(() -> VersionRange.parse("(1.0,]")).hasMessageContaining("open bound");
    assertThatThrownBy(() -> VersionRange.parse("[1,2,3]")).hasMessageContaining("more than two bounds");
    assertThatThrownBy(() -> VersionRange.parse("[1,2)x")).hasMessageContaining("separated by ','");
    assertThatThrownBy(() -> VersionRange.parse("[1,2),")).hasMessageContaining("separated by ','");
    assertThatThrownBy(() -> VersionRange.parse("[1,2)[3,4)")).hasMessageContaining("separated by ','");
    assertThatThrownBy(() -> VersionRange.parse("[1,[2)")).hasMessageContaining("is not closed");
    assertThatThrownBy(() -> VersionRange.parse("<")).hasMessageContaining("a version is missing");
    assertThatThrownBy(() -> VersionRange.parse("<=")).hasMessageContaining("a version is missing");
    assertThatThrownBy(() -> VersionRange.parse("<4.0 0")).hasMessageContaining("is not a version (character ' ')");
  }
}
