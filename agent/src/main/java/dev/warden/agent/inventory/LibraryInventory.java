package dev.warden.agent.inventory;

import dev.warden.agent.WardenLog;
import dev.warden.agent.audit.AuditTrail;
import dev.warden.agent.audit.InventoryRecord;
import dev.warden.agent.policy.ActivePolicy;
import dev.warden.bootstrap.SdkFrame;
import dev.warden.policies.exchange.Exchange;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What the JVM holds and uses of LLM clients: the listed libraries' jars as their classes load
 * (coordinates read on Warden's own thread, each written to the audit trail once), and the first
 * use of each provider, operation, model, endpoint, key scope and library combination (written to
 * the audit trail once; after {@value #MAX_FIRST_USES} combinations new ones are no longer
 * recorded, which is logged once). Never holds a key, a prompt or a path. Thread-safe.
 */
public final class LibraryInventory {

  static final int MAX_FIRST_USES = 4096;
  private static final LibraryInventory JVM = new LibraryInventory();

  private final Set<String> seenLocations = ConcurrentHashMap.newKeySet();
  private volatile ProtectionDomain lastDomain;
  private volatile ExecutorService reader;
  private volatile Supplier<ActivePolicy> policy = () -> null;
  /** Every library found, in the order found; replaced, never changed, so readers need no lock. */
  private volatile List<LibraryCoordinates> libraries = List.of();
  private volatile Map<LlmLibrary, List<String>> coordinatesByLibrary = new EnumMap<>(LlmLibrary.class);
  /** Per trail, the libraries already recorded in it. */
  private final Map<AuditTrail, Set<String>> recorded = new IdentityHashMap<>();
  private final Set<String> firstUses = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean full = new AtomicBoolean();

  LibraryInventory() {}

  /** The JVM's inventory. */
  public static LibraryInventory jvm() {
    return JVM;
  }

  /** Where library records go when a jar is read: the trail of the policy in force then. */
  public void recordTo(Supplier<ActivePolicy> current) {
    this.policy = current;
  }

  /**
   * A class is loading (from the agent's class-file transformer): when it is the first class of a
   * listed library from its jar, that jar is read on Warden's inventory thread. Costs a prefix test
   * for any other class.
   */
  public void classLoading(String internalName, ProtectionDomain domain) {
    LlmLibrary library = LlmLibrary.ofClass(internalName);
    if (library == null || domain == null || domain == lastDomain) {
      return;
    }
    lastDomain = domain;
    CodeSource source = domain.getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location != null && seenLocations.add(library.ordinal() + location.toExternalForm())) {
      reader().execute(() -> read(library, location));
    }
  }

  private ExecutorService reader() {
    ExecutorService r = reader;
    if (r == null) {
      synchronized (this) {
        if (reader == null) {
          // one daemon thread that ends when idle: a JVM without LLM libraries never starts it
          ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
              task -> {
                Thread t = new Thread(task, "warden-inventory");
                t.setDaemon(true);
                return t;
              });
          pool.allowCoreThreadTimeOut(true);
          reader = pool;
        }
        r = reader;
      }
    }
    return r;
  }

  /** Reads one jar's coordinates; a jar that cannot be read is logged and skipped. */
  void read(LlmLibrary library, URL location) {
    List<LibraryCoordinates> found;
    try {
      found = JarCoordinates.read(library, location);
    } catch (Exception e) {
      WardenLog.debug("inventory: could not read the coordinates of " + location + " (" + e + ")");
      return;
    }
    for (LibraryCoordinates coordinates : found) {
      add(coordinates);
    }
  }

  /** Adds a library found; records it in the current policy's trail. */
  void add(LibraryCoordinates found) {
    synchronized (this) {
      for (LibraryCoordinates known : libraries) {
        if (known.coordinates().equals(found.coordinates()) && known.library() == found.library()) {
          return;
        }
      }
      List<LibraryCoordinates> more = new ArrayList<>(libraries);
      more.add(found);
      libraries = List.copyOf(more);
      Map<LlmLibrary, List<String>> byLibrary = new EnumMap<>(coordinatesByLibrary);
      List<String> ofLibrary = new ArrayList<>(byLibrary.getOrDefault(found.library(), List.of()));
      ofLibrary.add(found.coordinates());
      byLibrary.put(found.library(), List.copyOf(ofLibrary));
      coordinatesByLibrary = byLibrary;
    }
    WardenLog.debug("inventory: " + found.coordinates() + " (" + found.source() + ")");
    ActivePolicy current = policy.get();
    if (current != null && current.audit() != null) {
      recordLibraries(current.audit());
    }
  }

  /** Writes each library found to {@code trail} that is not in it yet (a policy was loaded, or a jar read). */
  public void recordLibraries(AuditTrail trail) {
    synchronized (recorded) {
      Set<String> done = recorded.computeIfAbsent(trail, t -> new HashSet<>());
      for (LibraryCoordinates library : libraries) {
        String key = library.library() + " " + library.coordinates();
        if (!done.contains(key) && trail.append(InventoryRecord.library(library))) {
          done.add(key);
        }
      }
    }
  }

  /** Every library found so far, in the order found. */
  public List<LibraryCoordinates> libraries() {
    return libraries;
  }

  /**
   * The libraries that made a call with {@code headers}, {@code group:artifact:version} each: the
   * jars read of the library its headers name (authoritative), else that library at the version the
   * headers name; and the jars of the framework whose operation the call is part of (LangChain4j,
   * Spring AI, as the SDK frame hooks tell on the calling thread) when that is another library.
   * Empty when neither names a listed library.
   */
  public List<String> callingLibraries(Map<String, List<String>> headers) {
    CallingLibrary calling = CallingLibrary.of(headers);
    SdkFrame frame = SdkFrame.current();
    LlmLibrary framework = frame == null ? null : LlmLibrary.ofFramework(frame.framework());
    List<String> sdk = calling == null ? List.of() : coordinatesOf(calling);
    if (framework == null || (calling != null && framework == calling.library())) {
      return sdk;
    }
    List<String> ofFramework = coordinatesByLibrary.getOrDefault(framework, List.of());
    if (sdk.isEmpty() || ofFramework.isEmpty()) {
      return sdk.isEmpty() ? ofFramework : sdk;
    }
    List<String> both = new ArrayList<>(sdk.size() + ofFramework.size());
    both.addAll(sdk);
    both.addAll(ofFramework);
    return both;
  }

  private List<String> coordinatesOf(CallingLibrary calling) {
    List<String> read = coordinatesByLibrary.get(calling.library());
    if (read != null) {
      return read.size() > 1 && calling.version() != null ? ofVersion(read, calling.version()) : read;
    }
    return calling.version() == null ? List.of() : List.of(calling.library().coordinates(calling.version()));
  }

  /**
   * The jars of {@code version} among several read, as when two web applications carry different
   * releases of one SDK: a call is from the release its headers name, not from every one in the
   * JVM. All of them when none has that version (the jars stay authoritative).
   */
  private static List<String> ofVersion(List<String> read, String version) {
    List<String> matching = new ArrayList<>(read.size());
    for (String coordinates : read) {
      if (coordinates.endsWith(":" + version)) {
        matching.add(coordinates);
      }
    }
    return matching.isEmpty() ? read : matching;
  }

  /**
   * A call was decided: the first call of its combination of provider, operation, model, endpoint,
   * key scope and libraries is recorded in {@code policy}'s trail.
   *
   * @param keyId the key scope the call matched, or null
   */
  public void used(ActivePolicy policy, String host, int port, Exchange exchange, String keyId, List<String> callers) {
    AuditTrail trail = policy.audit();
    if (trail == null) {
      return;
    }
    String endpoint = host + ":" + port;
    String key = exchange.provider() + '\n' + exchange.operation() + '\n' + exchange.model() + '\n' + endpoint + '\n'
        + keyId + '\n' + callers;
    if (firstUses.contains(key)) {
      return;
    }
    if (firstUses.size() >= MAX_FIRST_USES) {
      if (full.compareAndSet(false, true)) {
        WardenLog.warn("inventory: " + MAX_FIRST_USES + " combinations of provider, model, endpoint, key scope and "
            + "library recorded; first uses of further ones are not recorded");
      }
      return;
    }
    if (firstUses.add(key)) {
      trail.append(InventoryRecord.firstUse(exchange, endpoint, keyId, callers, policy.snapshot().hash()));
    }
  }
}
