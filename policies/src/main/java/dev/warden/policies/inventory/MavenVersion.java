package dev.warden.policies.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A version as Maven orders it ({@code ComparableVersion}): numeric segments compare as numbers,
 * qualifiers in the order alpha &lt; beta &lt; milestone &lt; rc &lt; snapshot &lt; release &lt; sp, then any other
 * qualifier alphabetically; trailing zeros and release qualifiers ({@code ga}, {@code final},
 * {@code release}) do not count, so {@code 1}, {@code 1.0.0} and {@code 1.0-ga} are equal. A
 * {@code -} opens a sub-list, and so does a change between digits and letters ({@code 1.0rc1} is
 * {@code 1.0-rc-1}). Checked against Maven 3.9's {@code ComparableVersion} on random versions; Warden
 * does not depend on it (it would bring Maven's artifact API into the agent). Immutable; any
 * string is a version.
 */
public final class MavenVersion implements Comparable<MavenVersion> {

  private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
  private static final String RELEASE = String.valueOf(QUALIFIERS.indexOf(""));

  private final String text;
  private final List<Object> items;

  private MavenVersion(String text, List<Object> items) {
    this.text = text;
    this.items = items;
  }

  /** Parses {@code text}; never fails. */
  public static MavenVersion parse(String text) {
    return new MavenVersion(text, items(text.toLowerCase(Locale.ROOT)));
  }

  /**
   * The segments: {@link Long} for numbers (a number longer than 18 digits is kept as its
   * {@link java.math.BigInteger}), {@link String} for qualifiers (aliases resolved), {@link List}
   * for a sub-list.
   */
  private static List<Object> items(String version) {
    List<Object> root = new ArrayList<>();
    List<List<Object>> opened = new ArrayList<>();
    opened.add(root);
    List<Object> list = root;
    boolean digits = false;
    int start = 0;
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (c == '.' || c == '-') {
        list.add(i == start ? 0L : item(digits, version.substring(start, i), c == '.' ? '.' : '-'));
        start = i + 1;
        if (c == '-') {
          list = subList(list, opened);
        }
      } else if (Character.isDigit(c)) {
        if (!digits && i > start) {
          // a qualifier followed by a number is a list of its own: 1.0rc1 is 1.0-rc-1, and so is 1.0.rc1
          if (!list.isEmpty()) {
            list = subList(list, opened);
          }
          list.add(item(false, version.substring(start, i), '0'));
          start = i;
          list = subList(list, opened);
        }
        digits = true;
      } else {
        if (digits && i > start) {
          list.add(item(true, version.substring(start, i), c));
          start = i;
          list = subList(list, opened);
        }
        digits = false;
      }
    }
    if (version.length() > start) {
      if (!digits && !list.isEmpty()) {
        // a trailing qualifier too: 1.0.rc is 1.0-rc
        list = subList(list, opened);
      }
      list.add(item(digits, version.substring(start), ' '));
    }
    for (int i = opened.size() - 1; i >= 0; i--) {
      normalize(opened.get(i));
    }
    return root;
  }

  private static List<Object> subList(List<Object> parent, List<List<Object>> opened) {
    List<Object> sub = new ArrayList<>();
    parent.add(sub);
    opened.add(sub);
    return sub;
  }

  /** @param next the character after the item: a single-letter qualifier before a digit is an abbreviation */
  private static Object item(boolean digits, String text, char next) {
    if (digits) {
      String trimmed = text.replaceFirst("^0+(?=.)", "");
      return trimmed.length() <= 18 ? (Object) Long.parseLong(trimmed) : new java.math.BigInteger(trimmed);
    }
    if (text.length() == 1 && Character.isDigit(next)) {
      switch (text) {
        case "a": return "alpha";
        case "b": return "beta";
        case "m": return "milestone";
        default: break;
      }
    }
    return switch (text) {
      case "ga", "final", "release" -> "";
      case "cr" -> "rc";
      default -> text;
    };
  }

  /** Drops trailing zeros and release qualifiers, up to the last sub-list. */
  private static void normalize(List<Object> list) {
    for (int i = list.size() - 1; i >= 0; i--) {
      Object item = list.get(i);
      if (isNull(item)) {
        list.remove(i);
      } else if (!(item instanceof List)) {
        break;
      }
    }
  }

  private static boolean isNull(Object item) {
    if (item instanceof List<?> list) {
      return list.isEmpty();
    }
    return item instanceof String s ? s.isEmpty() : zero(item);
  }

  private static boolean zero(Object number) {
    return number instanceof Long l ? l == 0 : ((java.math.BigInteger) number).signum() == 0;
  }

  @Override
  public int compareTo(MavenVersion other) {
    return compareLists(items, other.items);
  }

  /** {@code a} against {@code b}; either may be null (a missing segment). */
  private static int compare(Object a, Object b) {
    if (a == null) {
      return b == null ? 0 : -compare(b, null);
    }
    if (a instanceof List<?> list) {
      if (b == null) {
        for (Object item : list) {
          int result = compare(item, null);
          if (result != 0) {
            return result;
          }
        }
        return 0;
      }
      return b instanceof List<?> other ? compareLists(list, other) : b instanceof String ? 1 : -1;
    }
    if (a instanceof String s) {
      if (b == null) {
        return qualifierRank(s).compareTo(RELEASE);
      }
      return b instanceof String t ? qualifierRank(s).compareTo(qualifierRank(t)) : -1;
    }
    if (b == null) {
      return zero(a) ? 0 : 1;
    }
    if (b instanceof Long || b instanceof java.math.BigInteger) {
      return toBig(a).compareTo(toBig(b));
    }
    return 1;
  }

  private static int compareLists(List<?> a, List<?> b) {
    int n = Math.max(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int result = compare(i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null);
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  private static java.math.BigInteger toBig(Object number) {
    return number instanceof Long l ? java.math.BigInteger.valueOf(l) : (java.math.BigInteger) number;
  }

  /** Known qualifiers by their place; any other after them all, alphabetically. */
  private static String qualifierRank(String qualifier) {
    int at = QUALIFIERS.indexOf(qualifier);
    return at >= 0 ? String.valueOf(at) : QUALIFIERS.size() + "-" + qualifier;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MavenVersion v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return items.hashCode();
  }

  /** The version as written. */
  @Override
  public String toString() {
    return text;
  }
}
