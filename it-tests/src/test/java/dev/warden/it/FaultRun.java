package dev.warden.it;

import dev.warden.demo.FakeLlmServer;
import dev.warden.it.drivers.OpenAiJavaDriver;
import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import dev.warden.it.harness.LeakHunt;
import dev.warden.it.harness.PlantedSecrets;
import dev.warden.it.harness.PolicyFile;
import dev.warden.it.harness.TestPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one fault suite runs in: a fake provider, fresh {@link PlantedSecrets}, a run directory
 * (policies, audit trails: everything the leak hunt searches) and a separate secrets directory
 * (the virtual key's secret file, never searched), and the application JVMs it starts. The base
 * policy has two key scopes (the key the application holds, by fingerprint, and a virtual key
 * whose real key is the secret file), and redacts personal data and secrets from prompts, so the
 * applications' own output can be hunted too.
 */
final class FaultRun implements AutoCloseable {

  static final String MODEL = "gpt-4o-mini";
  static final String VIRTUAL_KEY = "wdn_faults_5e1c";
  /**
   * How long one call may hold the application's thread while a fault is on: a "does not hang"
   * bound, far above a call's cost and far below the stall the fault would cause if it reached
   * the calling thread.
   */
  static final Duration CALL_BOUND = Duration.ofSeconds(10);

  /** Which key the application is configured with. */
  enum Key { HELD, VIRTUAL }

  final PlantedSecrets planted = new PlantedSecrets();
  final FakeLlmServer provider;
  final Path dir;
  final Path secretFile;
  final Path secrets;
  private final Path root;
  private final Map<String, ForkedJvm> apps = new LinkedHashMap<>();

  private FaultRun(FakeLlmServer provider, Path root) throws IOException {
    this.provider = provider;
    this.root = root;
    this.dir = Files.createDirectories(root.resolve("run"));
    this.secrets = Files.createDirectories(root.resolve("secrets"));
    this.secretFile = secrets.resolve("openai.key");
    Files.writeString(secretFile, planted.virtualKeySecret() + "\n");
  }

  static FaultRun start() throws IOException {
    return new FaultRun(FakeLlmServer.start(), Files.createTempDirectory("warden-faults-"));
  }

  /** The base policy with {@code sections} (YAML at the top level) appended. */
  String policy(String sections) {
    return policy(provider.openAiBaseUrl(), sections);
  }

  /** As {@link #policy(String)}, the OpenAI provider at {@code baseUrl} instead of the fake's. */
  String policy(String baseUrl, String sections) {
    return """
        version: 1
        mode: enforce
        onError: block
        providers:
          - {name: openai, format: openai, baseUrl: "%s"}
        keys:
          default: deny
          scopes:
            - {id: held-key, fingerprint: "%s", models: [%s]}
            - {id: virtual-key, virtualKey: %s, secret: "file:%s", models: [%s]}
        pii:
          prompts: redact
          completions: redact
        """.formatted(baseUrl, TestPolicy.fingerprint(planted.apiKey()), MODEL, VIRTUAL_KEY, secretFile, MODEL)
        + sections;
  }

  /** Writes a secret (a keyring, an audit key) where the hunt does not look, and returns its path. */
  Path secret(String name, String content) throws IOException {
    return Files.writeString(secrets.resolve(name), content);
  }

  /** A fresh base64 256-bit cache key, as {@code keygen} prints. */
  static String newCacheKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  PolicyFile writePolicy(String name, String yaml) {
    PolicyFile file = new PolicyFile(dir.resolve(name));
    file.write(yaml);
    return file;
  }

  /** Starts an openai-java application and waits until its policy loaded. */
  ForkedJvm app(String name, PolicyFile policy, Key key, List<String> jvmArgs) throws IOException {
    ForkedJvm app = start(name, policy, key, jvmArgs, OpenAiJavaDriver.class);
    app.awaitStderr(SdkScenarioTest.LOADED, 0, SdkScenarioTest.START_TIMEOUT);
    return app;
  }

  /** Starts {@code driver} with the agent, Warden's debug log on (more lines to hunt), without waiting. */
  ForkedJvm start(String name, PolicyFile policy, Key key, List<String> jvmArgs, Class<?> driver) throws IOException {
    return start(name, policy, key, jvmArgs, driver, provider.openAiBaseUrl());
  }

  /** As {@link #start(String, PolicyFile, Key, List, Class)}, the application's SDK pointed at {@code baseUrl}. */
  ForkedJvm start(String name, PolicyFile policy, Key key, List<String> jvmArgs, Class<?> driver, String baseUrl)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("-Dwarden.log=debug"));
    args.addAll(jvmArgs);
    ForkedJvm app = ForkedJvm.startDriver(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy.path(), args,
        driver, baseUrl, key == Key.HELD ? planted.apiKey() : VIRTUAL_KEY);
    apps.put(name, app);
    return app;
  }

  /** "chat MODEL " + the planted prompt: personal data and the API key, all of which the policy redacts. */
  String plantedChat() {
    return plantedChat("");
  }

  /** As {@link #plantedChat()}, the prompt led by {@code tag}: a different request (another cache entry). */
  String plantedChat(String tag) {
    return "chat " + MODEL + " " + tag + planted.prompt();
  }

  /** What the fake echoes for {@link #plantedChat()}, redacted as the policy says. */
  String redactedEcho() {
    return redactedEcho("");
  }

  String redactedEcho(String tag) {
    return "echo: " + tag + "Refund the order of [EMAIL], call back on [PHONE], card [CREDIT_CARD], with the key [SECRET]";
  }

  /** Closes every application (so their output is complete), then searches it and the run directory. */
  LeakHunt.Report huntLeaks(LeakHunt hunt) {
    apps.values().forEach(ForkedJvm::close);
    apps.forEach(hunt::jvm);
    return hunt.tree(dir).assertNone();
  }

  LeakHunt hunt() {
    return new LeakHunt(planted);
  }

  @Override
  public void close() throws IOException {
    apps.values().forEach(ForkedJvm::close);
    provider.close();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
