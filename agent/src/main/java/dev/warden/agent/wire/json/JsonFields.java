package dev.warden.agent.wire.json;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed reads of one field of a JSON object that answer null (or false) for any other shape. */
public final class JsonFields {

  private JsonFields() {}

  /** The field's string value, or null when absent or not a string. */
  public static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  /** Whether the field is the JSON literal {@code true}. */
  public static boolean isTrue(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && value.isBoolean() && value.booleanValue();
  }

  /** The field's value when it is an integer that fits an {@code int}, else null. */
  public static Integer integer(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null;
  }

  /** Whether {@code node} is an object whose {@code type} field equals {@code type}. */
  public static boolean hasType(JsonNode node, String type) {
    return type.equals(text(node, "type"));
  }
}
