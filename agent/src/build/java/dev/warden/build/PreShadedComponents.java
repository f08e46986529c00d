package dev.warden.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step, never shipped: completes the agent's CycloneDX SBOM with what the pre-shaded modules
 * ({@code warden-redis-client}, {@code warden-otel-sender}) carry. The CycloneDX plugin sees those
 * modules through their dependency-reduced poms, which list nothing of what they shaded, so each
 * module writes its own SBOM into its jar; this adds those components (each with a
 * {@code warden:shaded-in} property naming its module) and their dependency edges to the agent's.
 * A component the agent already lists at the same version is listed once.
 *
 * <p>{@code PreShadedComponents AGENT.cdx.json DIR}: rewrites AGENT.cdx.json with every
 * {@code *.cdx.json} of DIR merged in; fails when DIR holds none or names a module the agent does
 * not depend on.
 */
public final class PreShadedComponents {

  private PreShadedComponents() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Path agentBom = Path.of(args[0]);
    ObjectNode bom = (ObjectNode) json.readTree(agentBom.toFile());
    ArrayNode components = (ArrayNode) bom.get("components");
    ArrayNode dependencies = (ArrayNode) bom.get("dependencies");
    Map<String, JsonNode> listed = new HashMap<>();
    components.forEach(c -> listed.put(c.get("bom-ref").asText(), c));
    Map<String, ObjectNode> edges = new HashMap<>();
    dependencies.forEach(d -> edges.put(d.get("ref").asText(), (ObjectNode) d));

    List<Path> moduleBoms = List.of();
    if (Files.isDirectory(Path.of(args[1]))) {
      try (Stream<Path> files = Files.list(Path.of(args[1]))) {
        moduleBoms = files.filter(f -> f.getFileName().toString().endsWith(".cdx.json")).sorted().toList();
      }
    }
    if (moduleBoms.isEmpty()) {
      throw new IllegalStateException("the pre-shaded modules' jars carry no SBOM (" + args[1] + "): build them "
          + "online in the same reactor as the agent (-am), or the agent's SBOM would miss what they carry");
    }
    for (Path moduleBom : moduleBoms) {
      JsonNode module = json.readTree(moduleBom.toFile());
      JsonNode moduleComponent = module.path("metadata").path("component");
      String moduleRef = moduleComponent.path("bom-ref").asText();
      if (!listed.containsKey(moduleRef)) {
        throw new IllegalStateException(moduleBom + " describes " + moduleRef + ", which the agent's SBOM does not list");
      }
      for (JsonNode component : module.path("components")) {
        String ref = component.get("bom-ref").asText();
        if (!listed.containsKey(ref)) {
          ObjectNode copy = component.deepCopy();
          copy.withArray("properties").addObject()
              .put("name", "warden:shaded-in")
              .put("value", moduleComponent.path("name").asText());
          components.add(copy);
          listed.put(ref, copy);
        }
      }
      for (JsonNode edge : module.path("dependencies")) {
        String ref = edge.get("ref").asText();
        ObjectNode known = edges.get(ref);
        if (known == null) {
          ObjectNode copy = edge.deepCopy();
          dependencies.add(copy);
          edges.put(ref, copy);
        } else if (ref.equals(moduleRef)) {
          known.set("dependsOn", edge.path("dependsOn").deepCopy());
        }
      }
    }
    json.writeValue(agentBom.toFile(), bom);
  }
}
