package dev.warden.agent.restclient;

import dev.warden.bootstrap.RequestWrapGlue;
import dev.warden.bootstrap.WardenBridge;
import java.net.URI;
import org.springframework.http.client.ClientHttpRequest;

/**
 * Wraps a request to an LLM endpoint in a {@link DecidingRequest}; any other passes as it is. Glue:
 * defined next to the application's spring-web by {@link dev.warden.agent.glue.LibraryGlue}, it
 * references only spring-web, spring-core, the JDK, the bridge and the other glue classes.
 */
public final class WardenRequestGlue implements RequestWrapGlue {

  @Override
  public Object wrap(Object request) {
    ClientHttpRequest made = (ClientHttpRequest) request;
    URI uri = made.getURI();
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return WardenBridge.isLlmEndpoint(made.getMethod().name(), uri.getHost(), port, uri.getRawPath())
        ? new DecidingRequest(made)
        : made;
  }
}
