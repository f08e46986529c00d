package dev.warden.agent;

import dev.warden.agent.inventory.LibraryInventory;
import dev.warden.agent.policy.PolicyHolder;
import dev.warden.agent.policy.PolicyReloader;
import dev.warden.agent.policy.PolicyWatcher;
import dev.warden.bootstrap.WardenBridge;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * Start-up, called by the launcher in the agent's own class loader. Installs the bridge and the
 * hooks, and leaves reading the policy to the watcher thread so premain returns fast; the first
 * LLM call waits for that first load. With {@code -Dwarden.strict=true} an invalid policy file
 * stops the JVM from starting instead.
 */
public final class WardenAgent {

  private WardenAgent() {}

  public static void start(Instrumentation inst, String args) {
    String location = System.getProperty("warden.policy", System.getenv("WARDEN_POLICY"));
    if (location == null || location.isBlank()) {
      WardenLog.warn("no policy file given (-Dwarden.policy=FILE or WARDEN_POLICY): Warden is inactive");
      return;
    }
    Path file = Path.of(location).toAbsolutePath();
    PolicyHolder holder = new PolicyHolder();
    PolicyReloader reloader = new PolicyReloader(file, holder);
    if (Boolean.getBoolean("warden.strict") && !reloader.reloadIfChanged()) {
      throw new IllegalStateException("the policy file " + file + " is missing or invalid");
    }
    LibraryInventory.jvm().recordTo(holder::peek);
    WardenBridge.install(new WardenWireHook(holder, WardenAgent.class.getClassLoader()));
    Hooks.install(inst, WardenAgent.class.getClassLoader());
    PolicyWatcher.start(file, reloader, holder);
  }
}
