package dev.warden.it.harness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The policy the SDK tests run under: OpenAI, Anthropic and Gemini at the fake server's port, one
 * key scope per provider (matched by fingerprint), and e-mail addresses redacted from prompts.
 */
public final class TestPolicy {

  public static final String OPENAI_KEY = "sk-it-openai-0000000000000001";
  public static final String ANTHROPIC_KEY = "sk-ant-it-0000000000000001";
  public static final String GEMINI_KEY = "AIza-it-gemini-0000000000000001";

  public static final List<String> OPENAI_MODELS = List.of("gpt-4o-mini", "gpt-4.1*");
  public static final List<String> ANTHROPIC_MODELS = List.of("claude-3-5-haiku*");
  public static final List<String> GEMINI_MODELS = List.of("gemini-2.5-flash*");

  private TestPolicy() {}

  /** The baseline policy. */
  public static String yaml(int port) {
    return yaml(port, OPENAI_MODELS, ANTHROPIC_MODELS);
  }

  /** The policy with the given model globs in the OpenAI and Anthropic scopes. */
  public static String yaml(int port, List<String> openAiModels, List<String> anthropicModels) {
    return yaml(port, openAiModels, anthropicModels, GEMINI_MODELS);
  }

  /** The policy with the given model globs in the three scopes. */
  public static String yaml(int port, List<String> openAiModels, List<String> anthropicModels,
      List<String> geminiModels) {
    return """
        version: 1
        mode: enforce
        onError: block
        providers:
          - {name: openai, format: openai, baseUrl: "http://127.0.0.1:%1$d/v1"}
          - {name: anthropic, format: anthropic, baseUrl: "http://127.0.0.1:%1$d"}
          - {name: gemini, format: gemini, baseUrl: "http://127.0.0.1:%1$d/v1beta"}
        keys:
          default: deny
          scopes:
            - id: test-openai
              fingerprint: "%2$s"
              providers: [openai]
              models: %3$s
              operations: [chat, embeddings]
            - id: test-anthropic
              fingerprint: "%4$s"
              providers: [anthropic]
              models: %5$s
              operations: [chat]
            - id: test-gemini
              fingerprint: "%6$s"
              providers: [gemini]
              models: %7$s
              operations: [chat, embeddings]
        pii:
          prompts: redact
        """.formatted(port, fingerprint(OPENAI_KEY), flow(openAiModels), fingerprint(ANTHROPIC_KEY),
        flow(anthropicModels), fingerprint(GEMINI_KEY), flow(geminiModels));
  }

  /**
   * The policy of the Azure OpenAI tests: the fake server as an Azure resource, the OpenAI test
   * key's scope naming deployments, e-mail addresses redacted.
   */
  public static String azureYaml(int port, List<String> deployments) {
    return """
        version: 1
        mode: enforce
        onError: block
        providers:
          - {name: azure, format: azure-openai, baseUrl: "http://127.0.0.1:%1$d"}
        keys:
          default: deny
          scopes:
            - id: test-azure
              fingerprint: "%2$s"
              providers: [azure]
              models: %3$s
              operations: [chat, embeddings]
        pii:
          prompts: redact
        """.formatted(port, fingerprint(OPENAI_KEY), flow(deployments));
  }

  /** {@code "sha256:" + lowercase hex SHA-256 of the key's UTF-8 bytes}, as policies name keys. */
  public static String fingerprint(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 1-based number of the first line of {@code yaml} that contains {@code text}. */
  public static int lineOf(String yaml, String text) {
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(text)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not in the policy");
  }

  private static String flow(List<String> models) {
    StringBuilder flow = new StringBuilder("[");
    for (String model : models) {
      flow.append(flow.length() > 1 ? ", " : "").append('"').append(model).append('"');
    }
    return flow.append(']').toString();
  }
}
