package dev.warden.demo;

import java.time.Instant;

/**
 * What the fake provider answers to one request, before it is put in a provider's format.
 *
 * @param id          a unique suffix for the provider's response ids
 * @param model       the model the request named
 * @param text        the completion text
 * @param inputTokens the stand-in prompt token count
 * @param created     seconds since the epoch
 */
record Completion(String id, String model, String text, int inputTokens, long created) {

  static Completion of(long sequence, String model, String text, String prompt) {
    return new Completion(
        "fake" + sequence, model, text, TextChunks.tokens(prompt), Instant.now().getEpochSecond());
  }

  int outputTokens() {
    return TextChunks.tokens(text);
  }
}
