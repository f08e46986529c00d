package dev.warden.agent.wire.gemini;

import dev.warden.agent.wire.PathRoutes;
import dev.warden.agent.wire.Route;

/**
 * The routes of a Gemini API endpoint, whose path names the model and the action:
 * {@code [/VERSION]/models/MODEL:ACTION} after the base path. The version segment ({@code v1beta},
 * {@code v1}, …) is optional so that a base URL may include it or not; {@code generateContent} and
 * {@code streamGenerateContent} are chat (the latter streamed), {@code embedContent} and
 * {@code batchEmbedContents} embeddings. Anything else ({@code countTokens}, tuned models, file
 * uploads) is not an LLM call Warden reads. Immutable and thread-safe.
 */
public final class GeminiRoutes implements PathRoutes {

  private static final String MODELS = "/models/";

  private final Route generate;
  private final Route stream;
  private final Route embed;

  /** @param provider the endpoint's provider name */
  public GeminiRoutes(String provider) {
    this.generate = new Route(provider, Route.GEMINI, Route.CHAT, GeminiAdapter.GENERATE);
    this.stream = new Route(provider, Route.GEMINI, Route.CHAT, GeminiAdapter.STREAM);
    this.embed = new Route(provider, Route.GEMINI, Route.EMBEDDINGS, GeminiEmbeddingsAdapter.INSTANCE);
  }

  @Override
  public Route match(String path, int from, int to) {
    int models = modelsStart(path, from, to);
    if (models < 0) {
      return null;
    }
    int modelStart = models + MODELS.length();
    int colon = modelStart;
    while (colon < to && path.charAt(colon) != ':' && path.charAt(colon) != '/') {
      colon++;
    }
    if (colon == modelStart || colon == to || path.charAt(colon) != ':') {
      return null;
    }
    Route route = routeOf(path, colon + 1, to);
    return route == null ? null : route.withPathModel(path.substring(modelStart, colon));
  }

  /** Where {@code /models/} starts: at {@code from}, or after one version segment; -1 when neither. */
  private static int modelsStart(String path, int from, int to) {
    if (path.startsWith(MODELS, from)) {
      return from;
    }
    if (from >= to || path.charAt(from) != '/') {
      return -1;
    }
    int slash = path.indexOf('/', from + 1);
    return slash > from + 1 && slash < to && path.startsWith(MODELS, slash) ? slash : -1;
  }

  private Route routeOf(String path, int from, int to) {
    if (is(path, from, to, "generateContent")) {
      return generate;
    }
    if (is(path, from, to, "streamGenerateContent")) {
      return stream;
    }
    if (is(path, from, to, "embedContent") || is(path, from, to, "batchEmbedContents")) {
      return embed;
    }
    return null;
  }

  private static boolean is(String path, int from, int to, String action) {
    return to - from == action.length() && path.startsWith(action, from);
  }
}
