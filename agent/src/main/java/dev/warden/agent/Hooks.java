package dev.warden.agent;

import dev.warden.agent.aws.AwsSdkHook;
import dev.warden.agent.azure.AzureHook;
import dev.warden.agent.httpclient5.AsyncClientHook;
import dev.warden.agent.httpclient5.ClassicClientHook;
import dev.warden.agent.inventory.LibraryInventory;
import dev.warden.agent.jdkhttp.JdkHttpHook;
import dev.warden.agent.okhttp.OkHttpHook;
import dev.warden.agent.restclient.ReactorRequestFactoryHook;
import dev.warden.agent.sdk.SdkFrameHook;
import dev.warden.agent.webclient.ReactorConnectorHook;
import dev.warden.bootstrap.WardenBridge;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installs the transport hooks as one plain {@link ClassFileTransformer} that compares class
 * names only; Byte Buddy is loaded and the advice woven when a target class loads. That keeps
 * premain to a few milliseconds and costs an application without LLM clients nothing. The same
 * transformer shows the runtime inventory each class that loads (a prefix test on its name).
 */
final class Hooks implements ClassFileTransformer {

  private final Map<String, Hook> byInternalName = new ConcurrentHashMap<>();
  private final Set<String> prepared = ConcurrentHashMap.newKeySet();
  private final Instrumentation inst;
  private final ClassLoader agentLoader;
  private volatile AdviceWeaver weaver;

  private Hooks(Instrumentation inst, ClassLoader agentLoader, List<Hook> hooks) {
    this.inst = inst;
    this.agentLoader = agentLoader;
    for (Hook hook : hooks) {
      byInternalName.put(hook.typeName().replace('.', '/'), hook);
    }
  }

  static void install(Instrumentation inst, ClassLoader agentLoader) {
    List<Hook> all = new ArrayList<>(List.of(new OkHttpHook(), new JdkHttpHook(), new AzureHook(), new AwsSdkHook(),
        new ReactorConnectorHook(), new ReactorRequestFactoryHook()));
    all.addAll(ClassicClientHook.all());
    all.addAll(AsyncClientHook.all());
    all.addAll(SdkFrameHook.all());
    Hooks hooks = new Hooks(inst, agentLoader, all);
    // loads the inventory's per-class check before the transformer runs it: a class it needs
    // loading from inside transform would be transformed while half-loaded
    LibraryInventory.jvm().classLoading("", null);
    inst.addTransformer(hooks, true);
    // attached to a running JVM (agentmain): targets may be loaded already
    for (Class<?> loaded : inst.getAllLoadedClasses()) {
      String internalName = loaded.getName().replace('.', '/');
      LibraryInventory.jvm().classLoading(internalName, loaded.getProtectionDomain());
      if (hooks.byInternalName.containsKey(internalName) && inst.isModifiableClass(loaded)) {
        try {
          inst.retransformClasses(loaded);
        } catch (UnmodifiableClassException | RuntimeException e) {
          WardenLog.error("could not instrument " + loaded.getName() + " (" + e + ")");
        }
      }
    }
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
      ProtectionDomain domain, byte[] classFile) {
    if (redefined == null) {
      try {
        LibraryInventory.jvm().classLoading(className, domain);
      } catch (Throwable t) {
        WardenBridge.logOnce(t);
      }
    }
    Hook hook = className == null ? null : byInternalName.get(className);
    if (hook == null) {
      return null;
    }
    try {
      if (prepared.add(hook.typeName())) {
        hook.prepare(inst);
      }
      byte[] woven = weaver().weave(hook, loader, classFile);
      WardenLog.debug(woven == null
          ? "not instrumented " + hook.typeName() + ": no method of this version matches the hook"
          : "instrumented " + hook.typeName());
      return woven;
    } catch (Throwable t) {
      // the class loads unchanged: that client's calls are not checked, which must not go unnoticed
      WardenLog.error("could not instrument " + hook.typeName() + " (" + t + ")");
      return null;
    }
  }

  private AdviceWeaver weaver() {
    AdviceWeaver w = weaver;
    if (w == null) {
      synchronized (this) {
        if (weaver == null) {
          weaver = new AdviceWeaver(agentLoader);
        }
        w = weaver;
      }
    }
    return w;
  }
}
