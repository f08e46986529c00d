package dev.warden.it.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.SdkToken;
import software.amazon.awssdk.auth.token.credentials.StaticTokenProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.auth.scheme.BedrockRuntimeAuthSchemeProvider;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * Drives Bedrock Runtime through the AWS SDK v2, pointed at the fake with an endpoint override and
 * static test credentials: Converse on the sync client (Apache HttpClient 5), ConverseStream on the
 * async client (Netty, HTTP/1.1 for the fake), InvokeModel with an Anthropic Messages body on the
 * sync client and InvokeModelWithResponseStream with it on the async one; with a Bedrock API key,
 * the sync client authenticates with it as a Bearer token.
 */
public final class BedrockDriver implements DriverLoop.Client {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BedrockRuntimeClient sync;
  private final BedrockRuntimeAsyncClient async;

  private BedrockDriver(String endpoint, String accessKeyId, String apiKey) {
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "it-secret-access-key-not-a-real-one"));
    BedrockRuntimeClientBuilder syncBuilder = BedrockRuntimeClient.builder().endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1).credentialsProvider(credentials);
    if (apiKey != null) {
      // a Bedrock API key: the SDK sends it as a Bearer token instead of signing with SigV4
      SdkToken token = () -> apiKey;
      syncBuilder.tokenProvider(StaticTokenProvider.create(token))
          .authSchemeProvider(BedrockRuntimeAuthSchemeProvider.defaultProvider(List.of("httpBearerAuth")));
    }
    this.sync = syncBuilder.build();
    // the loopback fake speaks HTTP/1.1; Bedrock's async client would use HTTP/2
    this.async = BedrockRuntimeAsyncClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)).build();
  }

  /** Arguments: endpoint, access key id, and optionally a Bedrock API key for the sync client. */
  public static void main(String[] args) throws Exception {
    DriverLoop.serve(new BedrockDriver(args[0], args[1], args.length > 2 ? args[2] : null));
  }

  @Override
  public String chat(String model, String prompt) {
    return sync.converse(r -> r.modelId(model).messages(userMessage(prompt)).inferenceConfig(c -> c.maxTokens(256)))
        .output().message().content().stream().map(ContentBlock::text).collect(Collectors.joining());
  }

  @Override
  public String stream(String model, String prompt) {
    StringBuilder text = new StringBuilder();
    ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
        .subscriber(ConverseStreamResponseHandler.Visitor.builder()
            .onContentBlockDelta(event -> text.append(event.delta().text()))
            .build())
        .build();
    ConverseStreamRequest request = ConverseStreamRequest.builder().modelId(model).messages(userMessage(prompt))
        .inferenceConfig(c -> c.maxTokens(256)).build();
    async.converseStream(request, handler).join();
    return text.toString();
  }

  @Override
  public String invoke(String model, String prompt) throws Exception {
    String body = anthropicBody(prompt);
    JsonNode answer = JSON.readTree(sync.invokeModel(r -> r.modelId(model).body(SdkBytes.fromUtf8String(body)))
        .body().asUtf8String());
    StringBuilder text = new StringBuilder();
    answer.path("content").forEach(block -> text.append(block.path("text").asText("")));
    return text.toString();
  }

  /** The text deltas of the Anthropic Messages events the stream's chunks carry, joined. */
  @Override
  public String invokeStream(String model, String prompt) {
    StringBuilder text = new StringBuilder();
    InvokeModelWithResponseStreamResponseHandler handler = InvokeModelWithResponseStreamResponseHandler.builder()
        .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
            .onChunk(chunk -> text.append(deltaText(chunk.bytes().asUtf8String())))
            .build())
        .build();
    InvokeModelWithResponseStreamRequest request = InvokeModelWithResponseStreamRequest.builder().modelId(model)
        .body(SdkBytes.fromUtf8String(anthropicBody(prompt))).build();
    async.invokeModelWithResponseStream(request, handler).join();
    return text.toString();
  }

  private static String deltaText(String event) {
    try {
      JsonNode delta = JSON.readTree(event).path("delta");
      return delta.path("type").asText().equals("text_delta") ? delta.path("text").asText() : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String anthropicBody(String prompt) {
    return JSON.createObjectNode().put("anthropic_version", "bedrock-2023-05-31").put("max_tokens", 256)
        .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", prompt)))
        .toString();
  }

  @Override
  public String describe(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (!(cause instanceof AwsServiceException e)) {
      return null;
    }
    var response = e.awsErrorDetails().sdkHttpResponse();
    return DriverLoop.errorFields(e.statusCode(), e, e.awsErrorDetails().errorCode(),
        response == null ? null : response.firstMatchingHeader("x-warden-decision").orElse(null),
        response == null ? null : response.firstMatchingHeader("retry-after").orElse(null), e.getMessage());
  }

  private static Message userMessage(String prompt) {
    return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(prompt)).build();
  }
}
