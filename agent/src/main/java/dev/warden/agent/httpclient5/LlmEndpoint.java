package dev.warden.agent.httpclient5;

import dev.warden.bootstrap.WardenBridge;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.net.URIAuthority;

/** Where an HttpClient 5 request goes, as the URL Warden decides on. Glue, shared by the classic and async client glue. */
final class LlmEndpoint {

  /** The largest request body Warden reads; a larger one cannot be checked, and follows onError. */
  static final int MAX_BYTES = 32 << 20;

  private LlmEndpoint() {}

  /**
   * The absolute URL of {@code request} (to {@code target}, which may be null: the request then
   * names its authority) when it may be an LLM call; null when it is not Warden's business.
   */
  static String url(HttpHost target, HttpRequest request) {
    URIAuthority authority = target != null ? new URIAuthority(target) : request.getAuthority();
    if (authority == null) {
      return null;
    }
    String scheme = target != null ? target.getSchemeName() : request.getScheme();
    int port = authority.getPort() >= 0 ? authority.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    String pathAndQuery = request.getPath() == null ? "/" : request.getPath();
    int query = pathAndQuery.indexOf('?');
    String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    if (!WardenBridge.isLlmEndpoint(request.getMethod(), authority.getHostName(), port, path)) {
      return null;
    }
    String host = authority.getHostName().indexOf(':') >= 0 ? "[" + authority.getHostName() + "]" : authority.getHostName();
    return (scheme == null ? "http" : scheme) + "://" + host + ":" + port + pathAndQuery;
  }
}
