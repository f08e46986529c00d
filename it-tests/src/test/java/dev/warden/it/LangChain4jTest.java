package dev.warden.it;

import dev.warden.it.drivers.LangChain4jDriver;

/**
 * LangChain4j's {@code OpenAiChatModel} and {@code OpenAiStreamingChatModel} on their default
 * HTTP client, the JDK's {@code java.net.http.HttpClient}: the JDK wire hook, not OkHttp.
 */
class LangChain4jTest extends OpenAiJavaTest {

  @Override
  Class<?> driver() {
    return LangChain4jDriver.class;
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
