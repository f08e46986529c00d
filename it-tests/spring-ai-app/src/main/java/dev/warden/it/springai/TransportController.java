package dev.warden.it.springai;

import java.lang.reflect.Field;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /transport}: which HTTP transport the RestClient (calls) and the WebClient (streams)
 * of each Spring AI API object actually use, read from the objects Spring Boot built, e.g.
 * {@code openai.rest=HttpComponentsClientHttpRequestFactory openai.web=JdkClientHttpConnector …}.
 */
@RestController
public class TransportController {

  private final OpenAiChatModel openAi;
  private final AnthropicChatModel anthropic;

  public TransportController(OpenAiChatModel openAi, AnthropicChatModel anthropic) {
    this.openAi = openAi;
    this.anthropic = anthropic;
  }

  @GetMapping("/transport")
  public String transport() {
    Object openAiApi = field(openAi, "openAiApi");
    Object anthropicApi = field(anthropic, "anthropicApi");
    return "openai.rest=" + requestFactory(openAiApi) + " openai.web=" + connector(openAiApi)
        + " anthropic.rest=" + requestFactory(anthropicApi) + " anthropic.web=" + connector(anthropicApi);
  }

  private static String requestFactory(Object api) {
    return simpleName(field(field(api, "restClient"), "clientRequestFactory"));
  }

  private static String connector(Object api) {
    return simpleName(field(field(field(api, "webClient"), "exchangeFunction"), "connector"));
  }

  private static String simpleName(Object value) {
    return value == null ? "unknown" : value.getClass().getSimpleName();
  }

  private static Object field(Object owner, String name) {
    for (Class<?> type = owner == null ? null : owner.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
      } catch (NoSuchFieldException e) {
        // declared higher up
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }
}
