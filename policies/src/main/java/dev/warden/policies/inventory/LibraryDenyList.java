package dev.warden.policies.inventory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled {@code inventory.deny}: which libraries, given as {@code group:artifact:version},
 * it denies. Each answer is kept (a JVM holds a few dozen libraries at most), so a call pays one
 * map lookup per library. Thread-safe.
 */
public final class LibraryDenyList {

  private static final int MAX_REMEMBERED = 1024;

  private final List<LibraryRule> rules;
  private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

  public LibraryDenyList(List<LibraryRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** True when no library is denied. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * The first of {@code libraries} that a rule denies, or null.
   *
   * @param libraries {@code group:artifact:version} each; an entry of another shape is never denied
   */
  public String firstDenied(List<String> libraries) {
    for (int i = 0; i < libraries.size(); i++) {
      String library = libraries.get(i);
      Boolean denied = answers.get(library);
      if (denied == null) {
        denied = decide(library);
        if (answers.size() < MAX_REMEMBERED) {
          answers.put(library, denied);
        }
      }
      if (denied) {
        return library;
      }
    }
    return null;
  }

  private boolean decide(String library) {
    int first = library.indexOf(':');
    int second = first < 0 ? -1 : library.indexOf(':', first + 1);
    if (second < 0) {
      return false;
    }
    String group = library.substring(0, first);
    String artifact = library.substring(first + 1, second);
    MavenVersion version = MavenVersion.parse(library.substring(second + 1));
    for (LibraryRule rule : rules) {
      if (rule.matches(group, artifact, version)) {
        return true;
      }
    }
    return false;
  }
}
