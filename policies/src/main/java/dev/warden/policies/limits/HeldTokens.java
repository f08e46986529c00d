package dev.warden.policies.limits;

/** The {@link Reservation} of one request admitted by a {@link Partition}. Thread-safe. */
final class HeldTokens implements Reservation {

  private final Partition partition;
  private final Limits charged;
  private final long reserved;
  private final TimeSource time;
  /** Guarded by the partition's monitor. */
  private boolean ended;

  HeldTokens(Partition partition, Limits charged, long reserved, TimeSource time) {
    this.partition = partition;
    this.charged = charged;
    this.reserved = reserved;
    this.time = time;
  }

  @Override
  public void settle(long actualTokens) {
    if (actualTokens < 0) {
      throw new IllegalArgumentException("actualTokens must not be negative, was " + actualTokens);
    }
    end(actualTokens - reserved);
  }

  @Override
  public void release() {
    end(-reserved);
  }

  private void end(long delta) {
    synchronized (partition) {
      if (ended) {
        return;
      }
      ended = true;
      partition.correct(charged, delta, time);
    }
  }
}
