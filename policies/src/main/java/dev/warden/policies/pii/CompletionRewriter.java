package dev.warden.policies.pii;

/**
 * Rewrites the completion text of one call's response before the application sees it: restores
 * the call's pseudonyms and, when the policy says so, redacts personal data the model produced.
 * Made per call by the policy; a wire adapter applies it to the text fields of a JSON response or,
 * for a stream, to the text deltas of each channel (a choice or a content block).
 *
 * <p>Streams: text that might be the start of something to rewrite (a placeholder cut in two
 * by chunking, an e-mail address still being written) is held back, a bounded amount, and released
 * with a later delta or by {@link Channel#finish()}. Concatenating everything a channel returns
 * equals {@link #rewrite} of the concatenated deltas.
 */
public interface CompletionRewriter {

  /** The rewritten form of a whole completion text. */
  String rewrite(String text);

  /** A new, independent stream channel. */
  Channel channel();

  /** One stream of text deltas. Not thread-safe: one reader feeds it. */
  interface Channel {

    /** Takes the next delta; returns the text to release now, possibly empty. */
    String feed(String delta);

    /** The channel's stream ended: returns whatever is still held back, rewritten. */
    String finish();
  }
}
