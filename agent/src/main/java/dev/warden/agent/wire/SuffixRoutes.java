package dev.warden.agent.wire;

/** Routes told apart by a fixed path after the base path, the model being in the body (OpenAI, Anthropic). */
final class SuffixRoutes implements PathRoutes {

  private final String[] suffixes;
  private final Route[] routes;

  SuffixRoutes(String[] suffixes, Route[] routes) {
    this.suffixes = suffixes;
    this.routes = routes;
  }

  @Override
  public Route match(String path, int from, int to) {
    int rest = to - from;
    for (int i = 0; i < suffixes.length; i++) {
      String suffix = suffixes[i];
      if (suffix.length() == rest && path.regionMatches(from, suffix, 0, rest)) {
        return routes[i];
      }
    }
    return null;
  }
}
