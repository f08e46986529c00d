package dev.warden.it;

import dev.warden.it.drivers.LangChain4jGeminiDriver;

/**
 * LangChain4j's {@code GoogleAiGeminiChatModel} and {@code GoogleAiGeminiStreamingChatModel} on
 * their default HTTP client, the JDK's: the JDK wire hook and the Gemini format.
 */
class LangChain4jGeminiTest extends GoogleGenAiTest {

  @Override
  Class<?> driver() {
    return LangChain4jGeminiDriver.class;
  }

  /** LangChain4j takes the API version in its base URL. */
  @Override
  String baseUrl() {
    return provider.geminiBaseUrl();
  }

  /** LangChain4j maps 401 and 403 alike to its AuthenticationException. */
  @Override
  String expectedException() {
    return "AuthenticationException";
  }

  /** LangChain4j keeps the whole error body. */
  @Override
  String expectedErrorBody() {
    return "PERMISSION_DENIED";
  }

  /** LangChain4j parses no code out of the body. */
  @Override
  String expectedCode() {
    return null;
  }
}
