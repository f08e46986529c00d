package dev.warden.it.drivers;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import java.time.Duration;

/**
 * Drives LangChain4j's {@code GoogleAiGeminiChatModel} and {@code GoogleAiGeminiStreamingChatModel}
 * on their default HTTP client, the JDK's. Arguments: base URL (with the API version), API key.
 */
public final class LangChain4jGeminiDriver extends LangChain4jDriver {

  private LangChain4jGeminiDriver(String baseUrl, String apiKey) {
    super(baseUrl, apiKey);
  }

  public static void main(String[] args) throws Exception {
    DriverLoop.serve(new LangChain4jGeminiDriver(args[0], args[1]));
  }

  /** Gemini streams a function call whole, in one response: LangChain4j reports only the complete call. */
  @Override
  protected boolean streamsToolCallsInPieces() {
    return false;
  }

  @Override
  protected StreamingChatModel streamingModel(String model) {
    return GoogleAiGeminiStreamingChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .modelName(model)
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  /** Without retries: a blocked call must fail at once. */
  @Override
  protected ChatModel chatModel(String model) {
    return GoogleAiGeminiChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .modelName(model)
        .maxRetries(0)
        .timeout(Duration.ofSeconds(30))
        .build();
  }
}
