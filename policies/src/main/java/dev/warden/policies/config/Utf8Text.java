package dev.warden.policies.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a policy file's bytes as strict UTF-8, placing the first byte that is not UTF-8 at its
 * line and column (a Latin-1 {@code é} in a comment on line 40 is reported there, not at 1:1).
 */
final class Utf8Text {

  private Utf8Text() {}

  /** @throws PolicyException naming the line and column of the first malformed or unmappable byte */
  static String decode(byte[] bytes, ErrorList errors) throws PolicyException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw badByte(bytes, in.position(), errors);
    }
    return out.flip().toString();
  }

  private static PolicyException badByte(byte[] bytes, int offset, ErrorList errors) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // the bytes before the bad one on its line are valid UTF-8: count their code points
    String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    int column = before.codePointCount(0, before.length()) + 1;
    return errors.fatal(line, column, "policy file is not valid UTF-8 (byte 0x"
        + String.format("%02x", bytes[offset] & 0xff) + ")");
  }
}
