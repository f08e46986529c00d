package dev.warden.agent.wire;

/**
 * The routes of one endpoint, told apart by the part of the path after the endpoint's base path.
 * One implementation per wire format; immutable and thread-safe.
 */
public interface PathRoutes {

  /**
   * @param path the raw request path
   * @param from where the path continues after the endpoint's base path
   * @param to   where the path ends (before any query string)
   * @return the route, or null when the path is none of this endpoint's
   */
  Route match(String path, int from, int to);
}
