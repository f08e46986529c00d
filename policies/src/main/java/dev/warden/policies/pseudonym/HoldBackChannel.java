package dev.warden.policies.pseudonym;

import static dev.warden.policies.pseudonym.CompletionFilter.CONTEXT_CHARS;
import static dev.warden.policies.pseudonym.CompletionFilter.LOOK_BEHIND_CHARS;
import static dev.warden.policies.pseudonym.CompletionFilter.MAX_HELD_CHARS;

import dev.warden.policies.pii.CompletionRewriter;
import dev.warden.policies.pii.Span;
import java.util.Arrays;
import java.util.List;

/**
 * One stream of a {@link CompletionFilter}: a bounded hold-back buffer, described on
 * {@link CompletionFilter#channel()}. Each feed costs time linear in the delta plus, when
 * something is released while redacting, one scan of the held text and the look-behind. Not
 * thread-safe.
 */
final class HoldBackChannel implements CompletionRewriter.Channel {

  private final CompletionFilter rewriter;
  private final boolean redacts;
  /** Raw text received and not yet released. */
  private final StringBuilder pending = new StringBuilder();
  /**
   * When redacting: raw released text shown to the scanner before {@code pending}, at least
   * {@link CompletionFilter#LOOK_BEHIND_CHARS} of it when there is, and always starting at an
   * earlier release point, where no match crossed. Starting there, a recognizer that scans left to
   * right sees matches where it sees them in the whole text, even in a long chain of numbers.
   */
  private final StringBuilder lookBehind = new StringBuilder();
  /** Release points inside {@code lookBehind}, ascending; the first is 0. */
  private int[] releasePoints = new int[16];
  private int releasePointCount = 1;

  /** {@code pending[0, wsChecked)} has been searched for whitespace. */
  private int wsChecked;
  /** The largest {@code p <= wsChecked} with whitespace at {@code p - 1}; 0 when none. */
  private int lastWordStart;

  private final PemBlockTracker pemBlocks = new PemBlockTracker();
  /** For JSON text when redacting: where strings and escapes are at the start of {@code pending}; else null. */
  private final JsonTextTracker json;

  HoldBackChannel(CompletionFilter rewriter) {
    this.rewriter = rewriter;
    this.redacts = rewriter.redacts();
    this.json = redacts && rewriter.jsonText() ? new JsonTextTracker() : null;
  }

  @Override
  public String feed(String delta) {
    if (delta == null || delta.isEmpty()) {
      return "";
    }
    pending.append(delta);
    if (!redacts) {
      return releaseRestored(keepPair(placeholderTail()));
    }
    pemBlocks.scan(pending);
    int len = pending.length();
    int cut = Math.min(wordStartAtOrBefore(len - CONTEXT_CHARS), placeholderTail());
    int pemHoldFrom = pemBlocks.holdFrom();
    if (pemHoldFrom >= 0) {
      cut = Math.min(cut, pemHoldFrom);
    }
    if (len - cut > MAX_HELD_CHARS) {
      return releaseRedacted(forcedCut(), true, false);
    }
    return cut <= 0 ? "" : releaseRedacted(cut, false, false);
  }

  @Override
  public String finish() {
    if (pending.length() == 0) {
      return "";
    }
    return redacts ? releaseRedacted(pending.length(), true, true) : releaseRestored(pending.length());
  }

  /** How many chars are held back now. */
  int held() {
    return pending.length();
  }

  private String releaseRestored(int cut) {
    if (cut <= 0) {
      return "";
    }
    StringBuilder out = new StringBuilder(cut + 16);
    rewriter.restore(pending, 0, cut, out);
    pending.delete(0, cut);
    return out.toString();
  }

  /**
   * Releases {@code pending[0, cut)}, moved back to the start of a match that crosses it (or, when
   * {@code forced}, on to its end) and out of any placeholder and surrogate pair.
   */
  private String releaseRedacted(int cut, boolean forced, boolean finishing) {
    int ctx = lookBehind.length();
    String window = new StringBuilder(ctx + pending.length()).append(lookBehind).append(pending).toString();
    int len = window.length();
    List<Span> found = rewriter.scan(window);
    int c = ctx + cut;
    for (int k = 0, n = found.size(); k < n; k++) {
      Span span = found.get(k);
      if (span.start() >= c) {
        break;
      }
      if (span.end() > c) {
        c = forced || len - span.start() > MAX_HELD_CHARS ? span.end() : Math.max(ctx, span.start());
        break;
      }
    }
    if (!finishing) {
      int enclosing = rewriter.enclosingPlaceholderStart(window, c);
      if (enclosing >= 0) {
        c = enclosing;
      }
      if (c > ctx && Character.isHighSurrogate(window.charAt(c - 1))) {
        c--;
      }
    }
    if (c <= ctx) {
      return "";
    }
    StringBuilder out = new StringBuilder(c - ctx + 16);
    rewriter.emit(window, ctx, c, rewriter.redactable(window, found), json, out);
    lookBehind.append(pending, 0, c - ctx);
    keepLookBehind();
    released(c - ctx);
    return out.toString();
  }

