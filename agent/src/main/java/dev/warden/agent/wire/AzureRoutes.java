package dev.warden.agent.wire;

import dev.warden.agent.wire.openai.ChatCompletionsAdapter;
import dev.warden.agent.wire.openai.EmbeddingsAdapter;
import dev.warden.agent.wire.openai.ResponsesAdapter;

/**
 * Azure OpenAI, after the resource's root: {@code /openai/deployments/{deployment}/chat/completions}
 * and {@code …/embeddings}, where the deployment stands for the model, and the v1 API's
 * {@code /openai/v1/chat/completions}, {@code /openai/v1/responses}, {@code /openai/v1/embeddings}
 * and the preview {@code /openai/responses}, whose bodies name the model. The bodies are OpenAI's.
 */
final class AzureRoutes implements PathRoutes {

  private static final String DEPLOYMENTS = "/openai/deployments/";

  private final Route chat;
  private final Route embeddings;
  private final SuffixRoutes modelInBody;

  AzureRoutes(String provider, String format) {
    chat = new Route(provider, format, Route.CHAT, ChatCompletionsAdapter.INSTANCE);
    embeddings = new Route(provider, format, Route.EMBEDDINGS, EmbeddingsAdapter.INSTANCE);
    Route responses = new Route(provider, format, Route.CHAT, ResponsesAdapter.INSTANCE);
    modelInBody = new SuffixRoutes(
        new String[] {"/openai/v1/chat/completions", "/openai/v1/responses", "/openai/v1/embeddings", "/openai/responses"},
        new Route[] {chat, responses, embeddings, responses});
  }

  @Override
  public Route match(String path, int from, int to) {
    if (!path.startsWith(DEPLOYMENTS, from)) {
      return modelInBody.match(path, from, to);
    }
    int nameStart = from + DEPLOYMENTS.length();
    int slash = path.indexOf('/', nameStart);
    if (slash <= nameStart || slash >= to) {
      return null;
    }
    Route route = endsWith(path, slash, to, "/chat/completions") ? chat
        : endsWith(path, slash, to, "/embeddings") ? embeddings
        : null;
    return route == null ? null : route.withPathModel(path.substring(nameStart, slash));
  }

  private static boolean endsWith(String path, int from, int to, String suffix) {
    return to - from == suffix.length() && path.regionMatches(from, suffix, 0, suffix.length());
  }
}
