package dev.warden.policies.injection.signals;

import dev.warden.policies.injection.normalize.TextNormalizer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs both layers on a text; the signals by name. */
final class Detect {

  private Detect() {}

  static Map<String, Double> user(String text) {
    return signals(text, Role.USER);
  }

  static Map<String, Double> tool(String text) {
    return signals(text, Role.TOOL);
  }

  static Map<String, Double> signals(String text, Role role) {
    Map<String, Double> byName = new LinkedHashMap<>();
    for (Signal signal : StructuralSignals.detect(TextNormalizer.DEFAULT.normalize(text), role)) {
      byName.put(signal.name(), signal.strength());
    }
    return byName;
  }
}
