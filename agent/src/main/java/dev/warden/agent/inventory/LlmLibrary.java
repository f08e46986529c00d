package dev.warden.agent.inventory;

/**
 * The LLM client libraries and HTTP transports whose jars Warden inventories, each named by the
 * package its classes load from. The group fills in coordinates that a jar without
 * {@code pom.properties} does not say (the Stainless SDKs are built with Gradle); the artifact is
 * the one a call's headers name when no jar of the library has been read yet.
 *
 * <p>The prefixes are in the JVM's internal form and spelled out: none of them is a package the
 * agent's shading relocates (okhttp3 and Apache HttpClient 5 are the application's, never bundled).
 */
public enum LlmLibrary {
  OPENAI_JAVA("com/openai/", "com.openai", "openai-java"),
  ANTHROPIC_JAVA("com/anthropic/", "com.anthropic", "anthropic-java"),
  GOOGLE_GENAI("com/google/genai/", "com.google.genai", "google-genai"),
  LANGCHAIN4J("dev/langchain4j/", "dev.langchain4j", "langchain4j"),
  SPRING_AI("org/springframework/ai/", "org.springframework.ai", "spring-ai"),
  BEDROCK_RUNTIME("software/amazon/awssdk/services/bedrockruntime/", "software.amazon.awssdk", "bedrockruntime"),
  AZURE_AI_OPENAI("com/azure/ai/openai/", "com.azure", "azure-ai-openai"),
  OKHTTP("okhttp3/", "com.squareup.okhttp3", "okhttp"),
  HTTPCLIENT5("org/apache/hc/client5/", "org.apache.httpcomponents.client5", "httpclient5");

  private static final LlmLibrary[] ALL = values();

  final String prefix;
  final String group;
  final String artifact;

  LlmLibrary(String prefix, String group, String artifact) {
    this.prefix = prefix;
    this.group = group;
    this.artifact = artifact;
  }

  /**
   * The library whose package {@code internalName} is in, or null: a first-letter test, then a prefix
   * comparison per library with that first letter (that fails within a few characters for other
   * classes): this is what every class load costs.
   */
  static LlmLibrary ofClass(String internalName) {
    if (internalName == null || internalName.isEmpty()) {
      return null;
    }
    char first = internalName.charAt(0);
    if (first != 'c' && first != 'd' && first != 'o' && first != 's') {
      return null;
    }
    for (LlmLibrary library : ALL) {
      if (library.prefix.charAt(0) == first && internalName.startsWith(library.prefix)) {
        return library;
      }
    }
    return null;
  }

  /** The library of an SDK frame's framework name ({@code openai-java}, {@code langchain4j}, {@code spring-ai}), or null. */
  static LlmLibrary ofFramework(String framework) {
    for (LlmLibrary library : ALL) {
      if (library.artifact.equals(framework)) {
        return library;
      }
    }
    return null;
  }

  /** {@code group:artifact:version} of this library, for a version a call's headers tell. */
  String coordinates(String version) {
    return group + ":" + artifact + ":" + version;
  }
}
