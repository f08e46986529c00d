package dev.warden.agent.httpclient5;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.MessageHeaders;

/**
 * Headers between HttpClient 5 and the bridge: the decided ones set on the application's request
 * and put back as they were when the execution ends (so the real key never stays in an object the
 * application holds), and a message's headers as the bridge reads them. Glue, shared by the
 * classic and async client glue.
 */
final class WireHeaders {

  private final HttpRequest request;
  private final Map<String, Header[]> original;

  private WireHeaders(HttpRequest request, Map<String, Header[]> original) {
    this.request = request;
    this.original = original;
  }

  /** Sets {@code headers} on {@code request}, replacing any values; {@link #restore()} undoes it. */
  static WireHeaders set(HttpRequest request, Map<String, String> headers) {
    Map<String, Header[]> saved = new LinkedHashMap<>();
    for (String name : headers.keySet()) {
      saved.put(name, request.getHeaders(name));
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      request.setHeader(header.getKey(), header.getValue());
    }
    return new WireHeaders(request, saved);
  }

  void restore() {
    for (Map.Entry<String, Header[]> header : original.entrySet()) {
      request.removeHeaders(header.getKey());
      for (Header value : header.getValue()) {
        request.addHeader(value);
      }
    }
  }

  /** A message's headers by case-insensitive name, as the bridge takes them. */
  static Map<String, List<String>> of(MessageHeaders message) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Header header : message.getHeaders()) {
      List<String> values = map.get(header.getName());
      if (values == null) {
        values = new ArrayList<>(1);
        map.put(header.getName(), values);
      }
      values.add(header.getValue());
    }
    return map;
  }

  /**
   * A response's headers with the entity's own content encoding ({@code null}: none): HttpClient
   * decompresses inside its chain, and from 5.6 on leaves the provider's {@code Content-Encoding}
   * header in place.
   */
  static Map<String, List<String>> ofResponse(MessageHeaders response, String contentEncoding) {
    Map<String, List<String>> map = of(response);
    map.remove("Content-Encoding");
    if (contentEncoding != null) {
      map.put("Content-Encoding", List.of(contentEncoding));
    }
    return map;
  }

  static boolean isEventStream(String contentType) {
    return contentType != null && contentType.regionMatches(true, 0, "text/event-stream", 0, 17);
  }
}
