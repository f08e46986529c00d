package dev.warden.agent.wire.rewrite;

import dev.warden.policies.pii.CompletionRewriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in for the policy's rewriter: restores fixed placeholders and, in a stream, holds back
 * a trailing piece that may still become one (the longest suffix that is a proper prefix of a
 * placeholder), so that concatenating what a channel releases equals {@link #rewrite} of the
 * concatenated deltas. Its {@link #forJsonText()} twin restores the values JSON-escaped.
 */
public final class PlaceholderRewriter implements CompletionRewriter {

  public static final String EMAIL = "<EMAIL_1a2b>";
  public static final String EMAIL_VALUE = "jane@example.com";
  public static final String NAME = "<NAME_77aa>";
  /** Needs JSON escapes (quote, backslash) and is not ASCII, with a character outside the BMP. */
  public static final String NAME_VALUE = "José \"Pepe\" \\ Núñez 😀";

  private final Map<String, String> values = new LinkedHashMap<>();
  private final PlaceholderRewriter twin;
  private int channels;

  public PlaceholderRewriter() {
    values.put(EMAIL, EMAIL_VALUE);
    values.put(NAME, NAME_VALUE);
    twin = new PlaceholderRewriter(this);
  }

  private PlaceholderRewriter(PlaceholderRewriter plain) {
    plain.values.forEach((placeholder, value) -> values.put(placeholder, ProviderBodies.escaped(value)));
    twin = plain;
  }

  /** Number of channels opened, by this rewriter (not its twin). */
  public int channels() {
    return channels;
  }

  @Override
  public CompletionRewriter forJsonText() {
    return twin;
  }

  @Override
  public String rewrite(String text) {
    String result = text;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      result = result.replace(entry.getKey(), entry.getValue());
    }
    return result;
  }

  @Override
  public Channel channel() {
    channels++;
    return new Channel() {
      private final StringBuilder pending = new StringBuilder();

      @Override
      public String feed(String delta) {
        pending.append(delta);
        int hold = heldLength(pending);
        String release = pending.substring(0, pending.length() - hold);
        pending.delete(0, pending.length() - hold);
        return rewrite(release);
      }

      @Override
      public String finish() {
        String rest = pending.toString();
        pending.setLength(0);
        return rewrite(rest);
      }
    };
  }

  private int heldLength(CharSequence text) {
    int n = text.length();
    for (int k = n; k >= 1; k--) {
      String suffix = text.subSequence(n - k, n).toString();
      for (String placeholder : values.keySet()) {
        if (suffix.length() < placeholder.length() && placeholder.startsWith(suffix)) {
          return k;
        }
      }
    }
    return 0;
  }
}
