package dev.warden.policies.config;

import dev.warden.policies.alerts.AlertThresholds;
import dev.warden.policies.alerts.AlertThresholds.BlockRate;
import dev.warden.policies.alerts.AlertThresholds.InjectionBurst;
import dev.warden.policies.alerts.AlertThresholds.NewModel;
import dev.warden.policies.alerts.AlertThresholds.TokenSpike;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Set;

/**
 * Validates the {@code alerts} section: one optional mapping per alert kind ({@code tokenSpike},
 * {@code newModel}, {@code blockRate}, {@code injectionBurst}), each key optional with a default,
 * so {@code newModel: {}} raises that kind with its defaults.
 */
final class AlertsReader {

  private static final Set<String> KEYS = Set.of("tokenSpike", "newModel", "blockRate", "injectionBurst");
  /** Windows from a second (for tests and bursty services) to a day (longer counts are not anomalies). */
  private static final Duration MAX_WINDOW = Duration.ofDays(1);

  private final ErrorList errors;

  private AlertsReader(ErrorList errors) {
    this.errors = errors;
  }

  static AlertThresholds read(YamlNode node, ErrorList errors) {
    YamlMap map = Fields.map(node, "alerts", errors);
    if (map == null) {
      return AlertThresholds.OFF;
    }
    Fields.checkKeys(map, "alerts", KEYS, Set.of(), errors);
    AlertsReader reader = new AlertsReader(errors);
    return new AlertThresholds(reader.tokenSpike(map.get("tokenSpike")), reader.newModel(map.get("newModel")),
        reader.blockRate(map.get("blockRate")), reader.injectionBurst(map.get("injectionBurst")));
  }

  private TokenSpike tokenSpike(YamlNode node) {
    YamlMap map = kind(node, "tokenSpike", Set.of("factor", "window", "minTokens"));
    if (map == null) {
      return null;
    }
    TokenSpike d = TokenSpike.DEFAULT;
    return new TokenSpike(number(map.get("factor"), "alerts.tokenSpike.factor", d.factor(), 1, 1000, false),
        window(map.get("window"), "alerts.tokenSpike.window", d.window()),
        whole(map.get("minTokens"), "alerts.tokenSpike.minTokens", d.minTokens(), Long.MAX_VALUE));
  }

  private NewModel newModel(YamlNode node) {
    YamlMap map = kind(node, "newModel", Set.of("after"));
    return map == null ? null : new NewModel(window(map.get("after"), "alerts.newModel.after", NewModel.DEFAULT.after()));
  }

  private BlockRate blockRate(YamlNode node) {
    YamlMap map = kind(node, "blockRate", Set.of("ratio", "window", "minCalls"));
    if (map == null) {
      return null;
    }
    BlockRate d = BlockRate.DEFAULT;
    return new BlockRate(number(map.get("ratio"), "alerts.blockRate.ratio", d.ratio(), 0, 1, true),
        window(map.get("window"), "alerts.blockRate.window", d.window()),
        (int) whole(map.get("minCalls"), "alerts.blockRate.minCalls", d.minCalls(), Integer.MAX_VALUE));
  }

  private InjectionBurst injectionBurst(YamlNode node) {
    YamlMap map = kind(node, "injectionBurst", Set.of("count", "window"));
    if (map == null) {
      return null;
    }
    InjectionBurst d = InjectionBurst.DEFAULT;
    return new InjectionBurst((int) whole(map.get("count"), "alerts.injectionBurst.count", d.count(), Integer.MAX_VALUE),
        window(map.get("window"), "alerts.injectionBurst.window", d.window()));
  }

  /** The mapping of one kind, null when the kind is absent or not a mapping (reported). */
  private YamlMap kind(YamlNode node, String name, Set<String> keys) {
    if (node == null) {
      return null;
    }
    String path = Fields.child("alerts", name);
    YamlMap map = Fields.map(node, path, errors);
    if (map != null) {
      Fields.checkKeys(map, path, keys, Set.of(), errors);
    }
    return map;
  }

  private Duration window(YamlNode node, String path, Duration fallback) {
    if (node == null) {
      return fallback;
    }
    String text = node instanceof YamlScalar s && s.isString() ? s.text() : null;
    Duration duration = text == null ? null : Quantities.parseDuration(text);
    if (duration == null || duration.compareTo(MAX_WINDOW) > 0) {
      errors.add(node, "'" + path + "' must be a duration from 1s to 1d such as 30s, 5m or 1h (got "
          + (text == null ? node.describe() : Texts.oneLine(text, Texts.MAX_QUOTED)) + ")");
      return fallback;
    }
    return duration;
  }

  /** A number above {@code min} (exclusive) up to {@code max} ({@code maxInclusive}) or below it. */
  private double number(YamlNode node, String path, double fallback, double min, double max, boolean maxInclusive) {
    if (node == null) {
      return fallback;
    }
    if (node instanceof YamlScalar s && (s.type() == YamlScalar.Type.INTEGER || s.type() == YamlScalar.Type.FLOAT)) {
      double value;
      try {
        value = Double.parseDouble(s.text());
      } catch (NumberFormatException e) {
        value = Double.NaN; // YAML's .inf and .nan
      }
      if (value > min && (maxInclusive ? value <= max : value < max)) {
        return value;
      }
    }
    errors.add(node, "'" + path + "' must be a number greater than " + plain(min) + " and "
        + (maxInclusive ? "at most " : "less than ") + plain(max) + " (got " + got(node) + ")");
    return fallback;
  }

  private long whole(YamlNode node, String path, long fallback, long max) {
    if (node == null) {
      return fallback;
    }
    if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.INTEGER
        && !(s.number() instanceof BigInteger big && big.bitLength() > 63)) {
      long value = s.number().longValue();
      if (value >= 1 && value <= max) {
        return value;
      }
    }
    errors.add(node, "'" + path + "' must be a whole number from 1 to " + max + " (got " + got(node) + ")");
    return fallback;
  }

  private static String got(YamlNode node) {
    return node instanceof YamlScalar s && (s.type() == YamlScalar.Type.INTEGER || s.type() == YamlScalar.Type.FLOAT)
        ? Texts.oneLine(s.text(), Texts.MAX_QUOTED) : node.describe();
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
