package dev.warden.policies.config;

/**
 * Where a provider is reached and which wire format it speaks.
 *
 * @param name     provider name used by key scopes and telemetry (openai, anthropic, or configured)
 * @param format   wire format: "openai", "anthropic" or "bedrock"
 * @param scheme   http or https
 * @param host     lowercase host name or address; a built-in endpoint's {@code *} label stands for any one label
 * @param port     port, with the scheme's default filled in
 * @param basePath path prefix without a trailing slash ("/v1" for OpenAI, "" for Anthropic)
 */
public record ProviderEndpoint(String name, String format, String scheme, String host, int port, String basePath) {}
