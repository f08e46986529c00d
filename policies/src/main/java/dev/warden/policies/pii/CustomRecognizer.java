package dev.warden.policies.pii;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.warden.policies.regex.RepeatBudget;
import java.util.List;
import java.util.Locale;

/**
 * A recognizer defined in the policy ({@code pii.custom}): an RE2 pattern, optional context words
 * and an optional validator. RE2/J matches in time linear in the text whatever the pattern, so a
 * hostile or careless pattern in a policy cannot hang a call.
 *
 * <p>A match is reported when:
 * <ul>
 *   <li>it is not empty and not glued to a word character on a side where the match itself has one
 *       ({@code E-\d{6}} does not match inside {@code XE-1234567}; Unicode-aware, see
 *       {@link WordBoundaries});</li>
 *   <li>with context words, at least one of them occurs as a whole word, case-insensitively, with
 *       at most {@value #CONTEXT_WINDOW} chars between it and the match, before or after;</li>
 *   <li>with a validator, the matched text passes it.</li>
 * </ul>
 * After a rejected match the search goes on after it, so matches never overlap and the time stays
 * linear. Immutable and thread-safe.
 *
 * <p>Validators ({@link #VALIDATORS}): {@code luhn} (the Luhn check over the digits of the match;
 * other chars are ignored, at least two digits), {@code mod97} (ISO 7064 mod-97-10 as in IBANs: the
 * letters and digits of the match, spaces ignored, first four moved to the end, remainder 1).
 */
public final class CustomRecognizer implements Recognizer {

  /** The validator names a custom entity may use. */
  public static final List<String> VALIDATORS = List.of("luhn", "mod97");

  /** The longest pattern accepted, in chars. */
  public static final int MAX_PATTERN = 1000;

  /** The most context words accepted, and the longest one. */
  public static final int MAX_CONTEXT_WORDS = 32;
  public static final int MAX_CONTEXT_WORD = 64;

  /** The most chars between a match and a context word, before or after it. */
  public static final int CONTEXT_WINDOW = 64;

  private final String type;
  private final Pattern pattern;
  private final String[] context;
  private final String validator;

  private CustomRecognizer(String type, Pattern pattern, String[] context, String validator) {
    this.type = type;
    this.pattern = pattern;
    this.context = context;
    this.validator = validator;
  }

  /**
   * Compiles a custom entity.
   *
   * @param name      the entity type reported, e.g. {@code EMPLOYEE_ID}; not blank
   * @param pattern   RE2 syntax, at most {@value #MAX_PATTERN} chars, not matching the empty text
   * @param context   words of which one must be near a match; null or empty for none
   * @param validator null, or one of {@link #VALIDATORS}
   * @throws IllegalArgumentException with a short, one-line message naming the problem (no pattern
   *     echo beyond what RE2 names, no stack trace text), for the policy loader to place at a line
   *     and column
   */
  public static CustomRecognizer compile(String name, String pattern, List<String> context, String validator) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a custom entity needs a name");
    }
    if (pattern == null || pattern.isEmpty()) {
      throw new IllegalArgumentException("a custom entity needs a non-empty pattern");
    }
    if (pattern.length() > MAX_PATTERN) {
      throw new IllegalArgumentException(
          "pattern is " + pattern.length() + " chars long; at most " + MAX_PATTERN + " are allowed");
    }
    if (!RepeatBudget.fits(pattern)) {
      throw new IllegalArgumentException("invalid pattern: " + RepeatBudget.PROBLEM);
    }
    Pattern compiled;
    try {
      compiled = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid pattern: " + describe(e));
    }
    if (compiled.matches("")) {
      throw new IllegalArgumentException("pattern matches the empty text; it must match at least one char");
    }
    if (validator != null && !VALIDATORS.contains(validator)) {
      throw new IllegalArgumentException(
          "unknown validator '" + validator + "'; use one of: " + String.join(", ", VALIDATORS));
    }
    String[] words = context == null ? new String[0] : new String[context.size()];
    if (words.length > MAX_CONTEXT_WORDS) {
      throw new IllegalArgumentException("at most " + MAX_CONTEXT_WORDS + " context words are allowed");
    }
    for (int i = 0; i < words.length; i++) {
      String word = context.get(i);
      if (word == null || word.isBlank()) {
        throw new IllegalArgumentException("context words must not be empty");
      }
      if (word.length() > MAX_CONTEXT_WORD) {
        throw new IllegalArgumentException("context words are at most " + MAX_CONTEXT_WORD + " chars long");
      }
      words[i] = word.strip().toLowerCase(Locale.ROOT);
    }
    return new CustomRecognizer(name, compiled, words, validator);
  }

  /** RE2's description of a syntax error, on one line, without the "error parsing regexp" preamble. */
  private static String describe(PatternSyntaxException e) {
    String description = e.getDescription();
    if (description == null || description.isBlank()) {
      description = "syntax error";
    }
    String problem = e.getPattern();
    String text = problem == null || problem.isEmpty() ? description : description + ": " + problem;
    StringBuilder line = new StringBuilder(Math.min(text.length(), 201));
    for (int i = 0; i < text.length() && line.length() < 200; i++) {
      char c = text.charAt(i);
      line.append(Character.isISOControl(c) ? ' ' : c);
    }
    return line.length() < text.length() ? line.append('…').toString() : line.toString();
  }

  /** The entity type this recognizer reports. */
  public String type() {
    return type;
  }

  @Override
  public void find(CharSequence text, List<Span> out) {
    int n = text.length();
    Matcher m = pattern.matcher(text);
    int from = 0;
    while (from < n && m.find(from)) {
      int start = m.start();
      int end = m.end();
      if (end <= start) {
        from = start + 1;
        continue;
      }
      if (standsAlone(text, start, end) && contextNear(text, start, end) && validates(text, start, end)) {
        out.add(new Span(type, start, end));
      }
      from = end;
    }
  }

  private static boolean standsAlone(CharSequence text, int start, int end) {
    return !(WordBoundaries.wordAt(text, start) && WordBoundaries.wordBefore(text, start))
        && !(WordBoundaries.wordBefore(text, end) && WordBoundaries.wordAt(text, end));
  }

  private boolean contextNear(CharSequence text, int start, int end) {
    if (context.length == 0) {
      return true;
    }
    return WordBoundaries.anyWordEndsIn(text, start - CONTEXT_WINDOW, start, context)
        || WordBoundaries.anyWordStartsIn(text, end, end + CONTEXT_WINDOW, context);
  }

  private boolean validates(CharSequence text, int start, int end) {
    if (validator == null) {
      return true;
    }
    return switch (validator) {
      case "luhn" -> Checksums.luhn(text, start, end);
      case "mod97" -> Checksums.mod97(text, start, end);
      default -> false;
    };
  }
}
