package dev.warden.demo;

import java.time.Instant;

/**
 * What the fake provider answers to one request, before it is put in a provider's format.
 *
 * @param id          a unique suffix for the provider's response ids
 * @param model       the model the request named
 * @param text        the completion text; for a tool call, the call's arguments (JSON text)
 * @param toolName    the tool the model calls, or null for a text answer
 * @param inputTokens the stand-in prompt token count
 * @param created     seconds since the epoch
 */
record Completion(String id, String model, String text, String toolName, int inputTokens, long created) {

  static Completion of(long sequence, String model, String text, String prompt) {
    return new Completion(
        "fake" + sequence, model, text, null, TextChunks.tokens(prompt), Instant.now().getEpochSecond());
  }

  /** A call to {@code toolName} with {@code arguments} (JSON text) instead of a text answer. */
  static Completion toolCall(long sequence, String model, String toolName, String arguments, String prompt) {
    return new Completion(
        "fake" + sequence, model, arguments, toolName, TextChunks.tokens(prompt), Instant.now().getEpochSecond());
  }

  boolean isToolCall() {
    return toolName != null;
  }

  int outputTokens() {
    return TextChunks.tokens(text);
  }
}
