package dev.warden.policies.config;

import dev.warden.policies.engine.Glob;
import dev.warden.policies.limits.Limits;
import dev.warden.policies.secret.ApiKeyFingerprint;
import dev.warden.policies.secret.Secret;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates the {@code keys} section: the default for unmatched keys and the scopes, each with a
 * unique id, a fingerprint or a virtual key with its secret (each unique), and optional provider,
 * model, operation and role lists, output token limit and expiry. Neither a fingerprint nor a
 * virtual key nor a secret is ever quoted in a message: a raw key pasted there by mistake must
 * not reach a log.
 */
final class KeysReader {

  private static final Set<String> KEYS = Set.of("default", "scopes");
  private static final Set<String> SCOPE_KEYS = Set.of("id", "fingerprint", "virtualKey", "secret", "providers",
      "models", "operations", "roles", "maxOutputTokens", "onMaxOutputTokens", "expires", "disabled", "limits", "pii", "injection");
  private static final Set<String> LIMIT_KEYS = Set.of("requestsPerMinute", "tokensPerMinute", "tokensPerDay", "perPrincipal");
  private static final List<String> OVER_MAX_OUTPUT = List.of("block", "clamp");
  /** Shorter than this, a virtual key could be guessed or typed by accident. */
  static final int MIN_VIRTUAL_KEY_LENGTH = 8;
  private static final List<String> DEFAULTS = List.of("deny", "allow");
  private static final List<String> OPERATIONS = List.of("chat", "embeddings");
  private static final int MAX_ID_LENGTH = 64;

  private final ErrorList errors;
  private final Set<String> providerNames;
  private final PiiPolicy pii;
  private final InjectionPolicy injection;
  private final Function<String, String> environment;
  private final Map<String, YamlScalar> ids = new HashMap<>();
  private final Map<String, String> fingerprints = new HashMap<>();

  private KeysReader(ErrorList errors, Set<String> providerNames, PiiPolicy pii, InjectionPolicy injection,
      Function<String, String> environment) {
    this.errors = errors;
    this.environment = environment;
    this.providerNames = providerNames;
    this.pii = pii;
    this.injection = injection;
  }

  /**
   * @param providerNames every provider name a scope may list (configured and built-in)
   * @param pii           the top-level {@code pii} section, which a scope's {@code pii} overrides key by key
   * @param injection     the top-level {@code injection} section, which a scope's overrides key by key
   * @param environment   where {@code env:} secrets are read ({@code System::getenv})
   * @return the section with its valid scopes; problems go to {@code errors}
   */
  static KeyPolicy read(YamlNode node, Set<String> providerNames, PiiPolicy pii, InjectionPolicy injection,
      Function<String, String> environment, ErrorList errors) {
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
        KeysReader reader = new KeysReader(errors, providerNames, pii, injection, environment);
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
    Fields.checkKeys(map, path, SCOPE_KEYS, Set.of(), errors);
    String id = readId(map, path);
    String owner = id == null ? path : "scope '" + id + "'";
    String fingerprint = readFingerprint(map.get("fingerprint"), path + ".fingerprint", owner);
    String virtualFingerprint = readVirtualKey(map.get("virtualKey"), path + ".virtualKey", owner);
    Secret secret = readSecret(map.get("secret"), path + ".secret");
    boolean keyed = checkKeyAndSecret(map, path, fingerprint, virtualFingerprint, secret);
    List<String> providers = readProviders(map.get("providers"), path + ".providers");
    List<String> models = readModels(map.get("models"), path + ".models");
    List<String> operations = readOperations(map.get("operations"), path + ".operations");
    List<String> roles = readRoles(map.get("roles"), path + ".roles");
    Integer maxOutputTokens = readPositiveInt(map.get("maxOutputTokens"), path + ".maxOutputTokens");
    boolean clamp = readClamp(map, path);
    Instant expires = readExpires(map.get("expires"), path + ".expires");
    boolean disabled = map.get("disabled") != null
        && Boolean.TRUE.equals(Fields.bool(map.get("disabled"), path + ".disabled", errors));
    Limits limits = readLimits(map.get("limits"), path + ".limits");
    if (id == null || !keyed) {
      return null;
    }
    PiiPolicy scopePii = map.get("pii") == null ? null : PiiReader.read(map.get("pii"), path + ".pii", pii, errors);
    InjectionPolicy scopeInjection = map.get("injection") == null ? null
        : InjectionReader.read(map.get("injection"), path + ".injection", injection, errors);
    return new KeyScope(id, fingerprint, virtualFingerprint, secret, providers, models, operations, roles,
        maxOutputTokens, clamp, expires, disabled, limits, scopePii, scopeInjection);
  }

  /** Whether the scope can be matched: a fingerprint, or a virtual key with its secret (reported when not). */
  private boolean checkKeyAndSecret(YamlMap map, String path, String fingerprint, String virtualFingerprint,
      Secret secret) {
    YamlNode virtualKey = map.get("virtualKey");
    YamlNode secretNode = map.get("secret");
    if (map.get("fingerprint") == null && virtualKey == null) {
      errors.add(map, "'" + path + "' needs a 'fingerprint' (a real key the application holds) or a 'virtualKey' with its 'secret'");
      return false;
    }
    if (virtualKey != null && secretNode == null) {
      errors.add(virtualKey, "'" + path + ".virtualKey' needs 'secret': where the real key is read (env:NAME or file:/path)");
      return false;
    }
    if (secretNode != null && virtualKey == null) {
      errors.add(secretNode, "'" + path + ".secret' is only used with 'virtualKey': the key the application holds instead");
      return false;
    }
    return (fingerprint != null || map.get("fingerprint") == null)
        && (virtualFingerprint != null) == (secret != null)
        && (fingerprint != null || virtualFingerprint != null);
  }

