package dev.warden.benchmarks.pii;

/** Counts for one entity type in one source (or all sources). Not thread-safe. */
final class Tally {

  int gold;
  int predicted;
  int truePositives;
  int exact;
  int falsePositives;
  int falseNegatives;
  /** Predictions of a type the source does not label, landing on no gold span. */
  int unjudged;
  int optionalGold;
  int optionalFound;

  void add(Tally other) {
    gold += other.gold;
    predicted += other.predicted;
    truePositives += other.truePositives;
    exact += other.exact;
    falsePositives += other.falsePositives;
    falseNegatives += other.falseNegatives;
    unjudged += other.unjudged;
    optionalGold += other.optionalGold;
    optionalFound += other.optionalFound;
  }

  /** True positives over judged predictions; NaN when there are none. */
  double precision() {
    int judged = truePositives + falsePositives;
    return judged == 0 ? Double.NaN : (double) truePositives / judged;
  }

  /** True positives over gold spans; NaN when there are none. */
  double recall() {
    return gold == 0 ? Double.NaN : (double) truePositives / gold;
  }

  boolean isEmpty() {
    return gold == 0 && predicted == 0 && optionalGold == 0;
  }
}
