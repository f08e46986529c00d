package dev.warden.policies.config;

/**
 * Where a provider is reached and which wire format it speaks.
 *
 * @param name     provider name used by key scopes and telemetry (openai, anthropic, gemini,
 *                 azure.ai.openai, bedrock, or configured)
 * @param format   wire format: "openai", "anthropic", "gemini", "azure-openai" or "bedrock"
 * @param scheme   http or https
 * @param host     lowercase host name or address; a built-in endpoint's {@code *} label stands for
 *                 any one label (an Azure resource, an AWS region)
 * @param port     port, with the scheme's default filled in
 * @param basePath path prefix without a trailing slash ("/v1" for OpenAI, "" for Anthropic and Gemini)
 */
public record ProviderEndpoint(String name, String format, String scheme, String host, int port, String basePath) {}
