package dev.warden.policies.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;

/** Sizes ({@code 64MB}) and durations ({@code 10m}) as policy files write them. */
final class Quantities {

  private Quantities() {}

  /** A size as a policy writes it: a whole number of bytes, or {@link #parseSize}'s form; -1 otherwise. */
  static long size(YamlNode node) {
    if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.INTEGER) {
      // a BigInteger's longValue() keeps only the low 64 bits: 2^64 + 10MB would read as 10MB
      return s.number() instanceof BigInteger big && big.bitLength() > 63 ? -1 : s.number().longValue();
    }
    return node instanceof YamlScalar s && s.isString() ? parseSize(s.text()) : -1;
  }

  /** {@code 512KB}, {@code 10MB}, {@code 1GB} in bytes (powers of 1024); -1 when it is not a size. */
  static long parseSize(String text) {
    String upper = text.strip().toUpperCase(Locale.ROOT);
    long unit = upper.endsWith("KB") ? 1L << 10 : upper.endsWith("MB") ? 1L << 20 : upper.endsWith("GB") ? 1L << 30 : 0;
    if (unit == 0) {
      return -1;
    }
    try {
      long n = Long.parseLong(upper.substring(0, upper.length() - 2).strip());
      return n <= 0 || n > (Long.MAX_VALUE / unit) ? -1 : n * unit;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}; null when it is not a positive duration. */
  static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.length() < 2) {
      return null;
    }
    long n;
    try {
      n = Long.parseLong(t.substring(0, t.length() - 1));
    } catch (NumberFormatException e) {
      return null;
    }
    if (n <= 0 || n > 365L * 24 * 3600) {
      return null;
    }
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      case 'd' -> Duration.ofDays(n);
      default -> null;
    };
  }
}
