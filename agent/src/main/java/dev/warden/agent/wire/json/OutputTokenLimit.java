package dev.warden.agent.wire.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lowers a request's output token limit to a key scope's {@code maxOutputTokens}: every top-level
 * field of the given names whose number is above the limit (or null) gets the limit, and when none is
 * present the first name is added at the start of the object. Where the fields sit in a top-level
 * object member (Gemini's {@code generationConfig}), the same happens inside it, and a missing or
 * null member becomes one holding just the limit. Every other byte stays as it was. Thread-safe.
 */
public final class OutputTokenLimit {

  private static final JsonFactory FACTORY = new JsonFactory();

  private OutputTokenLimit() {}

  /**
   * As {@link #apply(byte[], List, int)}, for fields inside the top-level member {@code container}.
   *
   * @param container the member that holds the fields; null for the top level
   */
  public static byte[] apply(byte[] body, String container, List<String> fields, int limit) throws IOException {
    if (container == null) {
      return apply(body, fields, limit);
    }
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      int objectStart = (int) parser.currentTokenLocation().getByteOffset();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        boolean ours = container.equals(parser.currentName());
        JsonToken value = parser.nextToken();
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        if (ours && value == JsonToken.START_OBJECT) {
          int end = (int) parser.currentLocation().getByteOffset();
          byte[] inner = Arrays.copyOfRange(body, start, end);
          byte[] clamped = apply(inner, fields, limit);
          return clamped == inner ? body : splice(body, start, end, clamped);
        }
        if (ours && value == JsonToken.VALUE_NULL) {
          return splice(body, start, start + 4, ascii("{\"" + fields.get(0) + "\":" + limit + "}"));
        }
        if (ours) {
          return body; // not an object: the provider will refuse it, as it would without Warden
        }
      }
      if (token != JsonToken.END_OBJECT) {
        throw new IOException("not a JSON object");
      }
      return insertMember(body, objectStart, "\"" + container + "\":{\"" + fields.get(0) + "\":" + limit + "}");
    }
  }

  /**
   * @param body   a UTF-8 JSON object, as the wire adapter decoded it
   * @param fields the provider's output limit fields, the one to add first
   * @param limit  the highest value allowed
   * @return {@code body} itself when nothing changes, else a new array
   * @throws IOException when the body is not a JSON object (the caller decoded it, so this is a bug)
   */
  public static byte[] apply(byte[] body, List<String> fields, int limit) throws IOException {
    List<int[]> above = new ArrayList<>(2);
    boolean present = false;
    int objectStart = -1;
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      objectStart = (int) parser.currentTokenLocation().getByteOffset();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        boolean ours = fields.contains(parser.currentName());
        JsonToken value = parser.nextToken();
        if (ours && value.isNumeric()) {
          present = true;
          if (parser.getDecimalValue().compareTo(BigDecimal.valueOf(limit)) > 0) {
            int start = (int) parser.currentTokenLocation().getByteOffset();
            int end = numberEnd(body, start);
            above.add(new int[] {start, end});
          }
        } else if (ours && value == JsonToken.VALUE_NULL) {
          present = true; // null means "no limit": it gets the limit
          int start = (int) parser.currentTokenLocation().getByteOffset();
          above.add(new int[] {start, start + 4});
        } else if (ours) {
          present = true; // not a number: the provider will refuse it, as it would without Warden
        }
        parser.skipChildren();
      }
      if (token != JsonToken.END_OBJECT) {
        throw new IOException("not a JSON object");
      }
    }
    if (!present) {
      return insertMember(body, objectStart, '"' + fields.get(0) + "\":" + limit);
    }
    if (above.isEmpty()) {
      return body;
    }
    byte[] number = ascii(Integer.toString(limit));
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 32);
    int at = 0;
    for (int[] span : above) {
      out.write(body, at, span[0] - at);
      out.writeBytes(number);
      at = span[1];
    }
    out.write(body, at, body.length - at);
    return out.toByteArray();
  }

  /** {@code member} ({@code "name":value}) added first in the object that starts at {@code objectStart}. */
  private static byte[] insertMember(byte[] body, int objectStart, String member) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + member.length() + 1);
    out.write(body, 0, objectStart + 1);
    out.writeBytes(ascii(member));
    if (!isEmptyObject(body, objectStart)) {
      out.write(',');
    }
    out.write(body, objectStart + 1, body.length - objectStart - 1);
    return out.toByteArray();
  }

  private static byte[] splice(byte[] body, int start, int end, byte[] replacement) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length - (end - start) + replacement.length);
    out.write(body, 0, start);
    out.writeBytes(replacement);
    out.write(body, end, body.length - end);
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static int numberEnd(byte[] body, int start) {
    int i = start;
    while (i < body.length && "0123456789+-.eE".indexOf(body[i]) >= 0) {
      i++;
    }
    return i;
  }

  private static boolean isEmptyObject(byte[] body, int objectStart) {
    for (int i = objectStart + 1; i < body.length; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return b == '}';
      }
    }
    return false;
  }
}
