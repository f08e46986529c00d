package dev.warden.it.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Drives LangChain4j's OpenAI models on their default HTTP client, the JDK's
 * {@code java.net.http.HttpClient}; a subclass drives another provider's models through the same
 * calls. Arguments: base URL, API key.
 */
public class LangChain4jDriver implements DriverLoop.Client {

  private static final ObjectMapper JSON = new ObjectMapper();

  protected final String baseUrl;
  protected final String apiKey;

  protected LangChain4jDriver(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    DriverLoop.serve(new LangChain4jDriver(args[0], args[1]));
  }

  @Override
  public String chat(String model, String prompt) {
    return chatModel(model).chat(prompt);
  }

  /** Checks that the complete response agrees with the partial responses. */
  @Override
  public String stream(String model, String prompt) throws Exception {
    StringBuilder text = new StringBuilder();
    ChatResponse response = streamed(model, ChatRequest.builder().messages(UserMessage.from(prompt)).build(), text,
        new StringBuilder());
    String complete = response.aiMessage().text();
    if (!text.toString().equals(complete)) {
      return "FAILURE|partials '" + text + "' but complete response '" + complete + "'";
    }
    return complete;
  }

  @Override
  public String systemChat(String model, String system, String prompt) {
    return chatModel(model).chat(ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(prompt)).build())
        .aiMessage()
        .text();
  }

  @Override
  public String systemStream(String model, String system, String prompt) throws DriverLoop.StreamFailure {
    StringBuilder text = new StringBuilder();
    try {
      return streamed(model, ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(prompt))
          .build(), text, new StringBuilder()).aiMessage().text();
    } catch (Exception e) {
      throw new DriverLoop.StreamFailure(text.toString(), e);
    }
  }

  @Override
  public String tool(String model, String prompt) throws IOException {
    ChatResponse response = chatModel(model).chat(toolRequest(prompt));
    return textArgument(response.aiMessage().toolExecutionRequests());
  }

  @Override
  public String toolResult(String model, String result) {
    ToolExecutionRequest call = ToolExecutionRequest.builder().id("call_1").name("fetch_page").arguments("{}").build();
    ChatRequest request = ChatRequest.builder()
        .messages(UserMessage.from("Summarise the page for me"), AiMessage.from(call),
            ToolExecutionResultMessage.from(call, result))
        .build();
    return chatModel(model).chat(request)
        .aiMessage()
        .text();
  }

  /** Checks that the complete tool call agrees with the partial ones. */
  @Override
  public String toolStream(String model, String prompt) throws Exception {
    StringBuilder arguments = new StringBuilder();
    ChatResponse response = streamed(model, toolRequest(prompt), new StringBuilder(), arguments);
    List<ToolExecutionRequest> calls = response.aiMessage().toolExecutionRequests();
    if (calls.isEmpty() || streamsToolCallsInPieces() && !calls.get(0).arguments().equals(arguments.toString())) {
      return "FAILURE|partial arguments '" + arguments + "' but complete calls " + calls;
    }
    return textArgument(calls);
  }

  private ChatResponse streamed(String model, ChatRequest request, StringBuilder text, StringBuilder arguments)
      throws Exception {
    StreamingChatModel streaming = streamingModel(model);
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    streaming.chat(request, new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        text.append(partial);
      }

      @Override
      public void onPartialToolCall(PartialToolCall partial) {
        arguments.append(partial.partialArguments());
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
    try {
      return done.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static ChatRequest toolRequest(String prompt) {
    ToolSpecification sendEmail = ToolSpecification.builder()
        .name("send_email")
        .parameters(JsonObjectSchema.builder().addStringProperty("text").required("text").build())
        .build();
    return ChatRequest.builder().messages(UserMessage.from(prompt)).toolSpecifications(sendEmail).build();
  }

  /** Whether the model's stream hands out a tool call's arguments as partial tool calls. */
  protected boolean streamsToolCallsInPieces() {
    return true;
  }

  /** The streaming model. */
  protected StreamingChatModel streamingModel(String model) {
    return OpenAiStreamingChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .modelName(model)
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  /** The sync model, without retries: a blocked call must fail at once. */
  protected ChatModel chatModel(String model) {
    return OpenAiChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .modelName(model)
        .maxRetries(0)
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  /** The {@code text} member of the first call's arguments, which must be one JSON object. */
  private static String textArgument(List<ToolExecutionRequest> calls) throws IOException {
    if (calls.isEmpty()) {
      return "FAILURE|the model called no tool";
    }
    JsonNode parsed = JSON.readTree(calls.get(0).arguments());
    if (parsed == null || !parsed.isObject() || !parsed.path("text").isTextual()) {
      return "FAILURE|arguments are not {\"text\": …}: " + calls.get(0).arguments();
    }
    return parsed.get("text").textValue();
  }

  /**
   * LangChain4j maps an HTTP error to its own exception (403: AuthenticationException) around an
   * HttpException; an {@code error} event in a stream reaches the handler as an exception whose
   * message is the event's data (status 200, which the stream had already answered).
   */
  @Override
  public String describe(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException http) {
        return DriverLoop.errorFields(http.statusCode(), error, null, null, null, http.getMessage());
      }
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      JsonNode event = errorEvent(cause.getMessage());
      if (event != null) {
        return DriverLoop.errorFields(200, error, event.path("error").path("code").asText(null), null, null,
            cause.getMessage());
      }
    }
    return null;
  }

  private static JsonNode errorEvent(String message) {
    if (message == null || !message.startsWith("{")) {
      return null;
    }
    try {
      JsonNode data = JSON.readTree(message);
      return data != null && data.path("error").isObject() ? data : null;
    } catch (IOException e) {
      return null;
    }
  }
}
