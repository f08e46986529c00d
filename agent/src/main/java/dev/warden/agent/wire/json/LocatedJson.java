package dev.warden.agent.wire.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses a request body into a Jackson tree in which every string value is a {@link LocatedText}
 * carrying its byte offset, and every number keeps its exact value ({@link DecimalNode} for
 * fractions, without normalising {@code 0.70} to {@code 0.7}). Thread-safe.
 */
public final class LocatedJson {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LocatedJson() {}

  /**
   * Parses one JSON document.
   *
   * @param body UTF-8 JSON bytes; not modified
   * @return the root node, or null when the bytes are not exactly one well-formed JSON value in
   *     UTF-8, or when an object repeats a key (a provider might read the other copy than the policy)
   */
  public static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0 || !mayBeUtf8(body)) {
      return null;
    }
    try (JsonParser parser = FACTORY.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      JsonNode root = read(parser, first, body);
      return root != null && parser.nextToken() == null ? root : null;
    } catch (IOException | RuntimeException e) {
      // not JSON, too deep, or a number or string over Jackson's limits: unreadable, never thrown
      return null;
    }
  }

  /** Jackson also auto-detects UTF-16 and UTF-32, whose byte offsets the splicing cannot use. */
  private static boolean mayBeUtf8(byte[] body) {
    if (body.length >= 2 && (body[0] == 0 || body[1] == 0)) {
      return false;
    }
    return body.length < 2 || !((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
        || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE));
  }

  private static JsonNode read(JsonParser parser, JsonToken token, byte[] body) throws IOException {
    switch (token) {
      case START_OBJECT:
        return readObject(parser, body);
      case START_ARRAY:
        return readArray(parser, body);
      case VALUE_STRING:
        long offset = parser.currentTokenLocation().getByteOffset();
        if (offset < 0 || offset >= body.length || body[(int) offset] != '"') {
          return null;
        }
        return new LocatedText(parser.getText(), (int) offset);
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return DecimalNode.valueOf(parser.getDecimalValue());
      case VALUE_TRUE:
        return BooleanNode.TRUE;
      case VALUE_FALSE:
        return BooleanNode.FALSE;
      case VALUE_NULL:
        return NullNode.instance;
      default:
        return null;
    }
  }

  private static ObjectNode readObject(JsonParser parser, byte[] body) throws IOException {
    ObjectNode object = NODES.objectNode();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonNode value = read(parser, parser.nextToken(), body);
      if (value == null || object.replace(name, value) != null) {
        return null;
      }
    }
    return token == JsonToken.END_OBJECT ? object : null;
  }

  private static ArrayNode readArray(JsonParser parser, byte[] body) throws IOException {
    ArrayNode array = NODES.arrayNode();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        return null;
      }
      JsonNode value = read(parser, token, body);
      if (value == null) {
        return null;
      }
      array.add(value);
    }
    return array;
  }
}
