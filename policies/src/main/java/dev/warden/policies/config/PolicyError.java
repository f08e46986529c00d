package dev.warden.policies.config;

import java.io.Serializable;

/**
 * One problem found in a policy file, at the place where it was found.
 *
 * <p>The message names keys, paths and policy values where that helps, but never quotes a prompt,
 * a key or a fingerprint candidate.
 *
 * @param file    the file name as given to the loader
 * @param line    1-based line
 * @param column  1-based column
 * @param message what is wrong, in one line
 */
public record PolicyError(String file, int line, int column, String message) implements Serializable {

  /** {@code file:line:col: message}, the format editors and the {@code check} command use. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
