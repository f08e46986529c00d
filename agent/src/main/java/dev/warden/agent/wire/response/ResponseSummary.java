package dev.warden.agent.wire.response;

import java.util.List;

/**
 * What a response said about itself, for the span and metrics. Immutable.
 *
 * @param model         the model that answered ({@code gen_ai.response.model}), or null
 * @param inputTokens   prompt tokens as the provider reported them, or null
 * @param outputTokens  completion tokens as the provider reported them, or null
 * @param finishReasons finish or stop reasons in the order seen (one per choice); never null
 * @param complete      true when the body reached its regular end: the end of the JSON document,
 *                      or the stream's terminal event ({@code [DONE]}, {@code message_stop},
 *                      {@code response.completed}, a Gemini response with a finish reason, ...);
 *                      false when it was cut or closed early
 */
public record ResponseSummary(String model, Long inputTokens, Long outputTokens, List<String> finishReasons,
    boolean complete) {

  public ResponseSummary {
    finishReasons = List.copyOf(finishReasons);
  }

  /** The summary of a body from which nothing could be read. */
  public static ResponseSummary empty() {
    return new ResponseSummary(null, null, null, List.of(), false);
  }
}
