package dev.warden.policies.config;

/** A node of the located YAML tree: a mapping, a list or a scalar, with where it starts (1-based). */
sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

  int line();

  int column();

  /** Short type name for messages: "a mapping", "a list", "a string", ... */
  String describe();
}
