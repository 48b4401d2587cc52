package dev.gmbot.port.out;

import java.time.Duration;

/**
 * Named leases held by one holder at a time, e.g. the single long-poller among several instances. A
 * lease not renewed within its duration expires.
 */
public interface LeaseStore {
  /**
   * @return true when {@code holder} now holds the lease (it was free, expired, or already its).
   */
  boolean tryAcquire(String name, String holder, Duration duration);

  /**
   * @return true when {@code holder} still held the lease and extended it.
   */
  boolean renew(String name, String holder, Duration duration);

  /** Releases the lease if {@code holder} holds it. */
  void release(String name, String holder);
}