  /** Records the end of {@code lookBehind} as a release point and drops what is no longer needed. */
  private void keepLookBehind() {
    int end = lookBehind.length();
    if (releasePointCount == releasePoints.length) {
      releasePoints = Arrays.copyOf(releasePoints, releasePointCount * 2);
    }
    releasePoints[releasePointCount++] = end;
    int keep = 0;
    for (int i = releasePointCount - 1; i > 0; i--) {
      if (releasePoints[i] <= end - LOOK_BEHIND_CHARS) {
        keep = i;
        break;
      }
    }
    if (keep > 0) {
      int start = releasePoints[keep];
      lookBehind.delete(0, start);
      int n = 0;
      for (int i = keep; i < releasePointCount; i++) {
        releasePoints[n++] = releasePoints[i] - start;
      }
      releasePointCount = n;
    }
  }

  /** Drops the first {@code r} chars of {@code pending} and moves the trackers along. */
  private void released(int r) {
    pending.delete(0, r);
    wsChecked = Math.max(0, wsChecked - r);
    lastWordStart = lastWordStart > r ? lastWordStart - r : 0;
    pemBlocks.released(r);
  }

  /** Start of a trailing {@code <…} that may still grow into a placeholder; {@code pending.length()} if none. */
  private int placeholderTail() {
    int len = pending.length();
    if (!rewriter.restores()) {
      return len;
    }
    int max = rewriter.maxPlaceholderLength();
    for (int i = len - 1; i >= 0 && i > len - max; i--) {
      char c = pending.charAt(i);
      if (c == '<') {
        return couldGrowIntoPlaceholder(i + 1, len) ? i : len;
      }
      if (c == '>') {
        return len;
      }
    }
    return len;
  }

  /** Whether {@code pending[from, to)} is a prefix of {@code TYPE_hex>}, the part after {@code <}. */
  private boolean couldGrowIntoPlaceholder(int from, int to) {
    int underscore = -1;
    for (int i = to - 1; i >= from && underscore < 0; i--) {
      if (pending.charAt(i) == '_') {
        underscore = i;
      }
    }
    int typeEnd = underscore < 0 ? to : underscore;
    for (int i = from; i < typeEnd; i++) {
      if (!PseudonymVault.isTypeChar(pending.charAt(i))) {
        return false;
      }
    }
    boolean type = true;
    boolean hex = true;
    for (int i = typeEnd + 1; i < to; i++) {
      char c = pending.charAt(i);
      type &= PseudonymVault.isTypeChar(c);
      hex &= (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
    return type || hex;
  }

  /** The largest word start (a position after whitespace) not after {@code x}; 0 if none. */
  private int wordStartAtOrBefore(int x) {
    if (x <= 0) {
      return 0;
    }
    for (int i = wsChecked; i < x; i++) {
      if (Character.isWhitespace(pending.charAt(i))) {
        lastWordStart = i + 1;
      }
    }
    wsChecked = Math.max(wsChecked, x);
    return lastWordStart <= x ? lastWordStart : wordStartBackFrom(x, 0);
  }

  private int wordStartBackFrom(int x, int floor) {
    for (int p = x; p > floor; p--) {
      if (Character.isWhitespace(pending.charAt(p - 1))) {
        return p;
      }
    }
    return floor;
  }

  /** Over the cap: a cut that keeps half the cap, at a word start within the older half if any. */
  private int forcedCut() {
    int len = pending.length();
    int target = len - MAX_HELD_CHARS / 2;
    int p = wordStartBackFrom(target, len - MAX_HELD_CHARS);
    int c = p > len - MAX_HELD_CHARS ? p : target;
    return Character.isHighSurrogate(pending.charAt(c - 1)) ? c - 1 : c;
  }

  /** {@code cut}, moved back by one when it would split a surrogate pair or end on a high surrogate. */
  private int keepPair(int cut) {
    return cut > 0 && Character.isHighSurrogate(pending.charAt(cut - 1)) ? cut - 1 : cut;
  }
}
