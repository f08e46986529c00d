package dev.warden.policies.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML mapping that remembers where each key and each value is. When a key repeats, the reader
 * reports it and {@link #get} returns the first occurrence.
 */
final class YamlMap implements YamlNode {

  /** One key and its value, each with its own location. */
  record Entry(YamlScalar key, YamlNode value) {
    String name() {
      return key.text();
    }
  }

  private final List<Entry> entries;
  private final Map<String, Entry> byName;
  private final int line;
  private final int column;

  YamlMap(List<Entry> entries, int line, int column) {
    this.entries = List.copyOf(entries);
    this.byName = new HashMap<>();
    for (Entry e : this.entries) {
      byName.putIfAbsent(e.name(), e);
    }
    this.line = line;
    this.column = column;
  }

  /** Entries in document order, repeated keys included. */
  List<Entry> entries() {
    return entries;
  }

  /** The entry for {@code name}, or null. */
  Entry entry(String name) {
    return byName.get(name);
  }

  /** The value for {@code name}, or null when the key is absent. */
  YamlNode get(String name) {
    Entry e = byName.get(name);
    return e == null ? null : e.value();
  }

  @Override
  public int line() {
    return line;
  }

  @Override
  public int column() {
    return column;
  }

  @Override
  public String describe() {
    return "a mapping";
  }
}
