package dev.warden.bootstrap;

/**
 * One logical LLM operation as an SDK-level hook sees it: an openai-java {@code create}, a
 * LangChain4j or Spring AI {@code ChatModel} call. The wire calls made on its thread while it runs
 * (the SDK's retries, a framework's tool loop) belong to it and share one span. Only the outermost
 * frame on a thread counts, so a framework built on an SDK (Spring AI on openai-java) is one
 * operation, named for the framework: the nesting guard. A frame adds context only; every wire
 * call is still decided, and rewritten, once, by its transport hook.
 */
public final class SdkFrame {

  /** What the agent keeps for a frame, told when the frame's method returns or throws. */
  public interface Operation {
    void frameExited();
  }

  private static final ThreadLocal<SdkFrame> CURRENT = new ThreadLocal<>();

  private final String framework;
  private Operation operation;

  private SdkFrame(String framework) {
    this.framework = framework;
  }

  /** Opens a frame on this thread; null when one is open already (the outer frame owns the operation). */
  public static SdkFrame enter(String framework) {
    if (CURRENT.get() != null) {
      return null;
    }
    SdkFrame frame = new SdkFrame(framework);
    CURRENT.set(frame);
    return frame;
  }

  /** Closes a frame {@link #enter} opened; null (a nested frame) does nothing. Never throws. */
  public static void exit(Object frame) {
    if (!(frame instanceof SdkFrame)) {
      return;
    }
    CURRENT.remove();
    Operation done;
    synchronized (frame) {
      done = ((SdkFrame) frame).operation;
    }
    if (done != null) {
      try {
        done.frameExited();
      } catch (Throwable t) {
        WardenBridge.logOnce(t);
      }
    }
  }

  /** The frame open on this thread, or null. */
  public static SdkFrame current() {
    return CURRENT.get();
  }

  /** The library that opened the frame: {@code openai-java}, {@code langchain4j}, {@code spring-ai}. */
  public String framework() {
    return framework;
  }

  /** The operation the frame's first wire call started, or null. Callers synchronize on the frame. */
  public Operation operation() {
    return operation;
  }

  /** Set by the frame's first wire call, under the frame's lock. */
  public void operation(Operation started) {
    operation = started;
  }
}
