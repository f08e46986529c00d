package dev.warden.policies.injection.signals;

/**
 * One structural signal that fired on a text.
 *
 * @param name     a stable name from {@link SignalNames}, fit to be shown as a reason in spans and
 *                 audit records; never any of the text itself
 * @param strength how strongly it suggests an injection, in (0, 1]
 */
public record Signal(String name, double strength) {

  public Signal {
    if (!(strength > 0 && strength <= 1)) {
      throw new IllegalArgumentException("strength must be in (0, 1], was " + strength);
    }
  }
}
