package dev.warden.it;

import dev.warden.it.drivers.LangChain4jAnthropicDriver;

/**
 * LangChain4j's {@code AnthropicChatModel} and {@code AnthropicStreamingChatModel} on their default
 * HTTP client, the JDK's: the JDK wire hook, the Anthropic format, the key in {@code x-api-key}.
 */
class LangChain4jAnthropicTest extends AnthropicJavaTest {

  @Override
  Class<?> driver() {
    return LangChain4jAnthropicDriver.class;
  }

  /** LangChain4j takes the API version in its base URL. */
  @Override
  String baseUrl() {
    return provider.anthropicBaseUrl() + "/v1/";
  }

  /** LangChain4j maps 401 and 403 alike to its AuthenticationException. */
  @Override
  String expectedException() {
    return "AuthenticationException";
  }

  /** LangChain4j keeps only the status and the body of an HTTP error. */
  @Override
  boolean exposesHeaders() {
    return false;
  }

  @Override
  String expectedCode() {
    return null;
  }
}
