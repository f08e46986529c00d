package dev.warden.agent.httpclient5;

import dev.warden.bootstrap.WireCall;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;

/** Apache HttpClient 5 responses that Warden makes: a blocked call's answer, a withheld completion. Glue. */
final class ClassicAnswers {

  private ClassicAnswers() {}

  /** The synthetic answer of a blocked call (or a cache hit), as {@code doExecute} returns it. */
  static CloseableHttpResponse blocked(WireCall call) {
    BasicClassicHttpResponse response = new BasicClassicHttpResponse(call.blockStatus(), reason(call.blockStatus()));
    fill(response, call);
    return CloseableHttpResponse.adapt(response);
  }

  /** Turns a response whose completion Warden withheld into the block answer, in place. */
  static void withhold(ClassicHttpResponse response, WireCall call) {
    response.setCode(call.blockStatus());
    response.setReasonPhrase(reason(call.blockStatus()));
    response.setHeaders();
    fill(response, call);
  }

  private static void fill(ClassicHttpResponse response, WireCall call) {
    ContentType type = ContentType.APPLICATION_JSON;
    for (Map.Entry<String, String> header : call.blockHeaders().entrySet()) {
      response.addHeader(header.getKey(), header.getValue());
      if (header.getKey().equalsIgnoreCase("content-type")) {
        type = ContentType.parse(header.getValue()); // a cached stream is text/event-stream
      }
    }
    response.setEntity(new ByteArrayEntity(call.blockBody(), type));
  }

  private static String reason(int status) {
    return status == 200 ? "OK" : status == 429 ? "Too Many Requests" : "Forbidden";
  }
}
