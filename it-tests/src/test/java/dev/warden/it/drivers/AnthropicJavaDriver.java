package dev.warden.it.drivers;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.InputJsonDelta;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.TextDelta;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Drives anthropic-java (OkHttp) messages. Arguments: base URL, API key. */
public final class AnthropicJavaDriver implements DriverLoop.Client {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AnthropicClient client;

  private AnthropicJavaDriver(String baseUrl, String apiKey) {
    this.client = AnthropicOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
  }

  public static void main(String[] args) throws Exception {
    DriverLoop.serve(new AnthropicJavaDriver(args[0], args[1]));
  }

  @Override
  public String chat(String model, String prompt) {
    return textOf(client.messages().create(params(model, prompt)));
  }

  /** Checks that the accumulated message (which enforces the event order) agrees with the deltas. */
  @Override
  public String stream(String model, String prompt) {
    MessageAccumulator accumulator = MessageAccumulator.create();
    StringBuilder text = new StringBuilder();
    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params(model, prompt))) {
      stream.stream().forEach(event -> {
        accumulator.accumulate(event);
        event.contentBlockDelta().flatMap(delta -> delta.delta().text()).map(TextDelta::text).ifPresent(text::append);
      });
    }
    String accumulated = textOf(accumulator.message());
    if (!accumulated.equals(text.toString())) {
      return "FAILURE|deltas '" + text + "' but accumulated '" + accumulated + "'";
    }
    return text.toString();
  }

  @Override
  public String systemChat(String model, String system, String prompt) {
    return textOf(client.messages().create(params(model, prompt).toBuilder().system(system).build()));
  }

  @Override
  public String systemStream(String model, String system, String prompt) throws DriverLoop.StreamFailure {
    StringBuilder text = new StringBuilder();
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(params(model, prompt).toBuilder().system(system).build())) {
      stream.stream().forEach(event ->
          event.contentBlockDelta().flatMap(delta -> delta.delta().text()).map(TextDelta::text).ifPresent(text::append));
    } catch (RuntimeException e) {
      throw new DriverLoop.StreamFailure(text.toString(), e);
    }
    return text.toString();
  }

  @Override
  public String tool(String model, String prompt) {
    return textArgument(toolUseOf(client.messages().create(toolParams(model, prompt)))._input());
  }

  /** Checks that the accumulated input (which the SDK parses at the block's end) agrees with the fragments. */
  @Override
  public String toolStream(String model, String prompt) throws IOException {
    MessageAccumulator accumulator = MessageAccumulator.create();
    StringBuilder fragments = new StringBuilder();
    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(toolParams(model, prompt))) {
      stream.stream().forEach(event -> {
        accumulator.accumulate(event);
        event.contentBlockDelta().flatMap(delta -> delta.delta().inputJson()).map(InputJsonDelta::partialJson)
            .ifPresent(fragments::append);
      });
    }
    JsonValue accumulated = toolUseOf(accumulator.message())._input();
    JsonNode streamed = JSON.readTree(fragments.toString());
    if (!streamed.equals(accumulated.convert(JsonNode.class))) {
      return "FAILURE|fragments '" + fragments + "' but accumulated '" + accumulated + "'";
    }
    return textArgument(accumulated);
  }

  @Override
  public String describe(Throwable error) {
    if (!(error instanceof AnthropicServiceException e)) {
      return null;
    }
    List<String> decision = e.headers().values("x-warden-decision");
    List<String> retryAfter = e.headers().values("retry-after");
    return DriverLoop.errorFields(e.statusCode(), e, null, decision.isEmpty() ? null : decision.get(0),
        retryAfter.isEmpty() ? null : retryAfter.get(0), e.body().toString());
  }

  private static MessageCreateParams params(String model, String prompt) {
    return MessageCreateParams.builder().model(model).maxTokens(256).addUserMessage(prompt).build();
  }

  private static MessageCreateParams toolParams(String model, String prompt) {
    Tool.InputSchema schema = Tool.InputSchema.builder()
        .properties(JsonValue.from(Map.of("text", Map.of("type", "string"))))
        .build();
    return params(model, prompt).toBuilder()
        .addTool(Tool.builder().name("send_email").inputSchema(schema).build())
        .build();
  }

  private static ToolUseBlock toolUseOf(Message message) {
    return message.content().stream().map(ContentBlock::toolUse).flatMap(Optional::stream).findFirst().orElseThrow();
  }

  /** The {@code text} member of the tool input, which must be one JSON object. */
  private static String textArgument(JsonValue input) {
    JsonNode tree = input.convert(JsonNode.class);
    if (tree == null || !tree.isObject() || !tree.path("text").isTextual()) {
      return "FAILURE|input is not {\"text\": …}: " + input;
    }
    return tree.get("text").textValue();
  }

  private static String textOf(Message message) {
    return message.content().stream()
        .map(ContentBlock::text)
        .flatMap(Optional::stream)
        .map(TextBlock::text)
        .collect(Collectors.joining());
  }
}
