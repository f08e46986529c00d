package dev.warden.agent.wire;

import dev.warden.agent.wire.anthropic.MessagesAdapter;
import dev.warden.agent.wire.gemini.GeminiRoutes;
import dev.warden.agent.wire.bedrock.BedrockRoutes;
import dev.warden.agent.wire.openai.ChatCompletionsAdapter;
import dev.warden.agent.wire.openai.EmbeddingsAdapter;
import dev.warden.agent.wire.openai.ResponsesAdapter;
import dev.warden.policies.config.ProviderEndpoint;
import java.util.List;
import java.util.Locale;

/**
 * Step 1 of a call: tells, from method, host, port and path alone, whether an HTTP request goes to
 * a known LLM endpoint. Called for every request the application makes, so a miss costs a few
 * comparisons and no allocation. Immutable and thread-safe; build a new one when the endpoints
 * change.
 *
 * <p>Recognised paths, after the endpoint's base path: for the {@code openai} format
 * {@code /chat/completions} and {@code /responses} (operation chat) and {@code /embeddings}
 * (operation embeddings); for the {@code anthropic} format {@code /v1/messages} (chat); for the
 * {@code azure-openai} format those of {@link AzureRoutes}; for the {@code gemini} format
 * {@code [/VERSION]/models/MODEL:ACTION} (see {@link GeminiRoutes}). Only {@code POST} requests
 * match. A host {@code *.example.com} matches any one label in place of the {@code *}.
 */
public final class EndpointRecognizer {

  private final Endpoint[] endpoints;

  /**
   * @param endpoints where providers are reached; searched in order, the first full match wins
   * @throws IllegalArgumentException for an endpoint whose format is not openai, anthropic, azure-openai,
   *     gemini or bedrock
   */
  public EndpointRecognizer(List<ProviderEndpoint> endpoints) {
    this.endpoints = new Endpoint[endpoints.size()];
    for (int i = 0; i < this.endpoints.length; i++) {
      this.endpoints[i] = new Endpoint(endpoints.get(i));
    }
  }

  /**
   * Recognises a request.
   *
   * @param method the HTTP method, as sent (upper case)
   * @param host   the host name or address, any case; IPv6 with or without brackets
   * @param port   the port; -1 means the default of the endpoint's scheme
   * @param path   the raw path; a query string, if the caller leaves one on, is ignored
   * @return the route, or null when the request is not a recognised LLM call
   */
  public Route recognize(String method, String host, int port, String path) {
    if (!"POST".equals(method) || host == null || path == null) {
      return null;
    }
    int pathEnd = path.indexOf('?');
    if (pathEnd < 0) {
      pathEnd = path.length();
    }
    for (Endpoint endpoint : endpoints) {
      if ((port == endpoint.port || port == -1 && endpoint.defaultPort) && endpoint.hostMatches(host)) {
        Route route = endpoint.route(path, pathEnd);
        if (route != null) {
          return route;
        }
      }
    }
    return null;
  }

  /** One endpoint with its routes precomputed. */
  private static final class Endpoint {

    private final String host;
    private final int port;
    private final boolean defaultPort;
    private final String basePath;
    private final PathRoutes routes;

    Endpoint(ProviderEndpoint endpoint) {
      this.host = unbracket(endpoint.host(), 0, endpoint.host().length()).toLowerCase(Locale.ROOT);
      this.port = endpoint.port();
      int schemeDefault = "https".equalsIgnoreCase(endpoint.scheme()) ? 443 : 80;
      this.defaultPort = endpoint.port() == schemeDefault;
      String base = endpoint.basePath() == null ? "" : endpoint.basePath();
      this.basePath = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
      this.routes = routesOf(endpoint.name(), endpoint.format());
    }

    private static PathRoutes routesOf(String name, String format) {
      if (Route.OPENAI.equals(format)) {
        return new SuffixRoutes(
            new String[] {"/chat/completions", "/responses", "/embeddings"},
            new Route[] {
                new Route(name, format, Route.CHAT, ChatCompletionsAdapter.INSTANCE),
                new Route(name, format, Route.CHAT, ResponsesAdapter.INSTANCE),
                new Route(name, format, Route.EMBEDDINGS, EmbeddingsAdapter.INSTANCE)});
      }
      if (Route.ANTHROPIC.equals(format)) {
        return new SuffixRoutes(new String[] {"/v1/messages"},
            new Route[] {new Route(name, format, Route.CHAT, MessagesAdapter.INSTANCE)});
      }
      if (Route.AZURE_OPENAI.equals(format)) {
        return new AzureRoutes(name, format);
      }
      if (Route.GEMINI.equals(format)) {
        return new GeminiRoutes(name);
      }
      if (Route.BEDROCK.equals(format)) {
        return new BedrockRoutes(name);
      }
      throw new IllegalArgumentException(
          "provider " + name + ": unsupported wire format " + format + " (openai, anthropic, azure-openai, gemini, bedrock)");
    }

    boolean hostMatches(String candidate) {
      int from = 0;
      int to = candidate.length();
      if (to >= 2 && candidate.charAt(0) == '[' && candidate.charAt(to - 1) == ']') {
        from = 1;
        to--;
      }
      int star = host.indexOf('*');
      if (star < 0) {
        return to - from == host.length() && candidate.regionMatches(true, from, host, 0, host.length());
      }
      int suffix = host.length() - star - 1;
      int labelEnd = to - suffix;
      if (labelEnd <= from + star || !candidate.regionMatches(true, from, host, 0, star)
          || !candidate.regionMatches(true, labelEnd, host, star + 1, suffix)) {
        return false;
      }
      for (int i = from + star; i < labelEnd; i++) {
        if (candidate.charAt(i) == '.') {
          return false;
        }
      }
      return true;
    }

    Route route(String path, int pathEnd) {
      return path.startsWith(basePath) ? routes.match(path, basePath.length(), pathEnd) : null;
    }

    private static String unbracket(String host, int from, int to) {
      return to - from >= 2 && host.charAt(from) == '[' && host.charAt(to - 1) == ']'
          ? host.substring(from + 1, to - 1)
          : host;
    }
  }
}
