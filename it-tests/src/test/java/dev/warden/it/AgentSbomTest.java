package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.it.harness.ItSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The agent's own SBOM, {@code META-INF/sbom/warden-agent.cdx.json} in the built jar: CycloneDX
 * JSON; every third-party class in the jar (relocated under {@code dev/warden/shaded/}, or
 * {@code javax/annotation}) is a class of a library it lists, in that library's jar at the listed
 * version as the build resolved it (so the pre-shaded modules' Jedis, OkHttp and the rest are
 * listed, at the versions whose classes the jar holds); every library it lists is inside; no
 * test-scope library is listed; the attached {@code agent/target/warden-agent.cdx.json} is the same.
 */
class AgentSbomTest {

  private static final String SBOM = "META-INF/sbom/warden-agent.cdx.json";

  /** Original package → where the shading put it: the relocations of agent, redis-client and otel-sender's poms. */
  private static final Map<String, String> RELOCATED = Map.ofEntries(
      Map.entry("net/bytebuddy/", "dev/warden/shaded/bytebuddy/"),
      Map.entry("com/fasterxml/jackson/", "dev/warden/shaded/jackson/"),
      Map.entry("com/google/re2j/", "dev/warden/shaded/re2j/"),
      Map.entry("org/yaml/snakeyaml/", "dev/warden/shaded/snakeyaml/"),
      Map.entry("com/google/crypto/tink/", "dev/warden/shaded/tink/"),
      Map.entry("com/github/benmanes/caffeine/", "dev/warden/shaded/caffeine/"),
      Map.entry("com/google/errorprone/", "dev/warden/shaded/errorprone/"),
      Map.entry("org/jspecify/", "dev/warden/shaded/jspecify/"),
      Map.entry("redis/clients/", "dev/warden/shaded/redis/"),
      Map.entry("io/opentelemetry/", "dev/warden/shaded/opentelemetry/"),
      Map.entry("org/slf4j/", "dev/warden/shaded/slf4j/"),
      Map.entry("org/apache/commons/pool2/", "dev/warden/shaded/pool2/"),
      Map.entry("org/json/", "dev/warden/shaded/json/"),
      Map.entry("com/google/gson/", "dev/warden/shaded/gson/"),
      Map.entry("okhttp3/", "dev/warden/shaded/okhttp3/"),
      Map.entry("okio/", "dev/warden/shaded/okio/"),
      Map.entry("kotlin/", "dev/warden/shaded/kotlin/"),
      Map.entry("org/jetbrains/annotations/", "dev/warden/shaded/jetbrains/annotations/"),
      Map.entry("org/intellij/lang/annotations/", "dev/warden/shaded/intellij/annotations/"),
      Map.entry("javax/annotation/", "javax/annotation/"));

  /** The agent module's test dependencies (agent/pom.xml), by group or group:artifact. */
  private static final List<String> TEST_ONLY = List.of("org.junit", "org.assertj", "com.code-intelligence",
      "ch.qos.logback", "org.apache.logging.log4j", "org.springframework", "io.opentelemetry:opentelemetry-sdk-testing");

  @Test
  void theSbomInTheJarListsExactlyTheLibrariesWhoseClassesTheJarCarries() throws IOException {
    Set<String> shipped = new TreeSet<>();
    JsonNode bom;
    try (ZipFile jar = new ZipFile(ItSettings.agentJar().toFile())) {
      ZipEntry sbom = jar.getEntry(SBOM);
      assertThat(sbom).as("the jar carries " + SBOM + " (an offline build, -o, has none: Maven skips the CycloneDX "
          + "plugin offline; build the agent online)").isNotNull();
      bom = new ObjectMapper().readTree(jar.getInputStream(sbom));
      for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        String className = name.startsWith("inst/") && name.endsWith(".classdata")
            ? name.substring(5, name.length() - 10) : name.endsWith(".class") ? name.substring(0, name.length() - 6) : null;
        if (className != null && (className.startsWith("dev/warden/shaded/") || className.startsWith("javax/"))) {
          shipped.add(className);
        }
      }
    }
    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.path("specVersion").asText()).matches("1\\.[4-9]");
    assertThat(bom.path("metadata").path("component").path("name").asText()).isEqualTo("warden-agent");
    assertThat(shipped).as("the jar has shaded libraries").hasSizeGreaterThan(5_000);

    Map<String, String> listedBy = new HashMap<>();
    List<String> notInside = new ArrayList<>();
    for (JsonNode component : bom.path("components")) {
      String group = component.path("group").asText();
      String artifact = component.path("name").asText();
      String version = component.path("version").asText();
      String coordinates = group + ":" + artifact + ":" + version;
      assertThat(component.path("scope").asText()).as(coordinates).isEqualTo("required");
      assertThat(component.path("purl").asText()).as(coordinates)
          .startsWith("pkg:maven/" + group + "/" + artifact + "@" + version);
      for (String testOnly : TEST_ONLY) {
        assertThat(testOnly.contains(":") ? group + ":" + artifact : group).as("a test-scope library").isNotEqualTo(testOnly);
      }
      if (group.equals("dev.warden")) {
        continue;
      }
      Path library = ItSettings.mavenRepository().resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
          .resolve(artifact + "-" + version + ".jar");
      assertThat(library).as(coordinates + ": the build resolved this version").exists();
      int inside = 0;
      for (String className : classesOf(library)) {
        String relocated = relocate(className);
        if (relocated != null && shipped.contains(relocated)) {
          listedBy.putIfAbsent(relocated, coordinates);
          inside++;
        }
      }
      if (inside == 0) {
        notInside.add(coordinates);
      }
    }
    assertThat(notInside).as("listed libraries none of whose classes the jar carries").isEmpty();

    Map<String, Integer> unaccounted = new TreeMap<>();
    for (String className : shipped) {
      if (!listedBy.containsKey(className)) {
        unaccounted.merge(topLevel(className), 1, Integer::sum);
      }
    }
    assertThat(unaccounted).as("classes in the jar (by package: count) of no library the SBOM lists").isEmpty();
    System.out.println(getClass().getSimpleName() + ": " + shipped.size() + " third-party classes in the jar, each of one of "
        + bom.path("components").size() + " listed components");

    Path attached = ItSettings.agentJar().resolveSibling("warden-agent.cdx.json");
    assertThat(new ObjectMapper().readTree(attached.toFile())).as("the attached SBOM is the shipped one").isEqualTo(bom);
  }

  private static List<String> classesOf(Path library) throws IOException {
    List<String> classes = new ArrayList<>();
    try (ZipFile jar = new ZipFile(library.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
          classes.add(name.substring(0, name.length() - 6));
        }
      }
    }
    return classes;
  }

  private static String relocate(String className) {
    for (Map.Entry<String, String> relocation : RELOCATED.entrySet()) {
      if (className.startsWith(relocation.getKey())) {
        return relocation.getValue() + className.substring(relocation.getKey().length());
      }
    }
    return null;
  }

  /** {@code dev/warden/shaded/okhttp3/internal/Foo} → {@code dev/warden/shaded/okhttp3}. */
  private static String topLevel(String className) {
    String[] parts = className.split("/");
    return className.startsWith("dev/warden/shaded/") ? String.join("/", List.of(parts).subList(0, 4)) : parts[0] + "/" + parts[1];
  }
}
