package dev.warden.policies.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Maven's version order, from the cases of Maven's own ComparableVersion tests and the SDKs' real versions. */
class MavenVersionTest {

  private static void assertAscending(String... versions) {
    for (int i = 0; i < versions.length; i++) {
      for (int j = 0; j < versions.length; j++) {
        int c = MavenVersion.parse(versions[i]).compareTo(MavenVersion.parse(versions[j]));
        assertThat(Integer.signum(c)).as("%s vs %s", versions[i], versions[j]).isEqualTo(Integer.compare(i, j));
      }
    }
  }

  private static void assertEqual(String... versions) {
    for (String a : versions) {
      for (String b : versions) {
        assertThat(MavenVersion.parse(a).compareTo(MavenVersion.parse(b))).as("%s vs %s", a, b).isZero();
        assertThat(MavenVersion.parse(a)).isEqualTo(MavenVersion.parse(b));
        assertThat(MavenVersion.parse(a).hashCode()).as("%s vs %s", a, b).isEqualTo(MavenVersion.parse(b).hashCode());
      }
    }
  }

  @Test
  void numericSegmentsCompareAsNumbersNotText() {
    assertAscending("1", "1.1", "1.2", "1.9", "1.10", "1.10.1", "2", "4.9.0", "4.10.0", "4.100.0", "4.101.0", "10");
  }

  @Test
  void trailingZerosAndReleaseQualifiersDoNotCount() {
    assertEqual("1", "1.0", "1.0.0", "1-0", "1.0-ga", "1.0.0-final", "1.0.0.release", "1-GA", "1.0.0-FINAL");
  }

  @Test
  void qualifiersFollowMavensOrder() {
    assertAscending("1.0-alpha", "1.0-beta", "1.0-milestone", "1.0-rc", "1.0-snapshot", "1.0", "1.0-sp", "1.0-abc",
        "1.0-xyz", "1.0.1");
    assertAscending("1.0-alpha-1", "1.0-alpha-2", "1.0-alpha-10", "1.0-beta-1", "1.0-rc-1", "1.0-rc-2", "1.0");
  }

  @Test
  void abbreviationsBeforeADigitAndAliasesMeanTheSame() {
    assertEqual("1.0a1", "1.0-alpha-1", "1.0-alpha1", "1.0.alpha1");
    assertEqual("1.0b2", "1.0-beta-2");
    assertEqual("1.0m3", "1.0-milestone-3");
    assertEqual("1.0-cr1", "1.0-rc1", "1.0-RC-1");
    // a lone letter not before a digit is a qualifier of its own, after the known ones
    assertAscending("1.0", "1.0-a", "1.0-b");
  }

  @Test
  void aHyphenWeighsLessThanADotButNeverMoreThanANumber() {
    // Maven's own example: 1.0.RC2 < 1.0-RC3 < 1.0.1
    assertAscending("1.0.RC2", "1.0-RC3", "1.0.1");
    assertEqual("1.0.rc", "1.0-rc");
    assertAscending("2.0.0.M1", "2.0.0-M2", "2.0.0.RC1", "2.0.0");
  }

  @Test
  void betaVersionsOfTheAzureSdkOrderBeforeTheRelease() {
    assertAscending("1.0.0-beta.9", "1.0.0-beta.15", "1.0.0-beta.16", "1.0.0-beta.17", "1.0.0");
    assertEqual("1.0-beta.16", "1.0.0-beta.16");
  }

  @Test
  void aNumberOutranksAQualifierAndASubList() {
    assertAscending("1-alpha", "1", "1-1", "1.1");
    assertAscending("1.0.0-snapshot", "1.0.0", "1.0.0.1");
    assertAscending("2.0-rc1", "2.0", "2.0.1-rc1", "2.0.1");
  }

  @Test
  void hugeNumbersAndLeadingZerosAreNumbers() {
    assertAscending("1.2", "1.99999999999999999999", "1.100000000000000000000");
    assertEqual("1.02", "1.2");
  }

  @Test
  void anyStringIsAVersionAndKeepsItsText() {
    for (String text : List.of("", "-", "..", "abc", "1..2", "1.0-", "-1", "1.0.0.Final-SNAPSHOT")) {
      assertThat(MavenVersion.parse(text).toString()).isEqualTo(text);
    }
    assertAscending("", "1");
  }
}
