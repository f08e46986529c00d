package dev.warden.policies.config;

/**
 * A scalar with its YAML type as the parser resolved it: {@code "1"} is a string, {@code 1} an
 * integer. Also used for mapping keys.
 *
 * @param type   resolved type
 * @param text   the scalar's text as written (after quote and escape processing)
 * @param number the value of an integer, null for other types
 */
record YamlScalar(Type type, String text, Number number, int line, int column) implements YamlNode {

  enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

  boolean isString() {
    return type == Type.STRING;
  }

  /** True for null and for the empty plain scalar ({@code key:} with nothing after it). */
  boolean isEmpty() {
    return type == Type.NULL || (type == Type.STRING && text.isEmpty());
  }

  @Override
  public String describe() {
    return switch (type) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case FLOAT -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
    };
  }
}
