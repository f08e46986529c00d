package dev.warden.it.drivers;

import com.azure.ai.openai.OpenAIAsyncClient;
import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.ai.openai.models.ChatChoice;
import com.azure.ai.openai.models.ChatCompletions;
import com.azure.ai.openai.models.ChatCompletionsFunctionToolCall;
import com.azure.ai.openai.models.ChatCompletionsFunctionToolDefinition;
import com.azure.ai.openai.models.ChatCompletionsFunctionToolDefinitionFunction;
import com.azure.ai.openai.models.ChatCompletionsOptions;
import com.azure.ai.openai.models.ChatCompletionsToolCall;
import com.azure.ai.openai.models.ChatRequestUserMessage;
import com.azure.ai.openai.models.ChatResponseMessage;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Drives azure-ai-openai chat completions on its default transport (azure-core over Reactor
 * Netty), through the blocking client or, with the third argument {@code async}, the reactive one.
 * Arguments: endpoint, API key, {@code sync} or {@code async}. The model names the deployment.
 *
 * <p>The key goes in the {@code api-key} header, as azure-core's key credential puts it, but from a
 * plain header policy: azure-core sends key credentials over HTTPS only, and the fake provider
 * listens on plain loopback HTTP.
 */
public final class AzureOpenAiDriver implements DriverLoop.Client {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenAIClient client;
  private final OpenAIAsyncClient asyncClient;

  private AzureOpenAiDriver(String endpoint, String apiKey, boolean async) {
    OpenAIClientBuilder builder = new OpenAIClientBuilder()
        .endpoint(endpoint)
        .addPolicy(new AddHeadersPolicy(new HttpHeaders().set("api-key", apiKey)))
        // a blocked call is final: retrying a 403 or 429 would only repeat the decision
        .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ZERO)));
    this.client = async ? null : builder.buildClient();
    this.asyncClient = async ? builder.buildAsyncClient() : null;
  }

  public static void main(String[] args) throws Exception {
    DriverLoop.serve(new AzureOpenAiDriver(args[0], args[1], args.length > 2 && args[2].equals("async")));
  }

  @Override
  public String chat(String model, String prompt) {
    return message(complete(model, options(prompt))).getContent();
  }

  @Override
  public String stream(String model, String prompt) {
    StringBuilder text = new StringBuilder();
    for (ChatCompletions chunk : stream(model, options(prompt))) {
      for (ChatChoice choice : chunk.getChoices()) {
        if (choice.getDelta() != null && choice.getDelta().getContent() != null) {
          text.append(choice.getDelta().getContent());
        }
      }
    }
    return text.toString();
  }

  @Override
  public String tool(String model, String prompt) throws Exception {
    ChatCompletionsToolCall call = message(complete(model, toolOptions(prompt))).getToolCalls().get(0);
    return textArgument(((ChatCompletionsFunctionToolCall) call).getFunction().getArguments());
  }

  @Override
  public String toolStream(String model, String prompt) throws Exception {
    StringBuilder arguments = new StringBuilder();
    for (ChatCompletions chunk : stream(model, toolOptions(prompt))) {
      for (ChatChoice choice : chunk.getChoices()) {
        ChatResponseMessage delta = choice.getDelta();
        if (delta != null && delta.getToolCalls() != null) {
          for (ChatCompletionsToolCall call : delta.getToolCalls()) {
            String fragment = ((ChatCompletionsFunctionToolCall) call).getFunction().getArguments();
            arguments.append(fragment == null ? "" : fragment);
          }
        }
      }
    }
    return textArgument(arguments.toString());
  }

  @Override
  public String describe(Throwable error) {
    if (!(error instanceof HttpResponseException e) || e.getResponse() == null) {
      return null;
    }
    return DriverLoop.errorFields(e.getResponse().getStatusCode(), e, null,
        e.getResponse().getHeaderValue("x-warden-decision"), e.getResponse().getHeaderValue("retry-after"),
        e.getMessage());
  }

  private ChatCompletions complete(String model, ChatCompletionsOptions options) {
    return client != null ? client.getChatCompletions(model, options)
        : asyncClient.getChatCompletions(model, options).block();
  }

  private Iterable<ChatCompletions> stream(String model, ChatCompletionsOptions options) {
    return client != null ? client.getChatCompletionsStream(model, options)
        : asyncClient.getChatCompletionsStream(model, options).toIterable();
  }

  private static ChatCompletionsOptions options(String prompt) {
    return new ChatCompletionsOptions(List.of(new ChatRequestUserMessage(prompt))).setMaxTokens(256);
  }

  private static ChatCompletionsOptions toolOptions(String prompt) {
    BinaryData schema = BinaryData.fromObject(
        Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string"))));
    return options(prompt).setTools(List.of(new ChatCompletionsFunctionToolDefinition(
        new ChatCompletionsFunctionToolDefinitionFunction("send_email").setParameters(schema))));
  }

  private static ChatResponseMessage message(ChatCompletions completions) {
    return completions.getChoices().get(0).getMessage();
  }

  /** The {@code text} member of the tool arguments, which must be one JSON object. */
  private static String textArgument(String arguments) throws Exception {
    JsonNode tree = JSON.readTree(arguments);
    if (tree == null || !tree.isObject() || !tree.path("text").isTextual()) {
      return "FAILURE|arguments are not {\"text\": …}: " + arguments;
    }
    return tree.get("text").textValue();
  }
}
