package dev.warden.it.harness;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Appends a forked JVM's command line, stdout and stderr to any assertion that fails in a test,
 * unless the failure already carries them. Register it with {@code @RegisterExtension}.
 */
public final class TranscriptOnFailure implements TestExecutionExceptionHandler {

  private final Supplier<ForkedJvm> jvm;

  public TranscriptOnFailure(Supplier<ForkedJvm> jvm) {
    this.jvm = jvm;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable error) throws Throwable {
    ForkedJvm forked = jvm.get();
    String message = String.valueOf(error.getMessage());
    if (forked == null || !(error instanceof AssertionError) || message.contains("\n--- stderr\n")) {
      throw error;
    }
    throw new AssertionError(message + forked.transcript(), error);
  }
}
