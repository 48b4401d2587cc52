package dev.gmbot.port.out;

/**
 * The short-lived state the guard and its scheduler share across instances, as one object: the
 * caches, the update log and the rate meters (on Redis, or in process).
 */
public interface StateStores {
  MembershipCache membershipCache();

  AdministratorCache administratorCache();

  UpdateLog updateLog();

  RateLimitStore rateLimitStore();
}
