package dev.warden.agent.wire;

/**
 * A recognised LLM endpoint: which provider a request goes to, in which wire format, for which
 * operation, and the adapter that reads its body. Routes whose path names no model are created
 * once per {@link EndpointRecognizer} and shared by every matching request; a route whose path
 * names the model (Gemini, Bedrock, Azure deployments) is a copy made for the request.
 *
 * @param provider  provider name from the policy (openai, anthropic, or a configured name)
 * @param format    wire format: {@link #OPENAI}, {@link #ANTHROPIC}, {@link #AZURE_OPENAI}, {@link #GEMINI}
 *                  or {@link #BEDROCK}
 * @param operation GenAI operation name: chat or embeddings
 * @param adapter   the adapter that decodes this endpoint's requests and observes its responses
 * @param pathModel the model (or deployment) the request path names; null when only the body
 *     names it. A model in the body wins.
 */
public record Route(String provider, String format, String operation, WireAdapter adapter, String pathModel) {

  /** The OpenAI wire format, also spoken by OpenAI-compatible servers. */
  public static final String OPENAI = "openai";

  /** The Anthropic Messages wire format. */
  public static final String ANTHROPIC = "anthropic";

  /** Azure OpenAI: OpenAI's bodies on Azure's paths, the deployment in the path. */
  public static final String AZURE_OPENAI = "azure-openai";

  /** The Gemini API wire format ({@code generateContent} and its kin). */
  public static final String GEMINI = "gemini";

  /** The AWS Bedrock Runtime wire format: Converse and InvokeModel, the model named in the path. */
  public static final String BEDROCK = "bedrock";

  /** GenAI operation name of chat-like calls (Chat Completions, Responses, Messages). */
  public static final String CHAT = "chat";

  /** GenAI operation name of embeddings calls. */
  public static final String EMBEDDINGS = "embeddings";

  /**
   * True when only an SDK's own hook decides this route (Bedrock: the AWS SDK interceptor, before
   * SigV4 signs the body); the transport the SDK sends it through leaves it alone.
   */
  public boolean decidedBySdkHook() {
    return BEDROCK.equals(format);
  }

  /** A route whose path names no model. */
  public Route(String provider, String format, String operation, WireAdapter adapter) {
    this(provider, format, operation, adapter, null);
  }

  /** This route for a request whose path names {@code model}. */
  public Route withPathModel(String model) {
    return new Route(provider, format, operation, adapter, model);
  }
}
