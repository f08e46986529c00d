package dev.warden.policies.config;

import java.util.List;

/** A YAML sequence; {@code items} in document order. */
record YamlList(List<YamlNode> items, int line, int column) implements YamlNode {

  YamlList {
    items = List.copyOf(items);
  }

  @Override
  public String describe() {
    return "a list";
  }
}
