package dev.warden.it.drivers;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.TextDelta;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Drives anthropic-java (OkHttp) messages. Arguments: base URL, API key. */
public final class AnthropicJavaDriver implements DriverLoop.Client {

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
  public String describe(Throwable error) {
    if (!(error instanceof AnthropicServiceException e)) {
      return null;
    }
    List<String> decision = e.headers().values("x-warden-decision");
    return DriverLoop.errorFields(e.statusCode(), e, null, decision.isEmpty() ? null : decision.get(0),
        e.body().toString());
  }

  private static MessageCreateParams params(String model, String prompt) {
    return MessageCreateParams.builder().model(model).maxTokens(256).addUserMessage(prompt).build();
  }

  private static String textOf(Message message) {
    return message.content().stream()
        .map(ContentBlock::text)
        .flatMap(Optional::stream)
        .map(TextBlock::text)
        .collect(Collectors.joining());
  }
}
