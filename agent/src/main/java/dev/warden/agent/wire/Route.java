package dev.warden.agent.wire;

/**
 * A recognised LLM endpoint: which provider a request goes to, in which wire format, for which
 * operation, and the adapter that reads its body. Instances are created once per
 * {@link EndpointRecognizer} and shared by every matching request.
 *
 * @param provider  provider name from the policy (openai, anthropic, or a configured name)
 * @param format    wire format: {@link #OPENAI} or {@link #ANTHROPIC}
 * @param operation GenAI operation name: chat or embeddings
 * @param adapter   the adapter that decodes this endpoint's requests and observes its responses
 */
public record Route(String provider, String format, String operation, WireAdapter adapter) {

  /** The OpenAI wire format, also spoken by OpenAI-compatible servers. */
  public static final String OPENAI = "openai";

  /** The Anthropic Messages wire format. */
  public static final String ANTHROPIC = "anthropic";

  /** GenAI operation name of chat-like calls (Chat Completions, Responses, Messages). */
  public static final String CHAT = "chat";

  /** GenAI operation name of embeddings calls. */
  public static final String EMBEDDINGS = "embeddings";
}
