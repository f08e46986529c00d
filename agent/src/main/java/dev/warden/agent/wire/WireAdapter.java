package dev.warden.agent.wire;

import dev.warden.agent.wire.response.ResponseObserver;
import dev.warden.agent.wire.rewrite.PushRewrite;
import dev.warden.agent.wire.rewrite.CompletionTexts;
import dev.warden.agent.wire.rewrite.RewrittenBody;
import dev.warden.policies.pii.CompletionRewriter;
import java.io.InputStream;
import java.util.List;

/**
 * Reads one provider endpoint's JSON: request bodies into the neutral exchange model (and back),
 * response bodies into a telemetry summary. Implementations are stateless singletons, safe for
 * concurrent use.
 *
 * <p>Message indices in the decoded parts follow the logical conversation: a top-level system
 * prompt ({@code system}, {@code instructions}) is message 0 when present and the body's message
 * or input array follows, so its item {@code i} becomes message {@code i + 1}; without a top-level
 * prompt, item {@code i} is message {@code i}.
 */
public interface WireAdapter {

  /**
   * Decodes a request body.
   *
   * @param route          the route the request was recognised as
   * @param body           the exact bytes about to be sent; not modified, and kept by the result
   * @param keyFingerprint the API key's fingerprint ({@link KeyFingerprint}), or null
   * @return the decoded request, or null when the body is not a UTF-8 JSON object (or repeats a
   *     key), in which case the caller must treat the body as unreadable. Never throws for bad input.
   */
  DecodedRequest decode(Route route, byte[] body, String keyFingerprint);

  /**
   * The request fields that limit the output tokens, the one to add first when a key scope's
   * {@code maxOutputTokens} clamps a request that names none; empty for formats without output
   * (embeddings).
   */
  default List<String> outputTokenFields() {
    return List.of();
  }

  /**
   * The top-level member that holds the {@link #outputTokenFields()}, created when absent (Gemini's
   * {@code generationConfig}); null when they sit at the top level of the body.
   */
  default String outputTokenContainer() {
    return null;
  }

  /**
   * Creates a fresh observer for one response body of this endpoint.
   *
   * @param eventStream true when the response is {@code text/event-stream}, false for a JSON body
   */
  ResponseObserver observeResponse(boolean eventStream);

  /**
   * Wraps a response body so that the application reads its completion text rewritten: pseudonyms
   * restored, completions redacted, as {@code rewriter} decides, in the completion text and in the
   * arguments of tool calls. Only those strings change; every other byte, and every stream event
   * without such text, passes as received. A JSON
   * body is read whole (up to {@link RewrittenBody#DEFAULT_MAX_JSON_BYTES}) on the first read; an
   * event stream is rewritten event by event as the application reads. Formats without completion
   * text (embeddings) return the body unchanged.
   *
   * @param body        the response body as received; closed when the result is closed
   * @param eventStream true when the response is {@code text/event-stream}, false for a JSON body
   * @param rewriter    the call's rewriter ({@code Decision.completionRewriter()}); null leaves
   *     the body unchanged
   * @return the body to hand to the application instead of {@code body}; never null, never throws
   *     for bad content (see {@link RewrittenBody#unreadable()})
   */
  default RewrittenBody rewriteResponse(InputStream body, boolean eventStream, CompletionRewriter rewriter) {
    return rewriteResponse(body, eventStream, rewriter, null);
  }

  /**
   * As {@link #rewriteResponse(InputStream, boolean, CompletionRewriter)}, and when the rewriter
   * finds a leak ({@link CompletionRewriter#leaked()}) the application gets {@code withheldBody}
   * instead: a JSON body replaced whole, a stream ended with the format's error event carrying it
   * (see {@link RewrittenBody#withheld()}).
   *
   * @param withheldBody the provider-shaped error of the block response; null when the rewriter
   *     does not check for leaks
   */
  default RewrittenBody rewriteResponse(InputStream body, boolean eventStream, CompletionRewriter rewriter,
      byte[] withheldBody) {
    CompletionTexts texts = completionTexts();
    return texts == null ? RewrittenBody.unchanged(body)
        : RewrittenBody.of(body, eventStream, rewriter, texts, withheldBody);
  }

  /**
   * A push-based rewriter of a response body, for transports that push bytes (the AWS SDK's async
   * response publisher); null when this format has none, and the transport then reads the body
   * whole through {@link #rewriteResponse} (JSON) or passes it unchanged. Same contract as
   * {@link #rewriteResponse(InputStream, boolean, CompletionRewriter, byte[])}.
   */
  default PushRewrite pushRewrite(boolean eventStream, CompletionRewriter rewriter, byte[] withheldBody) {
    CompletionTexts texts = completionTexts();
    return eventStream && rewriter != null && texts != null ? RewrittenBody.events(rewriter, texts, withheldBody) : null;
  }

  /**
   * Where this format's completion text sits in a JSON response and in the events of an SSE
   * stream, which the default rewrites use; null for formats without completion text (embeddings)
   * or with a stream of their own (Bedrock's binary event stream).
   */
  default CompletionTexts completionTexts() {
    return null;
  }
}
