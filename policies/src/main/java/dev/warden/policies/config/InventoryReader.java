package dev.warden.policies.config;

import dev.warden.policies.inventory.LibraryRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validates the {@code inventory} section: {@code deny}, a list of {@code group:artifact:RANGE}
 * (see {@link LibraryRule}), and {@code action}, {@code block} or {@code report}.
 */
final class InventoryReader {

  private static final Set<String> KEYS = Set.of("deny", "action");
  private static final List<String> ACTIONS = List.of("block", "report");

  private InventoryReader() {}

  static InventoryPolicy read(YamlNode node, ErrorList errors) {
    YamlMap map = Fields.map(node, "inventory", errors);
    if (map == null) {
      return InventoryPolicy.NONE;
    }
    Fields.checkKeys(map, "inventory", KEYS, Set.of(), errors);
    List<LibraryRule> deny = new ArrayList<>();
    YamlNode denyNode = map.get("deny");
    if (denyNode != null) {
      List<YamlScalar> items = Fields.strings(denyNode, "inventory.deny", "omit it when no library is denied", errors);
      for (int i = 0; items != null && i < items.size(); i++) {
        YamlScalar item = items.get(i);
        if (item == null) {
          continue;
        }
        try {
          deny.add(LibraryRule.parse(item.text()));
        } catch (IllegalArgumentException e) {
          errors.add(item, "'" + Fields.item("inventory.deny", i) + "': " + e.getMessage());
        }
      }
    }
    YamlNode action = map.get("action");
    boolean block = action == null || !"report".equals(Fields.oneOf(action, "inventory.action", ACTIONS, Set.of(), errors));
    return new InventoryPolicy(deny, block);
  }
}
