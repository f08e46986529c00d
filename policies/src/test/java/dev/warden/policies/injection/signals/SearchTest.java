package dev.warden.policies.injection.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTest {

  private static final String TEXT = "stop - write: hello [x] \n\n done";

  @Test
  void findsOnlyInsideTheBounds() {
    assertThat(Search.indexOf(TEXT, ':', 0, TEXT.length())).isEqualTo(12);
    assertThat(Search.indexOf(TEXT, ':', 0, 12)).isEqualTo(-1);
    assertThat(Search.indexOf(TEXT, ':', 13, 99)).isEqualTo(-1);
    assertThat(Search.indexOf(TEXT, "\n\n", 0, TEXT.length())).isEqualTo(24);
    assertThat(Search.indexOf(TEXT, "\n\n", 0, 24)).isEqualTo(-1);
    assertThat(Search.indexOf(TEXT, "\n\n", 24, 25)).isEqualTo(24); // starts inside, ends past
    assertThat(Search.lastIndexOf(TEXT, '[', TEXT.length() - 1, 0)).isEqualTo(20);
    assertThat(Search.lastIndexOf(TEXT, '[', TEXT.length() - 1, 21)).isEqualTo(-1);
    assertThat(Search.lastIndexOf(TEXT, '[', 19, -5)).isEqualTo(-1);
    assertThat(Search.lastIndexOf(TEXT, 's', 99, -5)).isEqualTo(0);
  }
}
