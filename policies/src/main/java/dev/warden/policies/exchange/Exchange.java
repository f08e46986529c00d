package dev.warden.policies.exchange;

import java.util.List;

/**
 * A provider-neutral view of one LLM request, built by a wire adapter from the bytes about to
 * leave the process. Immutable.
 *
 * @param provider       provider name as policies refer to it (openai, anthropic, or a configured name)
 * @param operation      GenAI operation name: chat or embeddings
 * @param model          requested model, or null when the body names none
 * @param stream         whether the response is requested as a stream
 * @param keyFingerprint "sha256:" + lowercase hex SHA-256 of the API key, or null when none was sent
 * @param maxTokens      requested output token limit, or null
 * @param parts          every text the policy may scan or rewrite, in document order
 */
public record Exchange(
    String provider,
    String operation,
    String model,
    boolean stream,
    String keyFingerprint,
    Integer maxTokens,
    List<TextPart> parts) {

  public Exchange {
    parts = List.copyOf(parts);
  }
}
