package dev.warden.agent.inventory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which listed library made a call, as its request headers say: the Stainless SDKs (openai-java,
 * anthropic-java) send {@code User-Agent: OpenAIClientImpl/Java 4.101.0} (their client class's
 * simple name: {@code OpenAIClientAsyncImpl}, {@code AnthropicClientImpl}, ...); google-genai {@code x-goog-api-client: google-genai-sdk/2.0.0 …};
 * the AWS SDK {@code User-Agent: aws-sdk-java/2.x …}; azure-ai-openai
 * {@code azsdk-java-azure-ai-openai/1.0.0-beta.16} in its User-Agent; LangChain4j's own clients
 * {@code langchain4j-openai} (or {@code -anthropic}, ...), without a version; and an HTTP client
 * left to its default, {@code okhttp/4.12.0} or {@code Apache-HttpClient/5.4.4}. A header value
 * is identified once and the answer kept. Thread-safe.
 *
 * @param library the library, never null
 * @param version the version the headers name, or null
 */
record CallingLibrary(LlmLibrary library, String version) {

  private static final int MAX_REMEMBERED = 256;
  private static final CallingLibrary NONE = new CallingLibrary(LlmLibrary.OKHTTP, null);
  private static final Map<String, CallingLibrary> BY_HEADER = new ConcurrentHashMap<>();

  /** The library that sent {@code headers} (names in any case), or null when they name none. */
  static CallingLibrary of(Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    String userAgent = null;
    String googClient = null;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      if (name == null || header.getValue() == null || header.getValue().isEmpty()) {
        continue;
      }
      if (name.equalsIgnoreCase("user-agent")) {
        userAgent = header.getValue().get(0);
      } else if (name.equalsIgnoreCase("x-goog-api-client")) {
        googClient = header.getValue().get(0);
      }
    }
    CallingLibrary found = googClient == null ? null : remembered(googClient);
    if (found == null && userAgent != null) {
      found = remembered(userAgent);
    }
    return found;
  }

  private static CallingLibrary remembered(String value) {
    CallingLibrary known = BY_HEADER.get(value);
    if (known == null) {
      known = identify(value);
      if (known == null) {
        known = NONE;
      }
      if (BY_HEADER.size() < MAX_REMEMBERED) {
        BY_HEADER.put(value, known);
      }
    }
    return known == NONE ? null : known;
  }

  /** The library a User-Agent or x-goog-api-client value names, or null. */
  static CallingLibrary identify(String value) {
    if (value.startsWith("OpenAI") && value.contains("/Java")) {
      return new CallingLibrary(LlmLibrary.OPENAI_JAVA, versionAfter(value, "/Java "));
    }
    if (value.startsWith("Anthropic") && value.contains("/Java")) {
      return new CallingLibrary(LlmLibrary.ANTHROPIC_JAVA, versionAfter(value, "/Java "));
    }
    if (value.contains("google-genai-sdk/")) {
      return new CallingLibrary(LlmLibrary.GOOGLE_GENAI, versionAfter(value, "google-genai-sdk/"));
    }
    if (value.contains("azsdk-java-azure-ai-openai/")) {
      return new CallingLibrary(LlmLibrary.AZURE_AI_OPENAI, versionAfter(value, "azsdk-java-azure-ai-openai/"));
    }
    if (value.startsWith("aws-sdk-java/")) {
      // the AWS SDK's modules share its version
      return new CallingLibrary(LlmLibrary.BEDROCK_RUNTIME, versionAfter(value, "aws-sdk-java/"));
    }
    if (value.startsWith("langchain4j")) {
      return new CallingLibrary(LlmLibrary.LANGCHAIN4J, null);
    }
    if (value.startsWith("okhttp/")) {
      return new CallingLibrary(LlmLibrary.OKHTTP, versionAfter(value, "okhttp/"));
    }
    if (value.startsWith("Apache-HttpClient/5")) {
      return new CallingLibrary(LlmLibrary.HTTPCLIENT5, versionAfter(value, "Apache-HttpClient/"));
    }
    return null;
  }

  /** The version after {@code marker}, up to a blank or '(' ; null when there is none. */
  private static String versionAfter(String value, String marker) {
    int start = value.indexOf(marker);
    if (start < 0) {
      return null;
    }
    start += marker.length();
    int end = start;
    while (end < value.length() && value.charAt(end) != ' ' && value.charAt(end) != '(' && value.charAt(end) != ';') {
      end++;
    }
    return end > start && Character.isDigit(value.charAt(start)) ? value.substring(start, end) : null;
  }
}
