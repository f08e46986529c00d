package dev.warden.policies.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates an {@code injection} mapping: the top-level section, or a key scope's override, whose
 * keys replace the inherited ones key by key. A scope that sets {@code threshold} but not
 * {@code toolThreshold} moves both, as the section does. {@code action: off} turns the whole
 * section off, canary included, so a mapping that sets both {@code action: off} and
 * {@code canary: true} is an error.
 */
final class InjectionReader {

  private static final Set<String> KEYS = Set.of("action", "threshold", "toolThreshold", "roles", "canary");
  private static final List<String> ACTIONS = List.of("off", "detect", "block");
  static final List<String> ROLES = List.of("system", "developer", "user", "assistant", "tool");

  private InjectionReader() {}

  static InjectionPolicy read(YamlNode node, String path, InjectionPolicy inherited, ErrorList errors) {
    YamlMap map = Fields.map(node, path, errors);
    if (map == null) {
      return inherited;
    }
    Fields.checkKeys(map, path, KEYS, Set.of(), errors);
    InjectionAction action = inherited.off() ? InjectionAction.DETECT : inherited.action();
    if (map.get("action") != null) {
      String value = Fields.oneOf(map.get("action"), path + ".action", ACTIONS, Set.of(), errors);
      action = value == null ? action : InjectionAction.valueOf(value.toUpperCase(Locale.ROOT));
    }
    double threshold = inherited.threshold();
    double toolThreshold = inherited.toolThreshold();
    if (map.get("threshold") != null) {
      threshold = score(map.get("threshold"), path + ".threshold", threshold, errors);
      toolThreshold = threshold;
    }
    if (map.get("toolThreshold") != null) {
      toolThreshold = score(map.get("toolThreshold"), path + ".toolThreshold", toolThreshold, errors);
    }
    Set<String> roles = map.get("roles") == null ? inherited.roles() : roles(map.get("roles"), path + ".roles", errors);
    boolean canary = inherited.canary();
    if (map.get("canary") != null) {
      Boolean value = Fields.bool(map.get("canary"), path + ".canary", errors);
      canary = value == null ? canary : value;
      if (canary && action == InjectionAction.OFF && map.get("action") != null) {
        errors.add(map.get("canary"), "'" + path + ".canary' has no effect with action: off; "
            + "use action: detect to plant canaries without blocking injections");
      }
    }
    return new InjectionPolicy(action, threshold, toolThreshold, roles, canary);
  }

  private static double score(YamlNode node, String path, double fallback, ErrorList errors) {
    if (node instanceof YamlScalar s && (s.type() == YamlScalar.Type.FLOAT || s.type() == YamlScalar.Type.INTEGER)) {
      double value;
      try {
        value = Double.parseDouble(s.text());
      } catch (NumberFormatException e) {
        value = Double.NaN; // YAML's .inf and .nan
      }
      if (value > 0 && value <= 1) {
        return value;
      }
      errors.add(node, "'" + path + "' must be a score in (0, 1] (got " + Texts.oneLine(s.text(), Texts.MAX_QUOTED) + ")");
      return fallback;
    }
    errors.add(node, "'" + path + "' must be a number in (0, 1] (got " + node.describe() + ")");
    return fallback;
  }

  private static Set<String> roles(YamlNode node, String path, ErrorList errors) {
    List<YamlScalar> items = Fields.strings(node, path, "use action: off to scan nothing", errors);
    Set<String> out = new LinkedHashSet<>();
    if (items == null) {
      return InjectionPolicy.OFF.roles();
    }
    for (YamlScalar s : items) {
      if (s == null) {
        continue;
      }
      if (ROLES.contains(s.text())) {
        out.add(s.text());
      } else {
        errors.add(s, "unknown role " + Texts.quote(s.text()) + " in " + path + "; allowed: " + String.join(", ", ROLES));
      }
    }
    return out.isEmpty() ? InjectionPolicy.OFF.roles() : out;
  }
}
