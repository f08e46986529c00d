package dev.warden.policies.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of versions, written as a Maven version range ({@code [1.0,2.0)}, {@code (,4.0.0)},
 * {@code [1.2]} for exactly 1.2, unions such as {@code (,1.0),[1.5,)}) or as a comparison
 * ({@code <4.0.0}, {@code <=4.0.0}, {@code >1.0}, {@code >=1.0}). Versions compare as
 * {@link MavenVersion}. A bare version is rejected: Maven reads it as a recommendation that matches
 * anything, which in a deny list would be a surprise. Immutable.
 */
public final class VersionRange {

  /** One interval; a null bound is unbounded. */
  private record Interval(MavenVersion lower, boolean lowerInclusive, MavenVersion upper, boolean upperInclusive) {
    boolean contains(MavenVersion v) {
      if (lower != null) {
        int c = v.compareTo(lower);
        if (c < 0 || (c == 0 && !lowerInclusive)) {
          return false;
        }
      }
      if (upper != null) {
        int c = v.compareTo(upper);
        return c < 0 || (c == 0 && upperInclusive);
      }
      return true;
    }
  }

  private final String text;
  private final List<Interval> intervals;

  private VersionRange(String text, List<Interval> intervals) {
    this.text = text;
    this.intervals = List.copyOf(intervals);
  }

  /**
   * Parses a range.
   *
   * @throws IllegalArgumentException with a message that says what is wrong, for a policy error
   */
  public static VersionRange parse(String text) {
    String spec = text.strip();
    if (spec.isEmpty()) {
      throw new IllegalArgumentException("the version range is empty");
    }
    char first = spec.charAt(0);
    if (first == '<' || first == '>') {
      return new VersionRange(text, List.of(comparison(spec)));
    }
    if (first != '[' && first != '(') {
      throw new IllegalArgumentException("'" + spec + "' is no version range: write [" + spec + "] for exactly that"
          + " version, <" + spec + " for the ones before it, or a Maven range such as [1.0,2.0)");
    }
    List<Interval> intervals = new ArrayList<>();
    int at = 0;
    while (true) {
      int close = indexOfClose(spec, at);
      if (close < 0) {
        throw new IllegalArgumentException("'" + spec + "': a range opened with '" + spec.charAt(at)
            + "' is not closed with ']' or ')'");
      }
      intervals.add(interval(spec, spec.substring(at, close + 1)));
      at = close + 1;
      if (at == spec.length()) {
        return new VersionRange(text, intervals);
      }
      if (spec.charAt(at) != ',' || at + 1 == spec.length()
          || (spec.charAt(at + 1) != '[' && spec.charAt(at + 1) != '(')) {
        throw new IllegalArgumentException("'" + spec + "': ranges of a union are separated by ',' and each starts"
            + " with '[' or '('");
      }
      at++;
    }
  }

  private static int indexOfClose(String spec, int from) {
    for (int i = from + 1; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c == ']' || c == ')') {
        return i;
      }
      if (c == '[' || c == '(') {
        return -1;
      }
    }
    return -1;
  }

  private static Interval interval(String spec, String part) {
    boolean lowerInclusive = part.charAt(0) == '[';
    boolean upperInclusive = part.charAt(part.length() - 1) == ']';
    String inside = part.substring(1, part.length() - 1);
    int comma = inside.indexOf(',');
    if (comma < 0) {
      String exact = inside.strip();
      if (!lowerInclusive || !upperInclusive || exact.isEmpty()) {
        throw new IllegalArgumentException("'" + spec + "': a single version must be written as [" + 
            (exact.isEmpty() ? "1.0" : exact) + "]");
      }
      MavenVersion v = version(spec, exact);
      return new Interval(v, true, v, true);
    }
    if (inside.indexOf(',', comma + 1) >= 0) {
      throw new IllegalArgumentException("'" + spec + "': " + part + " has more than two bounds");
    }
    String low = inside.substring(0, comma).strip();
    String high = inside.substring(comma + 1).strip();
    MavenVersion lower = low.isEmpty() ? null : version(spec, low);
    MavenVersion upper = high.isEmpty() ? null : version(spec, high);
    if (lower == null && lowerInclusive || upper == null && upperInclusive) {
      throw new IllegalArgumentException("'" + spec + "': an open bound takes '(' or ')', not '[' or ']'");
    }
    if (lower != null && upper != null) {
      int c = lower.compareTo(upper);
      if (c > 0 || (c == 0 && !(lowerInclusive && upperInclusive))) {
        throw new IllegalArgumentException("'" + spec + "': " + part + " holds no version (its lower bound is not"
            + " below its upper bound)");
      }
    }
    return new Interval(lower, lowerInclusive, upper, upperInclusive);
  }

  private static Interval comparison(String spec) {
    boolean orEqual = spec.length() > 1 && spec.charAt(1) == '=';
    MavenVersion v = version(spec, spec.substring(orEqual ? 2 : 1).strip());
    return spec.charAt(0) == '<' ? new Interval(null, false, v, orEqual) : new Interval(v, orEqual, null, false);
  }

  private static MavenVersion version(String spec, String version) {
    if (version.isEmpty()) {
      throw new IllegalArgumentException("'" + spec + "': a version is missing");
    }
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '+')) {
        throw new IllegalArgumentException("'" + spec + "': '" + version + "' is not a version (character '" + c
            + "')");
      }
    }
    return MavenVersion.parse(version);
  }

  /** True when {@code version} lies in one of the range's intervals. */
  public boolean contains(MavenVersion version) {
    for (int i = 0; i < intervals.size(); i++) {
      if (intervals.get(i).contains(version)) {
        return true;
      }
    }
    return false;
  }

  /** The range as written. */
  @Override
  public String toString() {
    return text;
  }
}
