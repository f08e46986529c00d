package dev.warden.policies.pseudonym;

import dev.warden.policies.pii.CompletionRewriter;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Span;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code completions: detect}: counts, by type, the personal data the model produced, and changes
 * nothing but the call's own placeholders (restored by the wrapped rewriter, if any). Stream
 * channels release every delta at once (no hold-back beyond the restorer's) and scan what they saw
 * when they finish, or every {@link #SCAN_CHUNK} chars, so detection adds no latency. Thread-safe;
 * the counts are shared by every channel and by the JSON text variant.
 */
public final class DetectingRewriter implements CompletionRewriter {

  /** A channel scans and forgets its text when it holds this many chars (bounds its memory). */
  static final int SCAN_CHUNK = 64 * 1024;

  /** Kept from a scanned chunk for the next one, so a match across the cut is seen whole. */
  static final int OVERLAP = 256;

  private final PiiScanner scanner;
  private final CompletionRewriter restorer;
  private final Map<String, Integer> counts;

  private DetectingRewriter(PiiScanner scanner, CompletionRewriter restorer, Map<String, Integer> counts) {
    this.scanner = scanner;
    this.restorer = restorer;
    this.counts = counts;
  }

  /**
   * @param scanner  what to look for
   * @param restorer the call's placeholder restorer, or null when there is nothing to restore
   */
  public static DetectingRewriter of(PiiScanner scanner, CompletionRewriter restorer) {
    return new DetectingRewriter(scanner, restorer, new TreeMap<>());
  }

  @Override
  public String rewrite(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    count(scanner.scan(text), -1, Integer.MAX_VALUE);
    return restorer == null ? text : restorer.rewrite(text);
  }

  @Override
  public Channel channel() {
    return new Counting(restorer == null ? null : restorer.channel());
  }

  @Override
  public CompletionRewriter forJsonText() {
    return new DetectingRewriter(scanner, restorer == null ? null : restorer.forJsonText(), counts);
  }

  @Override
  public Map<String, Integer> findings() {
    synchronized (counts) {
      return Map.copyOf(counts);
    }
  }

  /**
   * Counts the spans that end after {@code from} and by {@code limit}. Placeholders hold no
   * personal data, so no span needs to be excluded for them.
   */
  private void count(List<Span> spans, int from, int limit) {
    if (spans.isEmpty()) {
      return;
    }
    synchronized (counts) {
      for (Span span : spans) {
        if (span.end() > from && span.end() <= limit) {
          counts.merge(span.type(), 1, Integer::sum);
        }
      }
    }
  }

  private final class Counting implements Channel {

    private final Channel restoring;
    private final StringBuilder seen = new StringBuilder();
    /** The findings of {@code seen} that end by here were counted with the previous chunk. */
    private int counted;

    Counting(Channel restoring) {
      this.restoring = restoring;
    }

    @Override
    public String feed(String delta) {
      if (delta == null || delta.isEmpty()) {
        return "";
      }
      seen.append(delta);
      if (seen.length() >= SCAN_CHUNK) {
        forgetCounted();
      }
      return restoring == null ? delta : restoring.feed(delta);
    }

    /**
     * Counts what ends before the last {@link #OVERLAP} chars and forgets the text before them,
     * or before the start of a finding that crosses into them, which is counted next time.
     */
    private void forgetCounted() {
      List<Span> spans = scanner.scan(seen);
      int cut = seen.length() - OVERLAP;
      count(spans, counted, cut);
      int keep = cut;
      for (Span span : spans) {
        if (span.end() > cut) {
          keep = Math.min(keep, span.start());
        }
      }
      // a finding longer than half a chunk is not kept whole: memory stays bounded
      keep = Math.max(keep, seen.length() - SCAN_CHUNK / 2);
      seen.delete(0, keep);
      counted = Math.max(0, cut - keep);
    }

    @Override
    public String finish() {
      count(scanner.scan(seen), counted, Integer.MAX_VALUE);
      seen.setLength(0);
      return restoring == null ? "" : restoring.finish();
    }
  }
}
