package dev.warden.policies.pii;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The entity types Warden recognizes without configuration, by name. */
public final class BuiltInRecognizers {

  private static final Map<String, Supplier<Recognizer>> BY_TYPE = Map.of(
      EmailRecognizer.TYPE, EmailRecognizer::new);

  /** The built-in type names, in a stable order. */
  public static final List<String> TYPES = List.of(EmailRecognizer.TYPE);

  private BuiltInRecognizers() {}

  /** The recognizer for a built-in type; throws {@link IllegalArgumentException} for other names. */
  public static Recognizer forType(String type) {
    Supplier<Recognizer> recognizer = BY_TYPE.get(type);
    if (recognizer == null) {
      throw new IllegalArgumentException("no built-in recognizer for " + type);
    }
    return recognizer.get();
  }
}
