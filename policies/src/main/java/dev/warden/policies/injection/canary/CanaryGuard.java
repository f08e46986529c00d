package dev.warden.policies.injection.canary;

import dev.warden.policies.pii.CompletionRewriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The completion side of {@code injection.canary}: a {@link CompletionRewriter} that reads the
 * model's text before the call's other rewriter (pseudonyms restored, personal data redacted), and
 * withholds it once it leaks: it contains the call's canary token (in any case), or a verbatim run
 * of at least {@link LeakScan#MIN_RUN_CHARS} chars of the system prompt as it was sent (compared
 * word by word: case, spacing and punctuation aside). A leak anywhere, in a whole text, a stream
 * channel or the JSON text of a tool call, sets {@link #leaked()} for the whole call, and from then
 * on every method returns "" for text, in every channel: the caller must answer with its block
 * response instead.
 *
 * <p>Streams: a channel holds back the chars at its end that could begin the token, so a token is
 * never released, however the deltas cut it; and, once the text has matched
 * {@link ShingleWindow#WORDS} words of the system prompt in a row, the run from its first word on,
 * until the run breaks (released) or grows into a leak (withheld). At most the first
 * {@link ShingleWindow#WORDS} words of a run go out before it is recognised, and at most
 * {@link #MAX_HELD_CHARS} chars are held. Without a leak, concatenating what a channel returns
 * equals {@link #rewrite} of the concatenated deltas whenever it does so for the wrapped rewriter.
 *
 * <p>Request text that a response repeats ({@link #requestEcho}) gets the canary line taken out
 * again, so the canary never reaches the application that way either.
 *
 * <p>Thread-safe: the leak flag is shared by every channel and the JSON text variant; each channel
 * belongs to one reader. The system prompt is indexed on first use, off the request path.
 */
public final class CanaryGuard implements CompletionRewriter {

  /** The most a channel holds back; past it, the older part of a long run is released. */
  public static final int MAX_HELD_CHARS = 1024;

  private final Shared shared;
  private final CompletionRewriter inner;
  private final boolean jsonText;
  private final CanaryGuard twin;

  private CanaryGuard(Shared shared, CompletionRewriter inner, boolean jsonText, CanaryGuard plain) {
    this.shared = shared;
    this.inner = inner;
    this.jsonText = jsonText;
    this.twin = plain != null ? plain
        : new CanaryGuard(shared, inner == null ? null : inner.forJsonText(), true, this);
  }

  /**
   * The guard of one call.
   *
   * @param canary       the token planted in the system prompt
   * @param systemPrompt the system and developer texts as sent (after any other rewrite, without
   *                     the canary line); an empty list checks the token only
   * @param inner        the call's other completion rewriter, applied to what the guard releases;
   *                     null for none
   */
  public static CanaryGuard of(Canary canary, List<String> systemPrompt, CompletionRewriter inner) {
    Objects.requireNonNull(canary, "canary");
    return new CanaryGuard(new Shared(canary, List.copyOf(systemPrompt)), inner, false, null);
  }

  @Override
  public String rewrite(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    if (shared.leaked) {
      return "";
    }
    LeakScan scan = shared.scan(jsonText);
    if (scan.feed(text) || scan.end()) {
      shared.leaked = true;
      return "";
    }
    return inner == null ? text : inner.rewrite(text);
  }

  @Override
  public Channel channel() {
    return new Guarded(shared.scan(jsonText), inner == null ? null : inner.channel());
  }

  @Override
  public CompletionRewriter forJsonText() {
    return jsonText ? this : twin;
  }

  /** {@code echoed} without the canary line that {@link Canary#plantIn} added, then as the wrapped rewriter has it. */
  @Override
  public String requestEcho(String echoed) {
    String text = echoed;
    if (text != null) {
      String line = shared.line;
      int at = text.indexOf(line);
      if (at >= 0) {
        int from = at >= 2 && text.startsWith("\n\n", at - 2) ? at - 2 : at;
        text = text.substring(0, from) + text.substring(at + line.length());
      }
    }
    return inner == null ? text : inner.requestEcho(text);
  }

  @Override
  public Map<String, Integer> findings() {
    return inner == null ? Map.of() : inner.findings();
  }

  @Override
  public boolean checksLeaks() {
    return true;
  }

  @Override
  public boolean leaked() {
    return shared.leaked;
  }

  @Override
  public String toString() {
    return "CanaryGuard[jsonText=" + jsonText + ", leaked=" + shared.leaked + ", inner=" + inner + "]";
  }

  /** What the plain and JSON text guards of one call share. */
  private static final class Shared {
    final char[] token;
    final int[] fallback;
    final String line;
    final List<String> systemPrompt;
    private SystemPromptIndex index;
    volatile boolean leaked;

    Shared(Canary canary, List<String> systemPrompt) {
      this.token = canary.token().toCharArray();
      this.fallback = LeakScan.fallback(token);
      this.line = canary.line();
      this.systemPrompt = systemPrompt;
    }

    synchronized LeakScan scan(boolean jsonText) {
      if (index == null) {
        index = SystemPromptIndex.of(systemPrompt);
      }
      return new LeakScan(token, fallback, index, jsonText);
    }
  }

  /** One stream channel: holds back what could still turn out to leak, releases the rest to the inner channel. */
  private final class Guarded implements Channel {
    private final LeakScan scan;
    private final Channel inner;
    private final StringBuilder held = new StringBuilder();
    /** Position of {@code held}'s first char in the channel's text. */
    private long heldStart;

    Guarded(LeakScan scan, Channel inner) {
      this.scan = scan;
      this.inner = inner;
    }

    @Override
    public String feed(String delta) {
      if (shared.leaked) {
        held.setLength(0);
        return "";
      }
      if (delta == null || delta.isEmpty()) {
        return "";
      }
      held.append(delta);
      if (scan.feed(delta)) {
        shared.leaked = true;
        held.setLength(0);
        return "";
      }
      long end = heldStart + held.length();
      long keep = end - scan.tokenPrefix();
      long run = scan.runStart();
      if (run >= 0 && run < keep) {
        keep = Math.max(run, Math.max(heldStart, end - MAX_HELD_CHARS));
      }
      int release = (int) (keep - heldStart);
      if (release <= 0) {
        return "";
      }
      String out = held.substring(0, release);
      held.delete(0, release);
      heldStart = keep;
      return inner == null ? out : inner.feed(out);
    }

    @Override
    public String finish() {
      if (shared.leaked || scan.end()) {
        shared.leaked = true;
        held.setLength(0);
        return "";
      }
      String rest = held.toString();
      held.setLength(0);
      heldStart += rest.length();
      if (inner == null) {
        return rest;
      }
      return rest.isEmpty() ? inner.finish() : inner.feed(rest) + inner.finish();
    }
  }
}
