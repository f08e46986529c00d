package dev.warden.policies.pseudonym;

import dev.warden.policies.pii.EmailRecognizer;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Recognizer;
import dev.warden.policies.pii.Span;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small stand-ins for recognizers of other packages, with the shapes that matter to streaming. */
final class TestRecognizers {

  private TestRecognizers() {}

  /** 7 to 15 digits in groups separated by one space or hyphen, optionally after a {@code +}. */
  static Recognizer phone() {
    return regex("PHONE", "(?<![\\w+])\\+?\\d(?:[ -]?\\d){6,14}(?!\\w)");
  }

  /** A whole PEM private-key block, newlines inside. */
  static Recognizer pemBlock() {
    return regex("SECRET", "-----BEGIN [A-Z ]+-----[\\s\\S]*?-----END [A-Z ]+-----");
  }

  /** Any run of four or more digits. */
  static Recognizer digits() {
    return regex("DIGITS", "\\d{4,}");
  }

  /** E-mail, phone and PEM blocks. */
  static PiiScanner scanner() {
    return new PiiScanner(List.of(new EmailRecognizer(), phone(), pemBlock()), List.of());
  }

  static Recognizer regex(String type, String pattern) {
    Pattern compiled = Pattern.compile(pattern);
    return (text, out) -> {
      Matcher m = compiled.matcher(text);
      while (m.find()) {
        out.add(new Span(type, m.start(), m.end()));
      }
    };
  }

  /** A fixed key, so that tests are reproducible. */
  static PseudonymKey key(int seed) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return PseudonymKey.of(bytes);
  }
}
