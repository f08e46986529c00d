package dev.warden.policies.injection.signals;

import java.util.Locale;
import java.util.Set;

/**
 * The model's safety written as a setting and switched off, in user content: {@code
 * safety_filter=false}, {@code {"moderation": "off"}}, {@code SET ai.restrictions = NONE}, {@code
 * content_policy: none}. Nothing the user types configures the model, so the setting is there to
 * make it believe its safety is off. Fires {@code restriction_removal} at 0.7.
 *
 * <p>People's own systems have such settings (Postfix's {@code content_filter}, a forum's {@code
 * moderation: off}), and they ask about them: a text that says "my" or "our", asks how or why, or
 * asks to explain or check the setting is left alone.
 */
final class SettingsOff {

  private static final Set<String> OFF = Set.of("false", "off", "none", "disabled", "0", "null",
      "no", "unrestricted", "uncensored");
  /** Words of a question about one's own configuration. */
  private static final Set<String> ABOUT_ONES_OWN = Set.of("my", "our", "why", "explain", "yaml",
      "valid", "error");
  /** After "how" or "what", a question: "how do I …", "what does … mean"; not "how to make". */
  private static final Set<String> ASKING = Set.of("do", "does", "can", "should", "is", "are",
      "happens");
  /** Filters of other things: "spam_filter = 0". */
  private static final Set<String> OTHER_FILTERS = Set.of("spam", "junk", "mail", "email", "web",
      "dns", "firewall", "parental", "noise");
  /** How far after the anchor the value may start: quotes, spaces, '=' or ':'. */
  private static final int REACH = 6;

  private SettingsOff() {}

  /** At a safety or restriction noun, in user content. */
  static void at(Clause c, SignalSet out) {
    String text = c.text();
    int p = c.end(0);
    int limit = Math.min(text.length(), p + REACH);
    boolean assigned = false;
    while (p < limit && !Character.isLetterOrDigit(text.charAt(p))) {
      char ch = text.charAt(p);
      if (ch == '=' || ch == ':') {
        assigned = true;
      } else if (ch != ' ' && ch != '"' && ch != '\'') {
        return;
      }
      p++;
    }
    if (!assigned || p >= limit) {
      return;
    }
    int end = p;
    while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    String value = text.substring(p, end).toLowerCase(Locale.ROOT);
    if (OFF.contains(value) && !OTHER_FILTERS.contains(c.word(-1)) && !aboutOnesOwn(text)) {
      out.fire(SignalSet.RESTRICTION_REMOVAL, 0.7);
    }
  }

  /** Whether a word of the text asks about one's own configuration; read only when one is off. */
  private static boolean aboutOnesOwn(String text) {
    String previous = "";
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      if (ABOUT_ONES_OWN.contains(word)
          || ("how".equals(previous) || "what".equals(previous)) && ASKING.contains(word)) {
        return true;
      }
      previous = word;
    }
    return false;
  }
}
