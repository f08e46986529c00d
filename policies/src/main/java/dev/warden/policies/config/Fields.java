package dev.warden.policies.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads typed values out of the located tree and reports, at the value's own line and column, each
 * value of the wrong type. Every method returns null (or skips the item) after reporting, so
 * validation can go on and find the next error.
 *
 * <p>Paths are written as in the file: {@code keys.scopes[0].models[1]}; the root is {@code ""}.
 */
final class Fields {

  static final String NOT_YET = "is not supported by this version of Warden yet";

  private Fields() {}

  /** {@code parent.key}, or {@code key} at the top level. */
  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** {@code parent[index]}. */
  static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** Reports each key of {@code map} that is neither known nor announced for a later version. */
  static void checkKeys(YamlMap map, String path, Set<String> known, Set<String> notYet, ErrorList errors) {
    for (YamlMap.Entry e : map.entries()) {
      String name = e.name();
      if (known.contains(name)) {
        continue;
      }
      if (notYet.contains(name)) {
        errors.add(e.key(), "'" + child(path, name) + "' " + NOT_YET);
      } else {
        errors.add(e.key(), "unknown key " + Texts.quote(name) + (path.isEmpty() ? " at the top level" : " in " + path));
      }
    }
  }

  static YamlMap map(YamlNode node, String path, ErrorList errors) {
    if (node instanceof YamlMap m) {
      return m;
    }
    errors.add(node, "'" + path + "' must be a mapping");
    return null;
  }

  static YamlList list(YamlNode node, String path, ErrorList errors) {
    if (node instanceof YamlList l) {
      return l;
    }
    errors.add(node, "'" + path + "' must be a list");
    return null;
  }

  static String string(YamlNode node, String path, ErrorList errors) {
    if (node instanceof YamlScalar s && s.isString()) {
      return s.text();
    }
    errors.add(node, "'" + path + "' must be a string");
    return null;
  }

  /** {@code true} or {@code false}, unquoted; anything else is reported. */
  static Boolean bool(YamlNode node, String path, ErrorList errors) {
    if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.BOOLEAN) {
      if (s.text().equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (s.text().equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
      errors.add(node, "'" + path + "' must be true or false (got " + Texts.quote(s.text()) + ")");
      return null;
    }
    errors.add(node, "'" + path + "' must be true or false (got " + node.describe() + ")");
    return null;
  }

  /**
   * A string that is one of {@code allowed}. A value listed in {@code notYet} is reported as not
   * supported yet; any other value as not allowed, with the allowed ones listed. A YAML 1.1
   * boolean is read as written, so an unquoted {@code off} means "off".
   */
  static String oneOf(YamlNode node, String path, List<String> allowed, Set<String> notYet, ErrorList errors) {
    if (node instanceof YamlScalar s && (s.isString() || s.type() == YamlScalar.Type.BOOLEAN)) {
      if (allowed.contains(s.text())) {
        return s.text();
      }
      if (notYet.contains(s.text())) {
        errors.add(node, "'" + path + "' value " + Texts.quote(s.text()) + " " + NOT_YET + "; use one of: " + String.join(", ", allowed));
        return null;
      }
      errors.add(node, "'" + path + "' must be one of: " + String.join(", ", allowed) + " (got " + Texts.quote(s.text()) + ")");
      return null;
    }
    errors.add(node, "'" + path + "' must be one of: " + String.join(", ", allowed) + " (got " + node.describe() + ")");
    return null;
  }

  /**
   * The string items of a list, each keeping its location, index for index; items of another type
   * are reported and stand as null entries. Null when {@code node} is not a list or is empty (an
   * empty list is reported, with {@code whenEmpty} as the hint).
   */
  static List<YamlScalar> strings(YamlNode node, String path, String whenEmpty, ErrorList errors) {
    YamlList list = list(node, path, errors);
    if (list == null) {
      return null;
    }
    if (list.items().isEmpty()) {
      errors.add(node, "'" + path + "' must not be empty; " + whenEmpty);
      return null;
    }
    List<YamlScalar> out = new ArrayList<>(list.items().size());
    for (int i = 0; i < list.items().size(); i++) {
      YamlNode n = list.items().get(i);
      if (n instanceof YamlScalar s && s.isString()) {
        out.add(s);
      } else {
        out.add(null);
        errors.add(n, "'" + item(path, i) + "' must be a string");
      }
    }
    return out;
  }
}
