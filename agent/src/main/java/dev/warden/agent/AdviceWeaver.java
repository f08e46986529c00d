package dev.warden.agent;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.VisibilityBridgeStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.LatentMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines a hook's advice into a class file without changing the class's shape (no new members),
 * so it works both while a class loads and when an already loaded class is retransformed. Types
 * are read as class files, never loaded, so weaving cannot trigger class loading in the middle
 * of a class load.
 */
final class AdviceWeaver {

  private final ClassFileLocator agentClasses;

  AdviceWeaver(ClassLoader agentLoader) {
    this.agentClasses = ClassFileLocator.ForClassLoader.of(agentLoader);
  }

  /** The woven class file, or null when the class declares none of the hook's methods. */
  byte[] weave(Hook hook, ClassLoader loader, byte[] classFile) {
    ClassFileLocator locator = new ClassFileLocator.Compound(
        ClassFileLocator.Simple.of(hook.typeName(), classFile),
        loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader),
        agentClasses);
    TypePool pool = TypePool.Default.of(locator);
    TypeDescription target = pool.describe(hook.typeName()).resolve();
    if (target.getDeclaredMethods().filter(hook.methods()).isEmpty()) {
      return null;
    }
    TypeDescription advice = pool.describe(hook.adviceName()).resolve();
    return new ByteBuddy()
        .with(TypeValidation.DISABLED)
        .with(Implementation.Context.Disabled.Factory.INSTANCE)
        .with(InstrumentedType.Factory.Default.FROZEN)
        .with(VisibilityBridgeStrategy.Default.NEVER)
        .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
        .redefine(target, locator)
        .ignoreAlso(LatentMatcher.ForSelfDeclaredMethod.NOT_DECLARED)
        .visit(Advice.to(advice, locator).on(hook.methods()))
        .make(pool)
        .getBytes();
  }
}
