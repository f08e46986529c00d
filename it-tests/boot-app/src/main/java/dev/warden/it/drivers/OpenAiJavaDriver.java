package dev.warden.it.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Drives openai-java (OkHttp) chat completions. Arguments: base URL, API key; {@code -Ddriver.maxRetries=N}. */
public final class OpenAiJavaDriver implements DriverLoop.Client {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenAIClient client;

  private OpenAiJavaDriver(String baseUrl, String apiKey) {
    // -Ddriver.maxRetries=0 to see a 429 as the application would without the SDK's retries
    OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey);
    String maxRetries = System.getProperty("driver.maxRetries");
    this.client = (maxRetries == null ? builder : builder.maxRetries(Integer.parseInt(maxRetries))).build();
  }

  public static void main(String[] args) throws Exception {
    DriverLoop.serve(create(args[0], args[1]));
  }

  public static OpenAiJavaDriver create(String baseUrl, String apiKey) {
    return new OpenAiJavaDriver(baseUrl, apiKey);
  }

  @Override
  public String chat(String model, String prompt) {
    ChatCompletion completion = client.chat().completions().create(params(model, prompt));
    return completion.choices().get(0).message().content().orElse("");
  }

  /** Asks for the usage chunk too, and checks that the accumulated completion agrees with the deltas. */
  @Override
  public String stream(String model, String prompt) {
    ChatCompletionCreateParams params = params(model, prompt).toBuilder()
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
        .build();
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    StringBuilder text = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
      stream.stream().forEach(chunk -> {
        accumulator.accumulate(chunk);
        chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
      });
    }
    ChatCompletion whole = accumulator.chatCompletion();
    String accumulated = whole.choices().get(0).message().content().orElse("");
    if (!accumulated.equals(text.toString())) {
      return "FAILURE|deltas '" + text + "' but accumulated '" + accumulated + "'";
    }
    if (whole.usage().isEmpty()) {
      return "FAILURE|the stream had no usage chunk: " + text;
    }
    return text.toString();
  }

  @Override
  public String systemChat(String model, String system, String prompt) {
    ChatCompletion completion = client.chat().completions().create(systemParams(model, system, prompt));
    return completion.choices().get(0).message().content().orElse("");
  }

  @Override
  public String systemStream(String model, String system, String prompt) throws DriverLoop.StreamFailure {
    StringBuilder text = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(systemParams(model, system, prompt))) {
      stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
    } catch (RuntimeException e) {
      throw new DriverLoop.StreamFailure(text.toString(), e);
    }
    return text.toString();
  }

  @Override
  public String tool(String model, String prompt) throws IOException {
    ChatCompletion completion = client.chat().completions().create(toolParams(model, prompt));
    return textArgument(completion.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction()
        .function().arguments());
  }

  /** Checks that the accumulated call agrees with the argument fragments. */
  @Override
  public String toolStream(String model, String prompt) throws IOException {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    StringBuilder arguments = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(toolParams(model, prompt))) {
      stream.stream().forEach(chunk -> {
        accumulator.accumulate(chunk);
        chunk.choices().forEach(choice -> choice.delta().toolCalls().ifPresent(calls -> calls.forEach(
            call -> call.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::arguments)
                .ifPresent(arguments::append))));
      });
    }
    String accumulated = accumulator.chatCompletion().choices().get(0).message().toolCalls().orElseThrow().get(0)
        .asFunction().function().arguments();
    if (!accumulated.equals(arguments.toString())) {
      return "FAILURE|fragments '" + arguments + "' but accumulated '" + accumulated + "'";
    }
    return textArgument(accumulated);
  }

  @Override
  public String describe(Throwable error) {
    if (!(error instanceof OpenAIServiceException e)) {
      return null;
    }
    List<String> decision = e.headers().values("x-warden-decision");
    List<String> retryAfter = e.headers().values("retry-after");
    return DriverLoop.errorFields(e.statusCode(), e, e.code().orElse(null),
        decision.isEmpty() ? null : decision.get(0), retryAfter.isEmpty() ? null : retryAfter.get(0), e.body().toString());
  }

  private static ChatCompletionCreateParams params(String model, String prompt) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage(prompt).build();
  }

  private static ChatCompletionCreateParams systemParams(String model, String system, String prompt) {
    return ChatCompletionCreateParams.builder().model(model).addSystemMessage(system).addUserMessage(prompt).build();
  }

  private static ChatCompletionCreateParams toolParams(String model, String prompt) {
    FunctionParameters parameters = FunctionParameters.builder()
        .putAdditionalProperty("type", JsonValue.from("object"))
        .putAdditionalProperty("properties", JsonValue.from(Map.of("text", Map.of("type", "string"))))
        .build();
    return params(model, prompt).toBuilder()
        .addFunctionTool(FunctionDefinition.builder().name("send_email").parameters(parameters).build())
        .build();
  }

  /** The {@code text} member of the arguments, which must be one JSON object. */
  private static String textArgument(String arguments) throws IOException {
    JsonNode parsed = JSON.readTree(arguments);
    if (parsed == null || !parsed.isObject() || !parsed.path("text").isTextual()) {
      return "FAILURE|arguments are not {\"text\": …}: " + arguments;
    }
    return parsed.get("text").textValue();
  }
}
