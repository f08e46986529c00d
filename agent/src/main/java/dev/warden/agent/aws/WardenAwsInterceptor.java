package dev.warden.agent.aws;

import dev.warden.bootstrap.ResponseFilter;
import dev.warden.bootstrap.WardenBridge;
import dev.warden.bootstrap.WardenInterceptorMarker;
import dev.warden.bootstrap.WireCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SelectedAuthScheme;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.interceptor.SdkInternalExecutionAttribute;
import software.amazon.awssdk.core.spi.identity.AuthSchemeOptionsResolver;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.scheme.AuthSchemeOption;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.Identity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.identity.spi.TokenIdentity;

/**
 * Warden's global AWS SDK interceptor. Glue only: in the request modification methods, which run
 * before the request is signed, it hands the marshalled body to the bridge and puts the body to
 * send in its place (in the request and in whichever request body the SDK carries), so SigV4 signs
 * what leaves; a blocked call throws the service's own exception, built from the block response,
 * before anything is sent. Responses go through the call: sync bodies in
 * {@code modifyHttpResponseContent}, async ones (and event streams) in
 * {@code modifyAsyncHttpResponseContent}. Defined next to the SDK by
 * {@link dev.warden.agent.glue.LibraryGlue}: it may reference only the SDK, the JDK and the
 * bridge, and must not have nested classes.
 */
public final class WardenAwsInterceptor implements ExecutionInterceptor, WardenInterceptorMarker {

  private static final ExecutionAttribute<WireCall> CALL = new ExecutionAttribute<>("dev.warden.WireCall");
  private static final ExecutionAttribute<Boolean> RESPONDED = new ExecutionAttribute<>("dev.warden.Responded");
  private static final ExecutionAttribute<Boolean> DECIDED = new ExecutionAttribute<>("dev.warden.Decided");
  private static final ExecutionAttribute<byte[]> REWRITTEN = new ExecutionAttribute<>("dev.warden.Rewritten");

  @Override
  public Optional<AsyncRequestBody> modifyAsyncHttpContent(Context.ModifyHttpRequest context,
      ExecutionAttributes attributes) {
    byte[] toSend = rewrittenBody(context, attributes);
    return toSend != null && context.asyncRequestBody().isPresent()
        ? Optional.of(AsyncRequestBody.fromBytes(toSend)) : context.asyncRequestBody();
  }

