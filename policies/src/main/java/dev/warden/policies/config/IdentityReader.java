package dev.warden.policies.config;

import dev.warden.policies.identity.IdentitySource;
import dev.warden.policies.identity.RoleMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the {@code identity} section: {@code sources}, a list of source specs tried in order,
 * {@code roles}, a mapping of principal or authority (or {@code "*"}) to a list of roles, and
 * {@code blocked}, the principals whose calls are refused.
 */
final class IdentityReader {

  private static final Set<String> KEYS = Set.of("sources", "roles", "blocked");

  private IdentityReader() {}

  static IdentityPolicy read(YamlNode node, ErrorList errors) {
    YamlMap map = Fields.map(node, "identity", errors);
    if (map == null) {
      return IdentityPolicy.NONE;
    }
    Fields.checkKeys(map, "identity", KEYS, Set.of(), errors);
    List<IdentitySource> sources = new ArrayList<>();
    YamlNode sourcesNode = map.get("sources");
    if (sourcesNode != null) {
      List<YamlScalar> items = Fields.strings(sourcesNode, "identity.sources",
          "omit it when nothing identifies callers", errors);
      for (int i = 0; items != null && i < items.size(); i++) {
        YamlScalar item = items.get(i);
        if (item == null) {
          continue;
        }
        try {
          sources.add(IdentitySource.parse(item.text()));
        } catch (IllegalArgumentException e) {
          errors.add(item, "'" + Fields.item("identity.sources", i) + "': " + e.getMessage());
        }
      }
    }
    RoleMap roles = map.get("roles") == null ? RoleMap.empty() : readRoles(map.get("roles"), errors);
    Set<String> blocked = readBlocked(map.get("blocked"), errors);
    if (!blocked.isEmpty() && sourcesNode == null) {
      errors.add(map.get("blocked"), "'identity.blocked' needs 'identity.sources': without them no caller has a name");
    }
    return new IdentityPolicy(sources, roles, blocked);
  }

  private static Set<String> readBlocked(YamlNode node, ErrorList errors) {
    if (node == null) {
      return Set.of();
    }
    List<YamlScalar> items = Fields.strings(node, "identity.blocked", "omit it when no caller is blocked", errors);
    Set<String> blocked = new HashSet<>();
    for (int i = 0; items != null && i < items.size(); i++) {
      YamlScalar item = items.get(i);
      if (item != null && item.text().isBlank()) {
        errors.add(item, "'" + Fields.item("identity.blocked", i) + "' must not be blank");
      } else if (item != null) {
        blocked.add(item.text());
      }
    }
    return blocked;
  }

  private static RoleMap readRoles(YamlNode node, ErrorList errors) {
    YamlMap map = Fields.map(node, "identity.roles", errors);
    if (map == null) {
      return RoleMap.empty();
    }
    Map<String, List<String>> roles = new LinkedHashMap<>();
    for (YamlMap.Entry entry : map.entries()) {
      String path = Fields.child("identity.roles", entry.name());
      YamlList list = Fields.list(entry.value(), path, errors);
      if (list == null) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (int i = 0; i < list.items().size(); i++) {
        String role = Fields.string(list.items().get(i), Fields.item(path, i), errors);
        if (role != null && !role.isBlank()) {
          names.add(role);
        } else if (role != null) {
          errors.add(list.items().get(i), "'" + Fields.item(path, i) + "' must not be blank");
        }
      }
      roles.put(entry.name(), names);
    }
    try {
      return RoleMap.of(roles);
    } catch (IllegalArgumentException e) {
      errors.add(node, "'identity.roles': " + e.getMessage());
      return RoleMap.empty();
    }
  }
}
