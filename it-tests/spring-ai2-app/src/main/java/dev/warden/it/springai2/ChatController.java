package dev.warden.it.springai2;

import java.util.stream.Collectors;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a typical Spring AI application does: a controller that asks the autoconfigured
 * {@link ChatModel}. A failure answers 502 with {@code ERROR|exception class|message}, so the
 * test sees which exception the application got.
 */
@RestController
class ChatController {

  private final ChatModel chatModel;

  ChatController(ChatModel chatModel) {
    this.chatModel = chatModel;
  }

  @PostMapping("/chat")
  String chat(@RequestParam String model, @RequestBody String prompt) {
    return text(chatModel.call(prompt(model, prompt)));
  }

  @PostMapping("/stream")
  String stream(@RequestParam String model, @RequestBody String prompt) {
    return chatModel.stream(prompt(model, prompt)).toStream().map(ChatController::text).collect(Collectors.joining());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<String> failed(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return ResponseEntity.status(502).body("ERROR|" + e.getClass().getSimpleName() + "|" + root.getClass().getSimpleName()
        + "|" + e.getMessage());
  }

  private static Prompt prompt(String model, String text) {
    return new Prompt(text, OpenAiChatOptions.builder().model(model).maxTokens(256).build());
  }

  private static String text(ChatResponse response) {
    if (response.getResult() == null || response.getResult().getOutput().getText() == null) {
      return "";
    }
    return response.getResult().getOutput().getText();
  }
}
