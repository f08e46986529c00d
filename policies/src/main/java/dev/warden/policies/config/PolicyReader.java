package dev.warden.policies.config;

import dev.warden.policies.pii.BuiltInRecognizers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the located tree of a policy file into a {@link PolicyDocument}, checking it against
 * schema version 1 and reporting every problem it can find, each at its own line and column.
 * Sections and keys of schema 1 that this version does not implement are reported as such.
 */
final class PolicyReader {

  private static final Set<String> TOP_KEYS = Set.of("version", "mode", "onError", "providers", "keys", "pii");
  private static final Set<String> TOP_NOT_YET = Set.of("identity", "injection", "cache", "telemetry", "audit");
  private static final Set<String> PII_KEYS = Set.of("prompts", "entities");
  private static final Set<String> PII_NOT_YET = Set.of("completions", "custom", "allow");
  private static final List<String> MODES = List.of("enforce", "monitor");
  private static final List<String> ON_ERROR = List.of("block", "allow");
  private static final List<String> PII_ACTIONS = List.of("off", "detect", "redact", "block");
  private static final List<String> ENTITIES = BuiltInRecognizers.TYPES;
  private static final Set<String> ENTITIES_NOT_YET = Set.of("PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "IP_ADDRESS", "SECRET");

  static final String EMPTY = "empty policy file: 'version' is required";

  private PolicyReader() {}

  /**
   * @param root the tree, or null for a file without a document
   * @return the document; meaningful only when {@code errors} stayed empty
   * @throws PolicyException when the file is empty or not a mapping: nothing else can be checked
   */
  static PolicyDocument read(YamlNode root, ErrorList errors) throws PolicyException {
    if (root == null || (root instanceof YamlScalar s && s.isEmpty())) {
      throw errors.fatal(1, 1, EMPTY);
    }
    if (!(root instanceof YamlMap map)) {
      throw errors.fatal(root.line(), root.column(), "a policy file must be a mapping that starts with 'version: 1'");
    }
    readVersion(map, errors);
    Fields.checkKeys(map, "", TOP_KEYS, TOP_NOT_YET, errors);
    boolean monitor = "monitor".equals(readEnum(map, "mode", MODES, errors));
    boolean failClosed = !"allow".equals(readEnum(map, "onError", ON_ERROR, errors));

    List<ProviderEndpoint> providers = new ArrayList<>();
    if (map.get("providers") != null) {
      providers.addAll(ProvidersReader.read(map.get("providers"), errors));
    }
    providers.addAll(BuiltInProviders.ALL);
    Set<String> providerNames = new LinkedHashSet<>();
    for (ProviderEndpoint p : providers) {
      providerNames.add(p.name());
    }

    KeyPolicy keys = map.get("keys") == null ? null : KeysReader.read(map.get("keys"), providerNames, errors);
    PiiPolicy pii = map.get("pii") == null ? PiiPolicy.OFF : readPii(map.get("pii"), errors);
    return new PolicyDocument(monitor, failClosed, providers, keys, pii);
  }

  private static void readVersion(YamlMap map, ErrorList errors) {
    YamlNode node = map.get("version");
    if (node == null) {
      errors.add(map, "'version' is required");
    } else if (!(node instanceof YamlScalar s) || s.type() != YamlScalar.Type.INTEGER) {
      errors.add(node, "'version' must be an integer");
    } else if (!s.number().toString().equals("1")) {
      errors.add(node, "'version' must be 1 (got " + Texts.oneLine(s.number().toString(), Texts.MAX_QUOTED) + ")");
    }
  }

  private static String readEnum(YamlMap map, String key, List<String> allowed, ErrorList errors) {
    YamlNode node = map.get(key);
    return node == null ? null : Fields.oneOf(node, key, allowed, Set.of(), errors);
  }

  private static PiiPolicy readPii(YamlNode node, ErrorList errors) {
    YamlMap map = Fields.map(node, "pii", errors);
    if (map == null) {
      return PiiPolicy.OFF;
    }
    Fields.checkKeys(map, "pii", PII_KEYS, PII_NOT_YET, errors);
    PiiAction prompts = PiiAction.OFF;
    YamlNode promptsNode = map.get("prompts");
    if (promptsNode != null) {
      String value = Fields.oneOf(promptsNode, "pii.prompts", PII_ACTIONS, Set.of("pseudonymize"), errors);
      if (value != null) {
        prompts = PiiAction.valueOf(value.toUpperCase(Locale.ROOT));
      }
    }
    List<String> entities = ENTITIES;
    YamlNode entitiesNode = map.get("entities");
    if (entitiesNode != null) {
      entities = readEntities(entitiesNode, errors);
    }
    return new PiiPolicy(prompts, entities);
  }

  private static List<String> readEntities(YamlNode node, ErrorList errors) {
    List<YamlScalar> items = Fields.strings(node, "pii.entities", "omit it to look for every built-in entity", errors);
    if (items == null) {
      return ENTITIES;
    }
    Set<String> out = new LinkedHashSet<>();
    for (YamlScalar s : items) {
      if (s == null) {
        continue;
      }
      String name = s.text();
      if (ENTITIES.contains(name)) {
        out.add(name);
      } else if (ENTITIES_NOT_YET.contains(name)) {
        errors.add(s, "entity " + Texts.quote(name) + " " + Fields.NOT_YET + "; supported: " + String.join(", ", ENTITIES));
      } else {
        errors.add(s, "unknown entity " + Texts.quote(name) + " in pii.entities; allowed: " + String.join(", ", ENTITIES));
      }
    }
    return out.isEmpty() ? ENTITIES : List.copyOf(out);
  }
}