  private String readVirtualKey(YamlNode node, String path, String owner) {
    if (node == null) {
      return null;
    }
    String key = Fields.string(node, path, errors);
    if (key == null) {
      return null;
    }
    if (key.length() < MIN_VIRTUAL_KEY_LENGTH || !isPrintableAscii(key)) {
      errors.add(node, "'" + path + "' must be at least " + MIN_VIRTUAL_KEY_LENGTH + " printable ASCII characters without spaces");
      return null;
    }
    String fingerprint = ApiKeyFingerprint.of(key);
    String first = fingerprints.putIfAbsent(fingerprint, owner);
    if (first != null) {
      errors.add(node, "'" + path + "' is already used by " + first + "; a key can match only one scope");
      return null;
    }
    return fingerprint;
  }

  private Secret readSecret(YamlNode node, String path) {
    if (node == null) {
      return null;
    }
    String spec = Fields.string(node, path, errors);
    if (spec == null) {
      return null;
    }
    try {
      return Secret.parse(spec, environment);
    } catch (IllegalArgumentException e) {
      errors.add(node, "'" + path + "': " + e.getMessage());
      return null;
    }
  }

  private List<String> readRoles(YamlNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node instanceof YamlList list && list.items().isEmpty()) {
      return null; // an empty list is "anyone", as an absent one
    }
    List<YamlScalar> items = Fields.strings(node, path, "omit it to allow any role", errors);
    if (items == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (YamlScalar s : items) {
      if (s != null) {
        out.add(s.text());
      }
    }
    return List.copyOf(out);
  }

  /** The scope's limits, or null when it has none (or only {@code perPrincipal}). */
  private Limits readLimits(YamlNode node, String path) {
    if (node == null) {
      return null;
    }
    YamlMap map = Fields.map(node, path, errors);
    if (map == null) {
      return null;
    }
    Fields.checkKeys(map, path, LIMIT_KEYS, Set.of(), errors);
    Integer requests = readPositiveInt(map.get("requestsPerMinute"), path + ".requestsPerMinute");
    Integer tokensPerMinute = readPositiveInt(map.get("tokensPerMinute"), path + ".tokensPerMinute");
    Integer tokensPerDay = readPositiveInt(map.get("tokensPerDay"), path + ".tokensPerDay");
    Boolean perPrincipal = map.get("perPrincipal") == null ? Boolean.FALSE
        : Fields.bool(map.get("perPrincipal"), path + ".perPrincipal", errors);
    Limits limits = new Limits(asLong(requests), asLong(tokensPerMinute), asLong(tokensPerDay),
        Boolean.TRUE.equals(perPrincipal));
    return limits.none() ? null : limits;
  }

  private static Long asLong(Integer value) {
    return value == null ? null : value.longValue();
  }

  private Integer readPositiveInt(YamlNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.INTEGER) {
      Number n = s.number();
      if (n.doubleValue() >= 1 && n.doubleValue() <= Integer.MAX_VALUE) {
        return n.intValue();
      }
    }
    String got = node instanceof YamlScalar s && s.type() == YamlScalar.Type.INTEGER
        ? Texts.oneLine(s.text(), Texts.MAX_QUOTED) : node.describe();
    errors.add(node, "'" + path + "' must be a whole number from 1 to " + Integer.MAX_VALUE + " (got " + got + ")");
    return null;
  }

  private boolean readClamp(YamlMap map, String path) {
    YamlNode node = map.get("onMaxOutputTokens");
    if (node == null) {
      return false;
    }
    if (map.get("maxOutputTokens") == null) {
      errors.add(node, "'" + path + ".onMaxOutputTokens' is only used with 'maxOutputTokens'");
    }
    return "clamp".equals(Fields.oneOf(node, path + ".onMaxOutputTokens", OVER_MAX_OUTPUT, Set.of(), errors));
  }

  /** A date ({@code 2027-03-01}: refused from that day's start, UTC) or an ISO-8601 instant. */
  private Instant readExpires(YamlNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node instanceof YamlScalar s && s.isString()) {
      try {
        return s.text().length() == 10
            ? LocalDate.parse(s.text()).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instant.parse(s.text());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    errors.add(node, "'" + path + "' must be a date (2027-03-01, from the start of that day, UTC) or an instant (2027-03-01T12:00:00Z)");
    return null;
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

  private String readFingerprint(YamlNode node, String path, String owner) {
    if (node == null) {
      return null;
    }
    String fingerprint = Fields.string(node, path, errors);
    if (fingerprint == null) {
      return null;
    }
    if (!isFingerprint(fingerprint)) {
      errors.add(node, "'" + path + "' must be \"sha256:\" followed by 64 lowercase hex digits");
      return null;
    }
    String first = fingerprints.putIfAbsent(fingerprint, owner);
    if (first != null) {
      errors.add(node, "'" + path + "' is already used by " + first + "; a key can match only one scope");
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

  private static boolean isPrintableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) <= 0x20 || s.charAt(i) >= 0x7F) {
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