  @Override
  public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    byte[] toSend = rewrittenBody(context, attributes);
    return toSend != null && context.requestBody().isPresent()
        ? Optional.of(RequestBody.fromBytes(toSend)) : context.requestBody();
  }

  @Override
  public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    byte[] toSend = rewrittenBody(context, attributes);
    SdkHttpRequest request = context.httpRequest();
    if (toSend == null) {
      return request;
    }
    SdkHttpRequest.Builder rewritten = request instanceof SdkHttpFullRequest
        ? ((SdkHttpFullRequest) request).toBuilder().contentStreamProvider(() -> new ByteArrayInputStream(toSend))
        : request.toBuilder();
    if (request.firstMatchingHeader("Content-Length").isPresent()) {
      rewritten.putHeader("Content-Length", Integer.toString(toSend.length));
    }
    return rewritten.build();
  }

  /**
   * Decides the call once per execution (the SDK calls the three request methods in turn, each
   * with the same context): the body to send in place of the marshalled one, or null to keep it.
   * Throws the service's own exception for a blocked call.
   */
  private static byte[] rewrittenBody(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    if (attributes.getAttribute(DECIDED) == null) {
      attributes.putAttribute(DECIDED, Boolean.TRUE);
      decide(context, attributes);
    }
    return attributes.getAttribute(REWRITTEN);
  }

  private static void decide(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    SdkHttpRequest request = context.httpRequest();
    if (!WardenBridge.isSdkLlmEndpoint(request.method().name(), request.host(), request.port(), request.encodedPath())) {
      return;
    }
    Optional<ContentStreamProvider> content = request instanceof SdkHttpFullRequest
        ? ((SdkHttpFullRequest) request).contentStreamProvider() : Optional.empty();
    if (!content.isPresent() && context.requestBody().isPresent()) {
      content = Optional.of(context.requestBody().get().contentStreamProvider());
    }
    byte[] body = content.map(WardenAwsInterceptor::read).orElse(null);
    WireCall call = WardenBridge.onSdkRequest(request.method().name(), request.getUri().toString(),
        withIdentity(request.headers(), context.request(), attributes), body);
    if (call == null) {
      return;
    }
    if (call.blocked()) {
      throw blockedException(context, attributes, call);
    }
    attributes.putAttribute(CALL, call);
    byte[] toSend = call.requestBody();
    if (toSend != body && toSend != null) {
      attributes.putAttribute(REWRITTEN, toSend);
    }
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
      ExecutionAttributes attributes) {
    WireCall call = attributes.getAttribute(CALL);
    Optional<InputStream> body = context.responseBody();
    if (call == null || !body.isPresent()) {
      return body;
    }
    attributes.putAttribute(RESPONDED, Boolean.TRUE);
    SdkHttpResponse response = context.httpResponse();
    return Optional.of(call.onResponse(response.statusCode(), response.headers(), body.get()));
  }

  @Override
  public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context,
      ExecutionAttributes attributes) {
    WireCall call = attributes.getAttribute(CALL);
    Optional<Publisher<ByteBuffer>> body = context.responsePublisher();
    if (call == null || !body.isPresent()) {
      return body;
    }
    attributes.putAttribute(RESPONDED, Boolean.TRUE);
    SdkHttpResponse response = context.httpResponse();
    ResponseFilter filter = call.filterResponse(response.statusCode(), response.headers());
    return filter == null ? body : Optional.of(new WardenAwsPublisher(body.get(), filter));
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    WireCall call = attributes.getAttribute(CALL);
    if (call != null && attributes.getAttribute(RESPONDED) == null) {
      call.onFailure(context.exception());
    }
  }

  private static byte[] read(ContentStreamProvider provider) {
    try (InputStream in = provider.newStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The headers with the identity the signer will present: SigV4's access key id in the form of
   * its {@code Authorization} header (never the secret), or a Bedrock API key as a Bearer token.
   */
  private static Map<String, List<String>> withIdentity(Map<String, List<String>> headers, SdkRequest request,
      ExecutionAttributes attributes) {
    Identity identity;
    try {
      identity = identityOf(request, attributes);
    } catch (RuntimeException e) {
      identity = null; // the signer fails the call itself
    }
    String authorization = identity instanceof AwsCredentialsIdentity
        ? "AWS4-HMAC-SHA256 Credential=" + ((AwsCredentialsIdentity) identity).accessKeyId() + "/"
        : identity instanceof TokenIdentity ? "Bearer " + ((TokenIdentity) identity).token() : null;
    if (authorization == null) {
      return headers;
    }
    Map<String, List<String>> withKey = new LinkedHashMap<>(headers);
    withKey.put("Authorization", List.of(authorization));
    return withKey;
  }

  /**
   * The identity the signer will use. Before signing the selected scheme holds a placeholder (the
   * SDK resolves identities in its signing stage), so the client's provider of that scheme's
   * identity type is asked: providers cache, and a static one answers at once.
   */
  private static Identity identityOf(SdkRequest request, ExecutionAttributes attributes) {
    SelectedAuthScheme<?> scheme = attributes.getAttribute(SdkInternalExecutionAttribute.SELECTED_AUTH_SCHEME);
    IdentityProviders providers = attributes.getAttribute(SdkInternalExecutionAttribute.IDENTITY_PROVIDERS);
    if (scheme == null || providers == null) {
      return null;
    }
    boolean bearer = schemeId(scheme, providers, request, attributes).endsWith("httpBearerAuth");
    IdentityProvider<? extends Identity> provider = bearer
        ? providers.identityProvider(TokenIdentity.class) : providers.identityProvider(AwsCredentialsIdentity.class);
    return provider == null ? null : provider.resolveIdentity().join();
  }

  /**
   * The scheme the signing stage will choose: the selected one when it is set, else (a
   * placeholder before that stage) the first of the request's options whose identity the client
   * can provide, as the SDK chooses (a Bedrock API key's bearer scheme when it is preferred).
   */
  private static String schemeId(SelectedAuthScheme<?> scheme, IdentityProviders providers, SdkRequest request,
      ExecutionAttributes attributes) {
    String selected = scheme.authSchemeOption().schemeId();
    AuthSchemeOptionsResolver resolver = attributes.getAttribute(SdkInternalExecutionAttribute.AUTH_SCHEME_OPTIONS_RESOLVER);
    Map<String, AuthScheme<?>> schemes = attributes.getAttribute(SdkInternalExecutionAttribute.AUTH_SCHEMES);
    if (selected.contains("#") || resolver == null || schemes == null) {
      return selected;
    }
    for (AuthSchemeOption option : resolver.resolve(request, attributes)) {
      AuthScheme<?> candidate = schemes.get(option.schemeId());
      if (candidate != null && candidate.identityProvider(providers) != null) {
        return option.schemeId();
      }
    }
    return selected;
  }

  /**
   * The service's own exception for the block response: the class its {@code x-amzn-ErrorType}
   * names in the request's model package (BedrockRuntime's {@code AccessDeniedException}), else
   * the service's base exception, else {@link AwsServiceException}.
   */
  private static RuntimeException blockedException(Context.ModifyHttpRequest context, ExecutionAttributes attributes,
      WireCall call) {
    String errorType = null;
    SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(call.blockStatus());
    for (Map.Entry<String, String> header : call.blockHeaders().entrySet()) {
      response.putHeader(header.getKey(), header.getValue());
      if (header.getKey().equalsIgnoreCase("x-amzn-errortype")) {
        errorType = header.getValue();
      }
    }
    String message = messageOf(call.blockBody());
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    AwsErrorDetails details = AwsErrorDetails.builder().errorCode(errorType).errorMessage(message)
        .serviceName(service).sdkHttpResponse(response.build()).build();
    Class<?> requestType = context.request().getClass();
    List<String> candidates = new ArrayList<>(2);
    if (errorType != null) {
      candidates.add(requestType.getPackageName() + "." + errorType);
    }
    if (service != null) {
      candidates.add(requestType.getPackageName() + "." + service + "Exception");
    }
    AwsServiceException.Builder builder = null;
    for (String candidate : candidates) {
      try {
        Class<?> type = Class.forName(candidate, false, requestType.getClassLoader());
        if (AwsServiceException.class.isAssignableFrom(type)) {
          builder = (AwsServiceException.Builder) type.getMethod("builder").invoke(null);
          break;
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // not this service's exception: try the next
      }
    }
    if (builder == null) {
      builder = AwsServiceException.builder();
    }
    return builder.message(message).statusCode(call.blockStatus()).awsErrorDetails(details).build();
  }

  /** The {@code message} of a Bedrock-shaped block body, or the body itself. */
  private static String messageOf(byte[] body) {
    String json = new String(body, StandardCharsets.UTF_8);
    int key = json.indexOf("\"message\":\"");
    if (key < 0) {
      return json;
    }
    StringBuilder message = new StringBuilder();
    for (int i = key + 11; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        break;
      }
      if (c == '\\' && i + 1 < json.length()) {
        char next = json.charAt(++i);
        if (next == 'u' && i + 4 < json.length()) {
          message.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          i += 4;
          continue;
        }
        message.append(next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next);
        continue;
      }
      message.append(c);
    }
    return message.toString();
  }
}
