package dev.warden.it.drivers;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.time.Duration;

/**
 * Drives LangChain4j's {@code AnthropicChatModel} and {@code AnthropicStreamingChatModel} on their
 * default HTTP client, the JDK's; the key travels in {@code x-api-key}. Arguments: base URL (with
 * {@code /v1/}), API key.
 */
public final class LangChain4jAnthropicDriver extends LangChain4jDriver {

  private LangChain4jAnthropicDriver(String baseUrl, String apiKey) {
    super(baseUrl, apiKey);
  }

  public static void main(String[] args) throws Exception {
    DriverLoop.serve(new LangChain4jAnthropicDriver(args[0], args[1]));
  }

  @Override
  protected StreamingChatModel streamingModel(String model) {
    return AnthropicStreamingChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .modelName(model)
        .maxTokens(256)
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  /** Without retries: a blocked call must fail at once. */
  @Override
  protected ChatModel chatModel(String model) {
    return AnthropicChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .modelName(model)
        .maxTokens(256)
        .maxRetries(0)
        .timeout(Duration.ofSeconds(30))
        .build();
  }
}
