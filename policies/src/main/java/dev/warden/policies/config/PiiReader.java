package dev.warden.policies.config;

import dev.warden.policies.pii.BuiltInRecognizers;
import dev.warden.policies.pii.CustomRecognizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates a {@code pii} mapping: the top-level section, or a key scope's override, whose keys
 * replace the inherited ones key by key. Custom patterns are compiled here, so a broken or
 * oversized pattern is a policy error at its line and column, never a failure at call time.
 */
final class PiiReader {

  private static final Set<String> KEYS = Set.of("prompts", "completions", "entities", "custom", "allow");
  private static final Set<String> CUSTOM_KEYS = Set.of("name", "pattern", "context", "validator");
  private static final List<String> PROMPT_ACTIONS = List.of("off", "detect", "redact", "pseudonymize", "block");
  private static final List<String> COMPLETION_ACTIONS = List.of("off", "detect", "redact");
  private static final List<String> VALIDATORS = CustomRecognizer.VALIDATORS;
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

  private PiiReader() {}

  static PiiPolicy read(YamlNode node, String path, PiiPolicy inherited, ErrorList errors) {
    YamlMap map = Fields.map(node, path, errors);
    if (map == null) {
      return inherited;
    }
    Fields.checkKeys(map, path, KEYS, Set.of(), errors);
    PiiAction prompts = inherited.prompts();
    if (map.get("prompts") != null) {
      String value = Fields.oneOf(map.get("prompts"), path + ".prompts", PROMPT_ACTIONS, Set.of(), errors);
      prompts = value == null ? prompts : PiiAction.valueOf(value.toUpperCase(Locale.ROOT));
    }
    CompletionAction completions = inherited.completions();
    if (map.get("completions") != null) {
      String value = Fields.oneOf(map.get("completions"), path + ".completions", COMPLETION_ACTIONS, Set.of(),
          errors);
      completions = value == null ? completions : CompletionAction.valueOf(value.toUpperCase(Locale.ROOT));
    }
    List<String> entities = map.get("entities") == null ? inherited.entities()
        : readEntities(map.get("entities"), path + ".entities", errors);
    List<CustomEntity> custom = map.get("custom") == null ? inherited.custom()
        : readCustom(map.get("custom"), path + ".custom", errors);
    List<String> allow = map.get("allow") == null ? inherited.allow()
        : readStrings(map.get("allow"), path + ".allow", "omit it when nothing is allowed", errors);
    return new PiiPolicy(prompts, completions, entities, custom, allow);
  }

  private static List<String> readEntities(YamlNode node, String path, ErrorList errors) {
    List<String> known = BuiltInRecognizers.TYPES;
    List<YamlScalar> items = Fields.strings(node, path, "omit it to look for every built-in entity", errors);
    if (items == null) {
      return known;
    }
    Set<String> out = new LinkedHashSet<>();
    for (YamlScalar s : items) {
      if (s == null) {
        continue;
      }
      if (known.contains(s.text())) {
        out.add(s.text());
      } else {
        errors.add(s, "unknown entity " + Texts.quote(s.text()) + " in " + path + "; allowed: " + String.join(", ", known));
      }
    }
    return out.isEmpty() ? known : List.copyOf(out);
  }

  private static List<String> readStrings(YamlNode node, String path, String whenEmpty, ErrorList errors) {
    List<YamlScalar> items = Fields.strings(node, path, whenEmpty, errors);
    List<String> out = new ArrayList<>();
    if (items != null) {
      for (YamlScalar s : items) {
        if (s != null) {
          out.add(s.text());
        }
      }
    }
    return out;
  }

  private static List<CustomEntity> readCustom(YamlNode node, String path, ErrorList errors) {
    YamlList list = Fields.list(node, path, errors);
    List<CustomEntity> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.items().size(); i++) {
      String itemPath = Fields.item(path, i);
      YamlMap map = Fields.map(list.items().get(i), itemPath, errors);
      if (map == null) {
        continue;
      }
      Fields.checkKeys(map, itemPath, CUSTOM_KEYS, Set.of(), errors);
      String name = readName(map, itemPath, names, errors);
      String pattern = readPattern(map, itemPath, errors);
      List<String> context = map.get("context") == null ? List.of()
          : readStrings(map.get("context"), itemPath + ".context", "omit it when no context is needed", errors);
      String validator = map.get("validator") == null ? null
          : Fields.oneOf(map.get("validator"), itemPath + ".validator", VALIDATORS, Set.of(), errors);
      if (name != null && pattern != null) {
        try {
          CustomRecognizer.compile(name, pattern, context, validator);
          out.add(new CustomEntity(name, pattern, context, validator));
        } catch (IllegalArgumentException e) {
          errors.add(map, "'" + itemPath + "': " + e.getMessage());
        }
      }
    }
    return out;
  }

  private static String readName(YamlMap map, String path, Set<String> names, ErrorList errors) {
    YamlNode node = map.get("name");
    if (node == null) {
      errors.add(map, "'" + path + ".name' is required");
      return null;
    }
    String name = Fields.string(node, path + ".name", errors);
    if (name == null) {
      return null;
    }
    if (!NAME.matcher(name).matches()) {
      errors.add(node, "'" + path + ".name' must be upper case letters, digits and _, starting with a letter (got "
          + Texts.quote(name) + ")");
      return null;
    }
    if (BuiltInRecognizers.TYPES.contains(name)) {
      errors.add(node, "'" + path + ".name' " + Texts.quote(name) + " is a built-in entity; choose another name");
      return null;
    }
    if (!names.add(name)) {
      errors.add(node, "'" + path + ".name' " + Texts.quote(name) + " is defined twice");
      return null;
    }
    return name;
  }

  private static String readPattern(YamlMap map, String path, ErrorList errors) {
    YamlNode node = map.get("pattern");
    if (node == null) {
      errors.add(map, "'" + path + ".pattern' is required");
      return null;
    }
    String pattern = Fields.string(node, path + ".pattern", errors);
    if (pattern == null) {
      return null;
    }
    try {
      // the pattern alone first, so its errors point at the pattern
      CustomRecognizer.compile("X", pattern, List.of(), null);
      return pattern;
    } catch (IllegalArgumentException e) {
      errors.add(node, "'" + path + ".pattern': " + e.getMessage());
      return null;
    }
  }
}
