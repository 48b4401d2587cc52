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

  /**
   * The update's claim, membership answers and administrator check in one step; by default the
   * three ports above, one after the other (a store with a one-step implementation overrides it).
   */
  default UpdateGate updateGate() {
    return UpdateGate.of(updateLog(), membershipCache(), administratorCache());
  }

  /** Change notices between the instances sharing this state; by default one instance. */
  default ChangeNotices changeNotices() {
    return ChangeNotices.NONE;
  }
}
