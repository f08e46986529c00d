package dev.warden.policies.pii;

import java.util.Map;

/**
 * Rewrites the completion text of one call's response before the application sees it: restores
 * the call's pseudonyms and, when the policy says so, redacts personal data the model produced.
 * Made per call by the policy; a wire adapter applies it to the text fields of a JSON response or,
 * for a stream, to the text deltas of each channel (a choice, a content block, a tool call), and
 * applies {@link #forJsonText()} to the tool call arguments that the model writes as JSON text.
 *
 * <p>Streams: text that might be the start of something to rewrite (a placeholder cut in two
 * by chunking, an e-mail address still being written) is held back, a bounded amount, and released
 * with a later delta or by {@link Channel#finish()}. Concatenating everything a channel returns
 * equals {@link #rewrite} of the concatenated deltas.
 */
public interface CompletionRewriter {

  /** A rewriter that changes nothing: every text, delta and JSON text comes out as it went in. */
  static CompletionRewriter unchanged() {
    return UnchangedRewriter.INSTANCE;
  }

  /** The rewritten form of a whole completion text. */
  String rewrite(String text);

  /** A new, independent stream channel. */
  Channel channel();

  /**
   * The same rewrite for JSON text, such as the arguments of a tool call (a JSON document held in
   * a string, or the fragments a stream cuts it into): each restored value is written as the
   * content of a JSON string (quotes, backslashes and control chars escaped), so that a value
   * restored inside a string keeps the document valid JSON; and a redaction never leaves half an
   * escape sequence behind, and outside strings (a number the model wrote) puts its marker in a
   * string of its own. Everything else the model wrote stays as it is. The text is read from the
   * start of a document: outside any string. Same stream contract as this rewriter.
   */
  CompletionRewriter forJsonText();

  /**
   * The personal data the model produced, by entity type, as far as it has been read: counts for
   * {@code completions: detect}, which records and changes nothing. Empty for a rewriter that
   * does not count.
   */
  default Map<String, Integer> findings() {
    return Map.of();
  }

  /**
   * The application's own version of request text that a response repeats (the Responses API
   * echoes its {@code instructions}): what the policy planted in it for the call taken out again.
   * Not checked for leaks: the response only repeats what was sent. Unchanged by default.
   */
  default String requestEcho(String echoed) {
    return echoed;
  }

  /**
   * True when this rewriter checks the completion for a leak of what the policy protects (the
   * call's canary and system prompt), so that {@link #leaked()} may turn true: a caller that could
   * still answer the call otherwise (another status) should read a JSON response whole first.
   */
  default boolean checksLeaks() {
    return false;
  }

  /**
   * True once any text this rewriter, its channels or its {@link #forJsonText()} variant read has
   * leaked what the policy protects. The leaking text and everything after it, in every channel,
   * come out as "": the caller must answer with the block response ({@code canary_leaked}) instead
   * of what it holds. Never true for a rewriter that does not {@link #checksLeaks()}. Thread-safe.
   */
  default boolean leaked() {
    return false;
  }

  /** One stream of text deltas. Not thread-safe: one reader feeds it. */
  interface Channel {

    /** Takes the next delta; returns the text to release now, possibly empty. */
    String feed(String delta);

    /** The channel's stream ended: returns whatever is still held back, rewritten. */
    String finish();
  }
}
