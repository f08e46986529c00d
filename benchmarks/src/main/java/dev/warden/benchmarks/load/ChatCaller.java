package dev.warden.benchmarks.load;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * One openai-java client (OkHttp, as applications build it) making chat completions with a ~2 KB
 * support-ticket prompt that holds an e-mail address and a phone number, so a PII policy has
 * something to pseudonymize. The fake provider echoes the prompt, so every answer is checked
 * against it: under Warden the pseudonyms must have been restored. Thread-safe.
 */
final class ChatCaller {

  static final String API_KEY = "sk-warden-load-00000000000000000";
  static final String EMAIL = "dana.whitfield@example.com";
  private static final String MODEL = "gpt-4o-mini";
  private static final String TICKET = """
      Customer %d wrote in about a billing problem that started after the last plan change. \
      They can be reached at %s or on +1 415 555 0134 during office hours, Pacific time. \
      The invoice for last month lists two seats more than the account has, and the customer \
      asks for a corrected invoice and a refund of the difference to the card on file. \
      They also mention that the export of usage reports fails with a timeout when the date \
      range spans more than ninety days, which they need for their quarterly review. \
      Please summarise the ticket in three sentences, suggest a reply that acknowledges both \
      problems, and list the internal teams that should look at each of them. \
      """;

  private final OpenAIClient client;

  ChatCaller(String baseUrl) {
    // no retries: a failed call must show as a failure, not as a slow call
    this.client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(API_KEY).maxRetries(0).build();
  }

  /** The prompt of call {@code n}: the ticket three times (~2 KB), numbered so no two bodies are equal. */
  static String prompt(long n) {
    String ticket = TICKET.formatted(n, EMAIL);
    return String.join("\n\n", ticket, ticket, ticket);
  }

  /** Makes call {@code n}, streamed or not, and fails unless the answer is the echo of its prompt. */
  void call(long n, boolean stream) {
    String prompt = prompt(n);
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(MODEL).addUserMessage(prompt).build();
    String answer = stream ? streamed(params) : client.chat().completions().create(params)
        .choices().get(0).message().content().orElse("");
    if (!answer.equals("echo: " + prompt)) {
      throw new IllegalStateException("call " + n + " answered something else than its echo: " + answer);
    }
  }

  private String streamed(ChatCompletionCreateParams params) {
    StringBuilder text = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> chunks = client.chat().completions().createStreaming(params)) {
      chunks.stream().forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
    }
    return text.toString();
  }
}
