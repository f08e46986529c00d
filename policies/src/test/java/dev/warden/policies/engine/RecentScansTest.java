package dev.warden.policies.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RecentScansTest {

  private static final String TEXT = "The order number is NW-58213. It was supposed to come on Monday, and the "
      + "tracking page has not changed since Friday.";

  private final AtomicLong clock = new AtomicLong();
  private final RecentScans<String> recent = new RecentScans<>(clock::get);
  private final List<String> scanned = new ArrayList<>();
  private final Function<String, String> scanner = text -> {
    scanned.add(text);
    return "found in " + text.length();
  };

  @Test
  void historyIsScannedOnce() {
    assertThat(recent.scanHistory(TEXT, false, scanner)).isEqualTo("found in " + TEXT.length());
    assertThat(recent.scanHistory(new String(TEXT.toCharArray()), false, scanner))
        .isEqualTo("found in " + TEXT.length());
    assertThat(scanned).hasSize(1);
  }

  @Test
  void otherTextsAreScanned() {
    recent.scanHistory(TEXT, false, scanner);
    recent.scanHistory(TEXT + " Thanks.", false, scanner);
    recent.scanHistory(TEXT.replace("Monday", "Sunday"), false, scanner);
    assertThat(scanned).hasSize(3);
    recent.scanHistory(TEXT, false, scanner);
    assertThat(scanned).hasSize(3);
  }

  @Test
  void toolContentIsRememberedApartFromTheSameTextOfAnotherRole() {
    recent.scanHistory(TEXT, false, scanner);
    recent.scanHistory(TEXT, true, scanner);
    recent.scanHistory(TEXT, true, scanner);
    recent.scanHistory(TEXT, false, scanner);
    assertThat(scanned).hasSize(2);
  }

  @Test
  void shortTextsAreNotRemembered() {
    String shortText = "x".repeat(RecentScans.MIN_CHARS - 1);
    recent.scanHistory(shortText, false, scanner);
    recent.scanHistory(shortText, false, scanner);
    assertThat(scanned).hasSize(2);
  }

  @Test
  void textsThatDifferOnlyBetweenTheSampledCharsAreTold() {
    // the hash reads 32 chars of a long text; equals reads them all
    String a = "a".repeat(10_000);
    String b = a.substring(0, 5_001) + "b" + a.substring(5_002);
    recent.scanHistory(a, false, scanner);
    recent.scanHistory(b, false, scanner);
    recent.scanHistory(b, false, scanner);
    recent.scanHistory(a, false, scanner);
    assertThat(scanned).containsExactly(a, b);
  }

  @Test
  void forgetsEverythingAfterFiveMinutes() {
    recent.scanHistory(TEXT, false, scanner);
    clock.addAndGet(RecentScans.KEEP_NANOS);
    recent.scanHistory(TEXT, false, scanner);
    assertThat(scanned).hasSize(1);
    clock.addAndGet(RecentScans.KEEP_NANOS + 1);
    recent.scanHistory(TEXT, false, scanner);
    assertThat(scanned).hasSize(2);
  }

  @Test
  void forgetsEverythingWhenFull() {
    String first = "first " + "y".repeat((int) RecentScans.MAX_CHARS / 4 - 6);
    recent.scanHistory(first, false, scanner);
    for (int i = 0; i < 3; i++) {
      recent.scanHistory(i + "z".repeat((int) RecentScans.MAX_CHARS / 4 - 1), false, scanner);
    }
    recent.scanHistory(first, false, scanner);
    assertThat(scanned).hasSize(5).endsWith(first);
    recent.scanHistory(first, false, scanner);
    assertThat(scanned).hasSize(5);
  }

  @Test
  void aTextOfMoreThanAQuarterOfTheBudgetIsNotRemembered() {
    String huge = "h".repeat((int) RecentScans.MAX_CHARS / 4 + 1);
    recent.scanHistory(huge, false, scanner);
    recent.scanHistory(huge, false, scanner);
    assertThat(scanned).hasSize(2);
  }
}
