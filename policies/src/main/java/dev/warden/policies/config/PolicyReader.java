package dev.warden.policies.config;

import dev.warden.policies.alerts.AlertThresholds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the located tree of a policy file into a {@link PolicyDocument}, checking it against
 * schema version 1 and reporting every problem it can find, each at its own line and column.
 * Sections and keys of schema 1 that this version does not implement are reported as such.
 */
final class PolicyReader {

  private static final Set<String> TOP_KEYS = Set.of("version", "mode", "onError", "identity", "providers", "keys", "pii",
      "injection", "audit", "telemetry", "cache", "alerts", "inventory");
  private static final List<String> MODES = List.of("enforce", "monitor");
  private static final List<String> ON_ERROR = List.of("block", "allow");

  static final String EMPTY = "empty policy file: 'version' is required";

  private PolicyReader() {}

  /**
   * @param root        the tree, or null for a file without a document
   * @param environment where {@code env:} secrets are read ({@code System::getenv})
   * @return the document; meaningful only when {@code errors} stayed empty
   * @throws PolicyException when the file is empty or not a mapping: nothing else can be checked
   */
  static PolicyDocument read(YamlNode root, Function<String, String> environment, ErrorList errors)
      throws PolicyException {
    if (root == null || (root instanceof YamlScalar s && s.isEmpty())) {
      throw errors.fatal(1, 1, EMPTY);
    }
    if (!(root instanceof YamlMap map)) {
      throw errors.fatal(root.line(), root.column(), "a policy file must be a mapping that starts with 'version: 1'");
    }
    readVersion(map, errors);
    Fields.checkKeys(map, "", TOP_KEYS, Set.of(), errors);
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

    PiiPolicy pii = map.get("pii") == null ? PiiPolicy.OFF : PiiReader.read(map.get("pii"), "pii", PiiPolicy.OFF, errors);
    InjectionPolicy injection = map.get("injection") == null ? InjectionPolicy.OFF
        : InjectionReader.read(map.get("injection"), "injection", InjectionPolicy.OFF, errors);
    KeyPolicy keys = map.get("keys") == null ? null
        : KeysReader.read(map.get("keys"), providerNames, pii, injection, environment, errors);
    IdentityPolicy identity = map.get("identity") == null ? IdentityPolicy.NONE
        : IdentityReader.read(map.get("identity"), errors);
    AuditPolicy audit = map.get("audit") == null ? AuditPolicy.OFF : AuditReader.read(map.get("audit"), environment, errors);
    boolean telemetryContent = map.get("telemetry") != null && TelemetryReader.readRedactedContent(map.get("telemetry"), errors);
    CachePolicy cache = map.get("cache") == null ? CachePolicy.OFF : CacheReader.read(map.get("cache"), environment, errors);
    AlertThresholds alerts = map.get("alerts") == null ? AlertThresholds.OFF : AlertsReader.read(map.get("alerts"), errors);
    InventoryPolicy inventory = map.get("inventory") == null ? InventoryPolicy.NONE
        : InventoryReader.read(map.get("inventory"), errors);
    return new PolicyDocument(monitor, failClosed, providers, identity, keys, pii, injection, audit, telemetryContent,
        cache, alerts, inventory);
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
}
