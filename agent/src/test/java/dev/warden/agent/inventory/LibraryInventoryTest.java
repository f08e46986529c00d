package dev.warden.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.audit.AuditVerifier;
import dev.warden.agent.audit.HashChain;
import dev.warden.agent.policy.ActivePolicy;
import dev.warden.bootstrap.SdkFrame;
import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryInventoryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "sk-inventory-test-0000000000000001";

  @TempDir Path dir;

  @Test
  void onlyTheListedPackagesAreLibraryClasses() {
    assertThat(LlmLibrary.ofClass("com/openai/client/okhttp/OpenAIOkHttpClient")).isEqualTo(LlmLibrary.OPENAI_JAVA);
    assertThat(LlmLibrary.ofClass("com/anthropic/client/AnthropicClient")).isEqualTo(LlmLibrary.ANTHROPIC_JAVA);
    assertThat(LlmLibrary.ofClass("com/google/genai/Client")).isEqualTo(LlmLibrary.GOOGLE_GENAI);
    assertThat(LlmLibrary.ofClass("dev/langchain4j/model/openai/OpenAiChatModel")).isEqualTo(LlmLibrary.LANGCHAIN4J);
    assertThat(LlmLibrary.ofClass("org/springframework/ai/chat/model/ChatModel")).isEqualTo(LlmLibrary.SPRING_AI);
    assertThat(LlmLibrary.ofClass("software/amazon/awssdk/services/bedrockruntime/BedrockRuntimeClient"))
        .isEqualTo(LlmLibrary.BEDROCK_RUNTIME);
    assertThat(LlmLibrary.ofClass("com/azure/ai/openai/OpenAIClient")).isEqualTo(LlmLibrary.AZURE_AI_OPENAI);
    assertThat(LlmLibrary.ofClass("okhttp3/OkHttpClient")).isEqualTo(LlmLibrary.OKHTTP);
    assertThat(LlmLibrary.ofClass("org/apache/hc/client5/http/impl/classic/CloseableHttpClient"))
        .isEqualTo(LlmLibrary.HTTPCLIENT5);
    for (String other : List.of("java/lang/String", "com/azure/core/http/HttpClient", "com/google/gson/Gson",
        "software/amazon/awssdk/core/SdkClient", "org/springframework/web/client/RestClient", "dev/warden/agent/Hooks",
        "okhttp", "com/openai", "sun/misc/Unsafe", "", "$Proxy12")) {
      assertThat(LlmLibrary.ofClass(other)).as(other).isNull();
    }
    assertThat(LlmLibrary.ofClass(null)).isNull();
  }

  @Test
  void aLibrarysFirstClassFromAJarHasTheJarReadOffTheLoadingThread() throws Exception {
    Path jar = dir.resolve("openai-java-core-4.101.0.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, "openai-java-core");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "4.101.0");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      // a manifest is all it needs
    }
    LibraryInventory inventory = new LibraryInventory();
    ProtectionDomain domain = new ProtectionDomain(new CodeSource(jar.toUri().toURL(), (Certificate[]) null), null);
    inventory.classLoading("java/lang/String", domain);
    inventory.classLoading("com/openai/client/OpenAIClient", null);
    assertThat(inventory.libraries()).isEmpty();

    inventory.classLoading("com/openai/client/OpenAIClient", domain);
    inventory.classLoading("com/openai/models/ChatModel", domain);
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      while (inventory.libraries().isEmpty()) {
        Thread.sleep(10);
      }
    });
    assertThat(inventory.libraries()).containsExactly(new LibraryCoordinates(LlmLibrary.OPENAI_JAVA, "com.openai",
        "openai-java-core", "4.101.0", "manifest"));
  }

  @Test
  void aCallIsFromTheJarsOfTheLibraryItsHeadersNameElseFromTheHeadersVersion() {
    LibraryInventory inventory = new LibraryInventory();
    Map<String, List<String>> openAi = Map.of("User-Agent", List.of("OpenAIClientImpl/Java 4.101.0"),
        "X-Stainless-Package-Version", List.of("4.101.0"));
    assertThat(inventory.callingLibraries(openAi)).containsExactly("com.openai:openai-java:4.101.0");

    inventory.add(new LibraryCoordinates(LlmLibrary.OPENAI_JAVA, "com.openai", "openai-java-core", "3.2.0", "manifest"));
    inventory.add(new LibraryCoordinates(LlmLibrary.OPENAI_JAVA, "com.openai", "openai-java-client-okhttp", "3.2.0",
        "manifest"));
    inventory.add(new LibraryCoordinates(LlmLibrary.OPENAI_JAVA, "com.openai", "openai-java-core", "3.2.0", "manifest"));
    assertThat(inventory.callingLibraries(openAi)).as("the jars read are authoritative")
        .containsExactly("com.openai:openai-java-core:3.2.0", "com.openai:openai-java-client-okhttp:3.2.0");
    assertThat(inventory.libraries()).hasSize(2);

    assertThat(inventory.callingLibraries(Map.of("user-agent", List.of("Java-http-client/17")))).isEmpty();
    assertThat(inventory.callingLibraries(Map.of())).isEmpty();
    assertThat(inventory.callingLibraries(null)).isEmpty();
    assertThat(inventory.callingLibraries(Map.of("user-agent", List.of("langchain4j-openai")))).as("no version").isEmpty();
  }

  @Test
  void withTwoReleasesOfOneSdkInTheJvmACallIsFromTheOneItsHeadersName() {
    LibraryInventory inventory = new LibraryInventory();
    inventory.add(new LibraryCoordinates(LlmLibrary.OPENAI_JAVA, "com.openai", "openai-java-core", "3.2.0", "manifest"));
    inventory.add(new LibraryCoordinates(LlmLibrary.OPENAI_JAVA, "com.openai", "openai-java-core", "4.101.0", "manifest"));
    assertThat(inventory.callingLibraries(Map.of("user-agent", List.of("OpenAIClientImpl/Java 4.101.0"))))
        .containsExactly("com.openai:openai-java-core:4.101.0");
    assertThat(inventory.callingLibraries(Map.of("user-agent", List.of("OpenAIClientImpl/Java 3.2.0"))))
        .containsExactly("com.openai:openai-java-core:3.2.0");
    assertThat(inventory.callingLibraries(Map.of("user-agent", List.of("OpenAIClientImpl/Java 9.9.9"))))
        .as("no jar of that version: all of them")
        .containsExactly("com.openai:openai-java-core:3.2.0", "com.openai:openai-java-core:4.101.0");
  }

  @Test
  void aCallInsideAFrameworksOperationIsFromTheFrameworkToo() {
    LibraryInventory inventory = new LibraryInventory();
    inventory.add(new LibraryCoordinates(LlmLibrary.OPENAI_JAVA, "com.openai", "openai-java-core", "4.101.0", "manifest"));
    inventory.add(new LibraryCoordinates(LlmLibrary.SPRING_AI, "org.springframework.ai", "spring-ai-openai", "1.0.1",
        "pom.properties"));
    Map<String, List<String>> openAi = Map.of("user-agent", List.of("OpenAIClientImpl/Java 4.101.0"));
    Object frame = SdkFrame.enter("spring-ai");
    try {
      assertThat(inventory.callingLibraries(openAi))
          .containsExactly("com.openai:openai-java-core:4.101.0", "org.springframework.ai:spring-ai-openai:1.0.1");
      assertThat(inventory.callingLibraries(Map.of())).containsExactly("org.springframework.ai:spring-ai-openai:1.0.1");
    } finally {
      SdkFrame.exit(frame);
    }
    frame = SdkFrame.enter("openai-java");
    try {
      assertThat(inventory.callingLibraries(openAi)).containsExactly("com.openai:openai-java-core:4.101.0");
    } finally {
      SdkFrame.exit(frame);
    }
    assertThat(inventory.callingLibraries(openAi)).containsExactly("com.openai:openai-java-core:4.101.0");
  }

  @Test
  void theSdksHeadersNameTheirLibraryAndVersion() {
    // the Stainless SDKs name their client class
    assertThat(CallingLibrary.identify("OpenAIClientImpl/Java 4.101.0")).isEqualTo(
        new CallingLibrary(LlmLibrary.OPENAI_JAVA, "4.101.0"));
    assertThat(CallingLibrary.identify("OpenAIClientAsyncImpl/Java 4.101.0")).isEqualTo(
        new CallingLibrary(LlmLibrary.OPENAI_JAVA, "4.101.0"));
    assertThat(CallingLibrary.identify("AnthropicClientImpl/Java 3.14.0")).isEqualTo(
        new CallingLibrary(LlmLibrary.ANTHROPIC_JAVA, "3.14.0"));
    assertThat(CallingLibrary.identify("google-genai-sdk/2.0.0 gl-java/17.0.12")).isEqualTo(
        new CallingLibrary(LlmLibrary.GOOGLE_GENAI, "2.0.0"));
    assertThat(CallingLibrary.identify("azsdk-java-azure-ai-openai/1.0.0-beta.16 (17.0.12; Linux; 6.8)")).isEqualTo(
        new CallingLibrary(LlmLibrary.AZURE_AI_OPENAI, "1.0.0-beta.16"));
    assertThat(CallingLibrary.identify("aws-sdk-java/2.57.8 md/io#sync ua/2.1 os/Linux")).isEqualTo(
        new CallingLibrary(LlmLibrary.BEDROCK_RUNTIME, "2.57.8"));
    assertThat(CallingLibrary.identify("langchain4j-openai")).isEqualTo(new CallingLibrary(LlmLibrary.LANGCHAIN4J, null));
    assertThat(CallingLibrary.identify("okhttp/4.12.0")).isEqualTo(new CallingLibrary(LlmLibrary.OKHTTP, "4.12.0"));
    assertThat(CallingLibrary.identify("Apache-HttpClient/5.4.4 (Java/17.0.12)")).isEqualTo(
        new CallingLibrary(LlmLibrary.HTTPCLIENT5, "5.4.4"));
    assertThat(CallingLibrary.identify("Apache-HttpClient/4.5.14 (Java/17)")).isNull();
    assertThat(CallingLibrary.identify("OpenAIClientImpl/Java")).isEqualTo(new CallingLibrary(LlmLibrary.OPENAI_JAVA, null));
    assertThat(CallingLibrary.identify("OpenAI-Python/1.0")).isNull();
    assertThat(CallingLibrary.identify("Mozilla/5.0")).isNull();
    // x-goog-api-client wins over a User-Agent
    assertThat(CallingLibrary.of(Map.of("x-goog-api-client", List.of("google-genai-sdk/2.0.0"),
        "User-Agent", List.of("okhttp/4.12.0")))).isEqualTo(new CallingLibrary(LlmLibrary.GOOGLE_GENAI, "2.0.0"));
  }

  @Test
  void libraryAndFirstUseRecordsAreWrittenOncePerTrailAndKeepTheChain() throws Exception {
    Path trail = dir.resolve("audit.jsonl");
    ActivePolicy policy = ActivePolicy.of(PolicyLoader.parse(
        "version: 1\naudit:\n  sink: \"file:" + trail + "\"\nkeys:\n  default: allow\n", "inventory.yaml"));
    LibraryInventory inventory = new LibraryInventory();
    inventory.recordTo(() -> policy);
    inventory.add(new LibraryCoordinates(LlmLibrary.OPENAI_JAVA, "com.openai", "openai-java-core", "4.101.0", "manifest"));
    inventory.recordLibraries(policy.audit());
    List<String> from = List.of("com.openai:openai-java-core:4.101.0");
    Exchange chat = new Exchange("openai", "chat", "gpt-4o-mini", false, "sha256:" + "1".repeat(64), null,
        List.of(new TextPart(0, "user", "my secret prompt")));
    inventory.used(policy, "api.openai.com", 443, chat, "bot", from);
    inventory.used(policy, "api.openai.com", 443, chat, "bot", from);
    Exchange other = new Exchange("openai", "chat", "gpt-4.1", false, null, null, List.of());
    inventory.used(policy, "api.openai.com", 443, other, null, List.of());

    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(trail)) {
      assertThat(line).doesNotContain("secret prompt").doesNotContain("1111111111").doesNotContain(KEY);
      records.add(JSON.readTree(line));
    }
    assertThat(records).extracting(r -> r.path("event").asText())
        .containsExactly("library_detected", "llm_first_use", "llm_first_use");
    assertThat(records.get(0).path("library").asText()).isEqualTo("com.openai:openai-java-core");
    assertThat(records.get(0).path("version").asText()).isEqualTo("4.101.0");
    assertThat(records.get(0).path("source").asText()).isEqualTo("manifest");
    JsonNode first = records.get(1);
    assertThat(first.path("provider").asText()).isEqualTo("openai");
    assertThat(first.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(first.path("endpoint").asText()).isEqualTo("api.openai.com:443");
    assertThat(first.path("keyId").asText()).isEqualTo("bot");
    assertThat(first.path("libraries").get(0).asText()).isEqualTo("com.openai:openai-java-core:4.101.0");
    assertThat(first.path("policy").asText()).isEqualTo(policy.snapshot().hash());
    assertThat(records.get(2).has("keyId")).isFalse();
    assertThat(new AuditVerifier(HashChain.of(null)).verify(List.of(trail)).intact()).isTrue();
  }

  @Test
  void firstUsesAreBoundedAndRecordedNoFurther() throws Exception {
    Path trail = dir.resolve("bounded.jsonl");
    ActivePolicy policy = ActivePolicy.of(PolicyLoader.parse(
        "version: 1\naudit:\n  sink: \"file:" + trail + "\"\n", "bounded.yaml"));
    LibraryInventory inventory = new LibraryInventory();
    for (int i = 0; i < LibraryInventory.MAX_FIRST_USES + 10; i++) {
      inventory.used(policy, "h", 1, new Exchange("openai", "chat", "m" + i, false, null, null, List.of()), null,
          List.of());
    }
    assertThat(Files.readAllLines(trail)).hasSize(LibraryInventory.MAX_FIRST_USES);
  }
}
