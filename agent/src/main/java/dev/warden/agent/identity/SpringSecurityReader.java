package dev.warden.agent.identity;

import dev.warden.agent.WardenLog;
import dev.warden.agent.app.ReadFailures;
import dev.warden.policies.identity.Caller;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the authenticated user of Spring Security's current {@code SecurityContext}: its name and
 * the names of its granted authorities. One instance per {@code SecurityContextHolder} class, bound
 * through {@link #BOUND}, with the other Spring Security types taken from that class's loader.
 * Thread-safe.
 *
 * <p>{@code SecurityContextHolder.getContext()} is what Spring's own code calls; with the default
 * thread-local strategy it leaves an empty context on a thread that had none, as Spring itself does.
 */
final class SpringSecurityReader {

  private static final String PACKAGE = "org.springframework.security.";

  /** The reader of each {@code SecurityContextHolder} class; null when it cannot be bound. */
  static final ClassValue<SpringSecurityReader> BOUND = new ClassValue<>() {
    @Override
    protected SpringSecurityReader computeValue(Class<?> holder) {
      try {
        return new SpringSecurityReader(holder, holder.getClassLoader());
      } catch (Throwable t) {
        WardenLog.debug("identity: cannot bind Spring Security's " + holder.getName() + " (" + t.getClass().getName()
            + "); spring-security sources are skipped");
        return null;
      }
    }
  };

  private final Method getContext;
  private final Method getAuthentication;
  private final Method isAuthenticated;
  private final Method getName;
  private final Method getAuthorities;
  private final Class<?> grantedAuthority;
  private final Method getAuthority;
  /** Null when this Spring Security has no such class. */
  private final Class<?> anonymousToken;
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  private SpringSecurityReader(Class<?> holder, ClassLoader loader) throws ReflectiveOperationException {
    Class<?> context = Class.forName(PACKAGE + "core.context.SecurityContext", false, loader);
    Class<?> authentication = Class.forName(PACKAGE + "core.Authentication", false, loader);
    this.getContext = holder.getMethod("getContext");
    this.getAuthentication = context.getMethod("getAuthentication");
    this.isAuthenticated = authentication.getMethod("isAuthenticated");
    this.getName = authentication.getMethod("getName");
    this.getAuthorities = authentication.getMethod("getAuthorities");
    this.grantedAuthority = Class.forName(PACKAGE + "core.GrantedAuthority", false, loader);
    this.getAuthority = grantedAuthority.getMethod("getAuthority");
    this.anonymousToken = optionalClass(PACKAGE + "authentication.AnonymousAuthenticationToken", loader);
  }

  private static Class<?> optionalClass(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /**
   * The authenticated user on the calling thread: its name (stripped; null when blank) and its
   * authorities' names (null and blank ones left out). Null when there is no authentication, it is
   * not authenticated, it is Spring's anonymous token, or reading failed.
   */
  Caller authenticatedUser() {
    try {
      Object context = getContext.invoke(null);
      Object authentication = context == null ? null : getAuthentication.invoke(context);
      if (authentication == null
          || (anonymousToken != null && anonymousToken.isInstance(authentication))
          || !Boolean.TRUE.equals(isAuthenticated.invoke(authentication))) {
        return null;
      }
      return new Caller(CallerResolver.principalOrNull((String) getName.invoke(authentication)),
          authorities((Collection<?>) getAuthorities.invoke(authentication)));
    } catch (Throwable t) {
      ReadFailures.logOnce(failureLogged, "Spring Security's context", t);
      return null;
    }
  }

  private List<String> authorities(Collection<?> granted) throws ReflectiveOperationException {
    if (granted == null || granted.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>(granted.size());
    for (Object authority : granted) {
      if (grantedAuthority.isInstance(authority)) {
        String name = (String) getAuthority.invoke(authority);
        if (name != null && !name.isBlank()) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
