package dev.warden.policies.config;

import java.util.List;

/** The endpoints every policy knows without configuring them. */
public final class BuiltInProviders {

  static final ProviderEndpoint OPENAI = new ProviderEndpoint("openai", "openai", "https", "api.openai.com", 443, "/v1");
  static final ProviderEndpoint ANTHROPIC = new ProviderEndpoint("anthropic", "anthropic", "https", "api.anthropic.com", 443, "");
  /** The Gemini API; its paths start with the API version ({@code /v1beta/models/…}), which the routes accept whole. */
  static final ProviderEndpoint GEMINI =
      new ProviderEndpoint("gemini", "gemini", "https", "generativelanguage.googleapis.com", 443, "");

  /** Bedrock Runtime in every region: {@code *} stands for one DNS label (the region). */
  static final ProviderEndpoint BEDROCK =
      new ProviderEndpoint("bedrock", "bedrock", "https", "bedrock-runtime.*.amazonaws.com", 443, "");
  static final ProviderEndpoint BEDROCK_FIPS =
      new ProviderEndpoint("bedrock", "bedrock", "https", "bedrock-runtime-fips.*.amazonaws.com", 443, "");

  /**
   * Azure OpenAI resources, one host per resource: {@code *} stands for exactly one DNS label.
   * The base path is the resource's root, as the Azure SDKs are configured.
   */
  static final ProviderEndpoint AZURE_OPENAI =
      new ProviderEndpoint("azure.ai.openai", "azure-openai", "https", "*.openai.azure.com", 443, "");
  static final ProviderEndpoint AZURE_AI_SERVICES =
      new ProviderEndpoint("azure.ai.openai", "azure-openai", "https", "*.cognitiveservices.azure.com", 443, "");

  public static final List<ProviderEndpoint> ALL = List.of(OPENAI, ANTHROPIC, GEMINI, AZURE_OPENAI, AZURE_AI_SERVICES,
      BEDROCK, BEDROCK_FIPS);

  /** Wire formats a configured provider may declare. */
  static final List<String> FORMATS = List.of("openai", "anthropic", "gemini", "azure-openai", "bedrock");

  private BuiltInProviders() {}
}
