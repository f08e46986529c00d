package dev.warden.agent.httpclient5;

import dev.warden.bootstrap.BlockingClientGlue;
import dev.warden.bootstrap.BlockingExchange;
import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WardenErrorCall;
import dev.warden.bootstrap.WireCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.net.URIAuthority;

/**
 * Reads an Apache HttpClient 5 classic request to an LLM endpoint, has it decided, and starts the
 * {@link ClassicExchange} that applies the decision. Glue: defined next to the application's
 * HttpClient by {@link ClassicGlues}, it references only HttpClient, HttpCore, the JDK, the bridge
 * and the other glue classes.
 */
public final class ClassicGlue implements BlockingClientGlue {

  static final int MAX_BYTES = 32 << 20;

  @Override
  public BlockingExchange begin(Object target, Object request) {
    try {
      return decide((HttpHost) target, (ClassicHttpRequest) request);
    } catch (Throwable t) {
      WardenBridge.logOnce(t);
      return WardenBridge.failClosed() ? ClassicExchange.answered(WardenErrorCall.INSTANCE) : null;
    }
  }

  private static BlockingExchange decide(HttpHost target, ClassicHttpRequest request) throws IOException {
    HttpEntity entity = request.getEntity();
    URIAuthority authority = target != null ? new URIAuthority(target) : request.getAuthority();
    if (entity == null || authority == null) {
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
    String url = (scheme == null ? "http" : scheme) + "://" + host + ":" + port + pathAndQuery;
    // a body over the limit is not read: Warden cannot check it, and the bridge follows onError
    byte[] body = entity.getContentLength() > MAX_BYTES ? null : read(entity);
    WireCall call = WardenBridge.onRequest(request.getMethod(), url, headers(request),
        body == null || body.length > MAX_BYTES ? null : body);
    if (call != null && call.blocked()) {
      return ClassicExchange.answered(call);
    }
    if (body == null) {
      return null;
    }
    byte[] toSend = call == null || call.requestBody() == null ? body : call.requestBody();
    Map<String, String> headers = call == null ? Map.of() : call.headers();
    if (toSend == body && entity.isRepeatable() && headers.isEmpty()) {
      return call == null ? null : ClassicExchange.sent(request, call, null, headers);
    }
    // a one-shot entity has been read: the bytes held are sent in its place
    return ClassicExchange.sent(request, call, toSend, headers);
  }

  private static byte[] read(HttpEntity entity) throws IOException {
    long length = entity.getContentLength();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(length > 0 && length <= MAX_BYTES ? (int) length : 1024);
    entity.writeTo(bytes);
    return bytes.toByteArray();
  }

  private static Map<String, List<String>> headers(ClassicHttpRequest request) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Header header : request.getHeaders()) {
      List<String> values = map.get(header.getName());
      if (values == null) {
        values = new ArrayList<>(1);
        map.put(header.getName(), values);
      }
      values.add(header.getValue());
    }
    return map;
  }
}
