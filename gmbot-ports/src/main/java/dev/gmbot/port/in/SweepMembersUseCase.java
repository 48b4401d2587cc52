package dev.gmbot.port.in;

import java.time.Duration;
import java.util.List;

/**
 * The background sweeps over members (ADRs 0024, 0025): the reconciliation of members GMBot
 * restricted, and the verification of active members in each group's off-peak hours. A runtime
 * calls it in slices (the server from a loop, Lambda from its scheduled function): each slice
 * claims the sweeps it can, goes on where they stopped for at most {@code budget}, stores where it
 * got to and returns what it did, as effect lines.
 */
public interface SweepMembersUseCase {
  /**
   * @param holder this instance's (or invocation's) name as a lease holder
   * @param budget how long the slice may take at most
   */
  List<String> sweepMembers(String holder, Duration budget);
}
