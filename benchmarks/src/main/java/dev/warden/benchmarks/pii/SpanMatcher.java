package dev.warden.benchmarks.pii;

import dev.warden.policies.pii.Span;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Scores one text's predictions against its gold spans and adds the counts to per-type tallies.
 *
 * <p>The rule, one-to-one:
 * <ol>
 *   <li>A prediction is a true positive when it overlaps a not yet matched in-scope gold span of
 *       the same type by at least half of that gold span's length (the largest overlap wins). It
 *       is an exact match too when both boundaries agree.</li>
 *   <li>Otherwise, when it overlaps any gold span (another type, an out-of-scope type such as
 *       PERSON or ADDRESS, or the same type by less than half), it is a false positive.</li>
 *   <li>Otherwise, when its type is one the source judges, it is a false positive; when the
 *       source does not label that type it is counted as unjudged and left out of precision.</li>
 *   <li>A gold span that is matched by no prediction is a false negative; out-of-scope gold is
 *       never counted for recall. Optional gold (weak in the data set) is neither rewarded nor
 *       penalised: a prediction on it counts in "optional found", a miss counts nothing.</li>
 * </ol>
 */
final class SpanMatcher {

  /** Per-type tallies, by type name, sorted. */
  private final Map<String, Tally> tallies = new TreeMap<>();

  Map<String, Tally> tallies() {
    return tallies;
  }

  /** A false positive, false negative, unjudged prediction or inexact match, for --verbose. */
  record Miss(LabelledText text, String kind, String type, int start, int end, String note) {}

  void score(LabelledText text, List<Span> predictions, Consumer<Miss> misses) {
    List<GoldSpan> gold = text.gold();
    boolean[] matched = new boolean[gold.size()];
    for (GoldSpan g : gold) {
      if (g.inScope()) {
        Tally t = tally(g.type());
        if (g.optional()) {
          t.optionalGold++;
        } else {
          t.gold++;
        }
      }
    }
    for (Span p : predictions) {
      Tally t = tally(p.type());
      t.predicted++;
      int best = bestMatch(gold, matched, p);
      if (best >= 0) {
        matched[best] = true;
        GoldSpan g = gold.get(best);
        if (g.optional()) {
          t.optionalFound++;
        } else {
          t.truePositives++;
          if (g.start() == p.start() && g.end() == p.end()) {
            t.exact++;
          } else {
            misses.accept(new Miss(text, "INEXACT", p.type(), p.start(), p.end(),
                "true positive, gold is [" + g.start() + "," + g.end() + ")"));
          }
        }
        continue;
      }
      GoldSpan over = firstOverlap(gold, p);
      if (over != null) {
        t.falsePositives++;
        String how = p.type().equals(over.type()) ? "covers under half of gold " : "overlaps gold ";
        misses.accept(new Miss(text, "FP", p.type(), p.start(), p.end(), how + over.label()));
      } else if (text.judged().contains(p.type())) {
        t.falsePositives++;
        misses.accept(new Miss(text, "FP", p.type(), p.start(), p.end(), "no gold span"));
      } else {
        t.unjudged++;
        misses.accept(new Miss(text, "UNJUDGED", p.type(), p.start(), p.end(),
            "source does not label " + p.type()));
      }
    }
    for (int i = 0; i < gold.size(); i++) {
      GoldSpan g = gold.get(i);
      if (g.inScope() && !g.optional() && !matched[i]) {
        tally(g.type()).falseNegatives++;
        String note = "nothing found there";
        for (Span p : predictions) {
          if (p.start() < g.end() && g.start() < p.end()) {
            note = p.type() + " found [" + p.start() + "," + p.end() + ")";
            break;
          }
        }
        misses.accept(new Miss(text, "FN", g.type(), g.start(), g.end(), note + " (" + g.label() + ")"));
      }
    }
  }

  private static int bestMatch(List<GoldSpan> gold, boolean[] matched, Span p) {
    int best = -1;
    int bestOverlap = 0;
    for (int i = 0; i < gold.size(); i++) {
      GoldSpan g = gold.get(i);
      if (matched[i] || !p.type().equals(g.type())) {
        continue;
      }
      int overlap = Math.min(p.end(), g.end()) - Math.max(p.start(), g.start());
      if (overlap > bestOverlap && 2 * overlap >= g.length()) {
        best = i;
        bestOverlap = overlap;
      }
    }
    return best;
  }

  private static GoldSpan firstOverlap(List<GoldSpan> gold, Span p) {
    for (GoldSpan g : gold) {
      if (p.start() < g.end() && g.start() < p.end()) {
        return g;
      }
    }
    return null;
  }

  private Tally tally(String type) {
    return tallies.computeIfAbsent(type, k -> new Tally());
  }
}
