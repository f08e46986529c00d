package dev.warden.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request exactly as {@link FakeLlmServer} received it.
 *
 * @param method  HTTP method, upper case
 * @param path    request path without the query string
 * @param headers header values by lower-case name, in arrival order
 * @param body    the body decoded as UTF-8, empty when there was none
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {

  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, or null when the request did not carry it; the name is case-insensitive. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The text of the last user message in this request's JSON body, as {@link PromptText} reads it. */
  public String lastUserText() {
    return PromptText.lastUserText(path, body);
  }
}
