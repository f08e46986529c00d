package dev.warden.policies.config;

import java.util.List;

/** The endpoints every policy knows without configuring them. */
public final class BuiltInProviders {

  static final ProviderEndpoint OPENAI = new ProviderEndpoint("openai", "openai", "https", "api.openai.com", 443, "/v1");
  static final ProviderEndpoint ANTHROPIC = new ProviderEndpoint("anthropic", "anthropic", "https", "api.anthropic.com", 443, "");

  /** Bedrock Runtime in every region: {@code *} stands for one DNS label (the region). */
  static final ProviderEndpoint BEDROCK =
      new ProviderEndpoint("bedrock", "bedrock", "https", "bedrock-runtime.*.amazonaws.com", 443, "");
  static final ProviderEndpoint BEDROCK_FIPS =
      new ProviderEndpoint("bedrock", "bedrock", "https", "bedrock-runtime-fips.*.amazonaws.com", 443, "");

  public static final List<ProviderEndpoint> ALL = List.of(OPENAI, ANTHROPIC, BEDROCK, BEDROCK_FIPS);

  /** Wire formats a configured provider may declare. */
  static final List<String> FORMATS = List.of("openai", "anthropic", "bedrock");

  private BuiltInProviders() {}
}
