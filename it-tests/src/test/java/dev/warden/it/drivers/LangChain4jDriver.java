package dev.warden.it.drivers;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Drives LangChain4j's OpenAI models on their default HTTP client, the JDK's
 * {@code java.net.http.HttpClient}. Arguments: base URL, API key.
 */
public final class LangChain4jDriver implements DriverLoop.Client {

  private final String baseUrl;
  private final String apiKey;

  private LangChain4jDriver(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    DriverLoop.serve(new LangChain4jDriver(args[0], args[1]));
  }

  @Override
  public String chat(String model, String prompt) {
    return OpenAiChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .modelName(model)
        .maxRetries(0)
        .timeout(Duration.ofSeconds(30))
        .build()
        .chat(prompt);
  }

  /** Checks that the complete response agrees with the partial responses. */
  @Override
  public String stream(String model, String prompt) throws Exception {
    OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .modelName(model)
        .timeout(Duration.ofSeconds(30))
        .build();
    StringBuilder text = new StringBuilder();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    streaming.chat(prompt, new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        text.append(partial);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    ChatResponse response;
    try {
      response = done.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    String complete = response.aiMessage().text();
    if (!text.toString().equals(complete)) {
      return "FAILURE|partials '" + text + "' but complete response '" + complete + "'";
    }
    return complete;
  }

  /** LangChain4j maps an HTTP error to its own exception (403: AuthenticationException) around an HttpException. */
  @Override
  public String describe(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException http) {
        return DriverLoop.errorFields(http.statusCode(), error, null, null, http.getMessage());
      }
    }
    return null;
  }
}
