package dev.warden.policies.config;

import dev.warden.policies.inventory.LibraryRule;
import java.util.List;

/**
 * The validated {@code inventory} section.
 *
 * @param deny  the libraries whose calls are denied, in file order; empty when none
 * @param block {@code action: block} (the default): a denied library's calls are refused with 403
 *              {@code library_not_allowed}; false for {@code action: report}: they go out with a finding
 */
public record InventoryPolicy(List<LibraryRule> deny, boolean block) {

  public static final InventoryPolicy NONE = new InventoryPolicy(List.of(), true);

  public InventoryPolicy {
    deny = List.copyOf(deny);
  }
}
