/**
 * Wire adapters: the plain-Java code between the transport hooks and the policy. Nothing here
 * touches bytecode, an HTTP client library or telemetry, so all of it is unit-tested directly.
 *
 * <p>The path of one call through this package:
 *
 * <ol>
 *   <li>{@link dev.warden.agent.wire.EndpointRecognizer#recognize} on every request (method, host,
 *       port, path); null means "not an LLM call, pass untouched".
 *   <li>{@link dev.warden.agent.wire.Route#adapter()}{@code .decode(route, body,
 *       }{@link dev.warden.agent.wire.KeyFingerprint#of}{@code (headers))}; null means the body
 *       cannot be read, and the policy's {@code onError} decides.
 *   <li>The policy decides on {@link dev.warden.agent.wire.DecodedRequest#exchange()}.
 *   <li>Block: send {@link dev.warden.agent.wire.BlockResponses#of} instead of calling the network.
 *       Modify: send {@link dev.warden.agent.wire.DecodedRequest#encode} of the rewritten parts
 *       (fix up {@code Content-Length}). Otherwise send the original bytes.
 *   <li>Wrap the response body in a {@link dev.warden.agent.wire.response.ObservedInputStream} with
 *       {@code route.adapter().observeResponse(isEventStream)}; its callback gets the
 *       {@link dev.warden.agent.wire.response.ResponseSummary} when the body ends or is closed.
 *   <li>When the decision carries a completion rewriter, wrap that in turn with
 *       {@link dev.warden.agent.wire.WireAdapter#rewriteResponse}{@code (observed, isEventStream,
 *       rewriter)} and hand the application the result (drop {@code Content-Length}: the length
 *       changes). The observer sees the bytes as the provider sent them.
 * </ol>
 *
 * <p>Invariants: request text, completions and keys never appear in an exception message or a
 * log line; unreadable input yields null or an empty summary, never an exception; a response body
 * passes through byte for byte, except the completion text strings a rewriter changes and the
 * extra delta events that carry text it held back ({@link dev.warden.agent.wire.rewrite}).
 */
package dev.warden.agent.wire;
