package dev.warden.it.drivers;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.util.List;

/** Drives openai-java (OkHttp) chat completions. Arguments: base URL, API key. */
public final class OpenAiJavaDriver implements DriverLoop.Client {

  private final OpenAIClient client;

  private OpenAiJavaDriver(String baseUrl, String apiKey) {
    this.client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
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
  public String describe(Throwable error) {
    if (!(error instanceof OpenAIServiceException e)) {
      return null;
    }
    List<String> decision = e.headers().values("x-warden-decision");
    return DriverLoop.errorFields(e.statusCode(), e, e.code().orElse(null),
        decision.isEmpty() ? null : decision.get(0), e.body().toString());
  }

  private static ChatCompletionCreateParams params(String model, String prompt) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage(prompt).build();
  }
}
