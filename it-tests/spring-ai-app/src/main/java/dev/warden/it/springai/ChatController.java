package dev.warden.it.springai;

import java.util.List;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * {@code POST /{provider}/chat?model=M} with the prompt as body answers the completion;
 * {@code POST /{provider}/stream?model=M} streams it with {@code ChatModel.stream} and answers
 * the joined text; a failure answers 502 with what the application caught:
 * {@code ERROR|ExceptionClass|message}, and {@code |body} for a WebClient's HTTP error.
 */
@RestController
public class ChatController {

  private final OpenAiChatModel openAi;
  private final AnthropicChatModel anthropic;

  public ChatController(OpenAiChatModel openAi, AnthropicChatModel anthropic) {
    this.openAi = openAi;
    this.anthropic = anthropic;
  }

  @PostMapping("/{provider}/chat")
  public String chat(@PathVariable("provider") String provider, @RequestParam("model") String model, @RequestBody String prompt) {
    ChatResponse response = model(provider).call(new Prompt(prompt, options(provider, model)));
    return response.getResult().getOutput().getText();
  }

  @PostMapping("/{provider}/stream")
  public String stream(@PathVariable("provider") String provider, @RequestParam("model") String model, @RequestBody String prompt) {
    List<ChatResponse> chunks = model(provider).stream(new Prompt(prompt, options(provider, model)))
        .collectList()
        .block();
    StringBuilder text = new StringBuilder();
    for (ChatResponse chunk : chunks) {
      if (chunk.getResult() != null && chunk.getResult().getOutput().getText() != null) {
        text.append(chunk.getResult().getOutput().getText());
      }
    }
    return text.toString();
  }

  @ExceptionHandler(RuntimeException.class)
  public ResponseEntity<String> failed(RuntimeException e) {
    String body = e instanceof WebClientResponseException http ? "|" + http.getResponseBodyAsString() : "";
    return ResponseEntity.status(502).body("ERROR|" + e.getClass().getName() + "|" + e.getMessage() + body);
  }

  private ChatModel model(String provider) {
    return provider.equals("anthropic") ? anthropic : openAi;
  }

  private static ChatOptions options(String provider, String model) {
    return provider.equals("anthropic")
        ? AnthropicChatOptions.builder().model(model).build()
        : OpenAiChatOptions.builder().model(model).build();
  }
}
