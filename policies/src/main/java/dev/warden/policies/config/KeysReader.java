package dev.warden.policies.config;

import dev.warden.policies.engine.Glob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the {@code keys} section: the default for unmatched keys and the scopes, each with a
 * unique id, a unique fingerprint, and optional provider, model and operation lists. A fingerprint
 * is never quoted in a message: a raw key pasted there by mistake must not reach a log.
 */
final class KeysReader {

  private static final Set<String> KEYS = Set.of("default", "scopes");
  private static final Set<String> SCOPE_KEYS = Set.of("id", "fingerprint", "providers", "models", "operations", "pii", "injection");
  private static final Set<String> SCOPE_NOT_YET =
      Set.of("virtualKey", "secret", "roles", "maxOutputTokens", "limits", "expires");
  private static final List<String> DEFAULTS = List.of("deny", "allow");
  private static final List<String> OPERATIONS = List.of("chat", "embeddings");
  private static final int MAX_ID_LENGTH = 64;

  private final ErrorList errors;
  private final Set<String> providerNames;
  private final PiiPolicy pii;
  private final InjectionPolicy injection;
  private final Map<String, YamlScalar> ids = new HashMap<>();
  private final Map<String, String> fingerprints = new HashMap<>();

  private KeysReader(ErrorList errors, Set<String> providerNames, PiiPolicy pii, InjectionPolicy injection) {
    this.errors = errors;
    this.providerNames = providerNames;
    this.pii = pii;
    this.injection = injection;
  }

  /**
   * @param providerNames every provider name a scope may list (configured and built-in)
   * @param pii           the top-level {@code pii} section, which a scope's {@code pii} overrides key by key
   * @param injection     the top-level {@code injection} section, which a scope's overrides key by key
   * @return the section with its valid scopes; problems go to {@code errors}
   */
  static KeyPolicy read(YamlNode node, Set<String> providerNames, PiiPolicy pii, InjectionPolicy injection,
      ErrorList errors) {
    YamlMap map = Fields.map(node, "keys", errors);
    if (map == null) {
      return new KeyPolicy(false, List.of());
    }
    Fields.checkKeys(map, "keys", KEYS, Set.of(), errors);
    boolean defaultAllow = false;
    YamlNode defaultNode = map.get("default");
    if (defaultNode != null) {
      defaultAllow = "allow".equals(Fields.oneOf(defaultNode, "keys.default", DEFAULTS, Set.of(), errors));
    }
    List<KeyScope> scopes = new ArrayList<>();
    YamlNode scopesNode = map.get("scopes");
    if (scopesNode != null) {
      YamlList list = Fields.list(scopesNode, "keys.scopes", errors);
      if (list != null) {
        KeysReader reader = new KeysReader(errors, providerNames, pii, injection);
        for (int i = 0; i < list.items().size(); i++) {
          KeyScope scope = reader.readScope(list.items().get(i), Fields.item("keys.scopes", i));
          if (scope != null) {
            scopes.add(scope);
          }
        }
      }
    }
    return new KeyPolicy(defaultAllow, scopes);
  }

  private KeyScope readScope(YamlNode node, String path) {
    YamlMap map = Fields.map(node, path, errors);
    if (map == null) {
      return null;
    }
    Fields.checkKeys(map, path, SCOPE_KEYS, SCOPE_NOT_YET, errors);
    String id = readId(map, path);
    String fingerprint = readFingerprint(map, path, id);
    List<String> providers = readProviders(map.get("providers"), path + ".providers");
    List<String> models = readModels(map.get("models"), path + ".models");
    List<String> operations = readOperations(map.get("operations"), path + ".operations");
    if (id == null || fingerprint == null) {
      return null;
    }
    PiiPolicy scopePii = map.get("pii") == null ? null : PiiReader.read(map.get("pii"), path + ".pii", pii, errors);
    InjectionPolicy scopeInjection = map.get("injection") == null ? null
        : InjectionReader.read(map.get("injection"), path + ".injection", injection, errors);
    return new KeyScope(id, fingerprint, providers, models, operations, scopePii, scopeInjection);
  }

  private String readId(YamlMap map, String path) {
    YamlNode node = map.get("id");
    if (node == null) {
      errors.add(map, "'" + path + ".id' is required");
      return null;
    }
    String id = Fields.string(node, path + ".id", errors);
    if (id == null) {
      return null;
    }
    if (!isValidId(id)) {
      errors.add(node, "'" + path + ".id' must be 1-" + MAX_ID_LENGTH + " letters, digits, '.', '_', '-', ':' or '/'");
      return null;
    }
    YamlScalar first = ids.putIfAbsent(id, (YamlScalar) node);
    if (first != null) {
      errors.add(node, "duplicate key scope id " + Texts.quote(id) + " (first at " + first.line() + ":" + first.column() + ")");
      return null;
    }
    return id;
  }

  private String readFingerprint(YamlMap map, String path, String id) {
    YamlNode node = map.get("fingerprint");
    if (node == null) {
      errors.add(map, "'" + path + ".fingerprint' is required in this version of Warden");
      return null;
    }
    String fingerprint = Fields.string(node, path + ".fingerprint", errors);
    if (fingerprint == null) {
      return null;
    }
    if (!isFingerprint(fingerprint)) {
      errors.add(node, "'" + path + ".fingerprint' must be \"sha256:\" followed by 64 lowercase hex digits");
      return null;
    }
    String owner = fingerprints.putIfAbsent(fingerprint, id == null ? path : "scope '" + id + "'");
    if (owner != null) {
      errors.add(node, "'" + path + ".fingerprint' is already used by " + owner + "; a key can match only one scope");
      return null;
    }
    return fingerprint;
  }

  private List<String> readProviders(YamlNode node, String path) {
    if (node == null) {
      return null;
    }
    List<YamlScalar> items = Fields.strings(node, path, "omit it to allow any provider", errors);
    if (items == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (YamlScalar s : items) {
      if (s == null) {
        continue;
      }
      if (providerNames.contains(s.text())) {
        out.add(s.text());
      } else {
        errors.add(s, "unknown provider " + Texts.quote(s.text()) + " in " + path + "; known: " + String.join(", ", providerNames));
      }
    }
    return List.copyOf(out);
  }

  private List<String> readModels(YamlNode node, String path) {
    if (node == null) {
      return null;
    }
    List<YamlScalar> items = Fields.strings(node, path, "omit it to allow any model", errors);
    if (items == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      YamlScalar s = items.get(i);
      if (s == null) {
        continue;
      }
      try {
        Glob.compile(s.text());
        out.add(s.text());
      } catch (IllegalArgumentException e) {
        errors.add(s, "'" + Fields.item(path, i) + "' " + e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  private List<String> readOperations(YamlNode node, String path) {
    if (node == null) {
      return null;
    }
    List<YamlScalar> items = Fields.strings(node, path, "omit it to allow any operation", errors);
    if (items == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      YamlScalar s = items.get(i);
      String op = s == null ? null : Fields.oneOf(s, Fields.item(path, i), OPERATIONS, Set.of(), errors);
      if (op != null) {
        out.add(op);
      }
    }
    return List.copyOf(out);
  }

  private static boolean isValidId(String id) {
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-' || c == ':' || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code "sha256:"} followed by exactly 64 lowercase hex digits. */
  static boolean isFingerprint(String s) {
    if (s.length() != 7 + 64 || !s.startsWith("sha256:")) {
      return false;
    }
    for (int i = 7; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
