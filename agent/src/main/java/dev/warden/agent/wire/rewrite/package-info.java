/**
 * Response rewriting: the completion text of a JSON body or an event stream, and the arguments of
 * the tool calls the model makes, restored and redacted by the call's {@link
 * dev.warden.policies.pii.CompletionRewriter} before the application reads them, so that a tool
 * the application runs gets the real values, not placeholders. Entry point: {@link
 * dev.warden.agent.wire.WireAdapter#rewriteResponse}, which returns a {@link
 * dev.warden.agent.wire.rewrite.RewrittenBody}; each format says where its text is in a {@link
 * dev.warden.agent.wire.rewrite.CompletionTexts} next to its adapter.
 *
 * <p>What changes and what does not:
 *
 * <ul>
 *   <li>JSON: the body is read whole (at most {@link
 *       dev.warden.agent.wire.rewrite.RewrittenBody#DEFAULT_MAX_JSON_BYTES}); only the completion text
 *       strings and tool call arguments are replaced in the original bytes. Refusals, thinking and
 *       annotations are left as they are.
 *   <li>Tool call arguments: where the format writes them as JSON text in a string (OpenAI's
 *       {@code arguments}, Anthropic's streamed {@code partial_json}), whole or in fragments, the
 *       rewriter's {@link dev.warden.policies.pii.CompletionRewriter#forJsonText() JSON text
 *       variant} restores each value escaped for the string it is in, so the arguments stay valid
 *       JSON; where they are a JSON object (Anthropic's {@code input}), each string value inside is
 *       rewritten as text, and keys are left as they are; free text (the input of a Responses
 *       custom tool call) is rewritten as text. Fragments of one tool call form one stream
 *       channel, with the same hold-back as text.
 *   <li>Streams: events are rewritten one by one as the application reads, never buffering more
 *       than the event being assembled (at most {@link
 *       dev.warden.agent.wire.rewrite.RewrittenBody#DEFAULT_MAX_EVENT_BYTES}). A text delta carries
 *       what the rewriter releases (possibly ""); what it holds back goes out, when the channel
 *       ends, as an extra delta event, a copy of the channel's last delta with the text replaced,
 *       just before the event that ends the channel (the SDK accumulators accept nothing for a
 *       choice after its finish reason, nor anything after {@code message_stop}). Whole texts and
 *       arguments that a stream repeats (Responses' done, part, item and completed events) are
 *       rewritten whole and agree with the deltas. Every other event, comment, id and line
 *       ending goes out as received.
 *   <li>Anything unreadable (not JSON, a repeated key, over the bound, a rewriter that throws)
 *       passes through unchanged and is counted by {@link
 *       dev.warden.agent.wire.rewrite.RewrittenBody#unreadable()}; nothing is thrown into the
 *       application but the source's own I/O exceptions.
 *   <li>A stream cut short (end of stream or I/O exception without the format's end events) first
 *       releases the text held for each open channel, then passes the unfinished event through
 *       (an SSE client discards it), then ends or rethrows.
 * </ul>
 *
 * <p>The body must be the decoded entity: a compressed body cannot be read and passes through.
 * So when a call's response must be rewritten and the application asked for compression itself,
 * the request goes out with {@code Accept-Encoding: identity} (see {@code CallDecider}).
 */
package dev.warden.agent.wire.rewrite;
