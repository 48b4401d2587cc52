package dev.gmbot.domain;

import dev.gmbot.domain.protection.MessageReads;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.UpdateGate;
import dev.gmbot.port.out.UpdateLog;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Claims an update before it is decided. For the most frequent update, a message from a user in an
 * active group, the claim and everything deciding needs about the sender (their cached membership
 * answers, whether they are a cached administrator) are read in one step of the {@link UpdateGate}:
 * one round trip on Redis, no I/O in process. The group itself comes from the group repository,
 * which the deployables cache in process (ADR 0056). Every other update is claimed on the {@link
 * UpdateLog} alone.
 *
 * <p>An update another handler holds (another instance got it at the same moment) is waited for
 * within the {@link ClaimWait}: admitted again after short pauses until it is done (a duplicate),
 * free again (the other handler failed: this one claims it) or the bound has passed (in progress).
 */
final class UpdateAdmission {
  /**
   * The claim and, for a message in a group, what was read with it.
   *
   * @param reads present for a message posted in a group (decided with them)
   */
  record Admitted(UpdateLog.Claim claim, Optional<MessageReads> reads) {}

  private final GroupRepository groups;
  private final UpdateGate gate;
  private final UpdateLog log;
  private final ClaimWait wait;

  UpdateAdmission(GroupRepository groups, UpdateGate gate, UpdateLog log, ClaimWait wait) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.log = Objects.requireNonNull(log, "log");
    this.wait = Objects.requireNonNull(wait, "wait");
  }

  /**
   * Claims the update, waiting within the bound while another handler holds it.
   *
   * @return the claim found last: {@code IN_PROGRESS} only when the bound passed (or the thread was
   *     interrupted) with the update still held elsewhere
   */
  Admitted admit(InboundEvent event, Duration lease) {
    Admitted admitted = admitOnce(event, lease);
    Duration waited = Duration.ZERO;
    Duration pause = null;
    while (admitted.claim() == UpdateLog.Claim.IN_PROGRESS && waited.compareTo(wait.bound()) < 0) {
      NonBlocking.check("another handler of the update");
      pause = wait.nextPause(pause, waited);
      try {
        wait.sleeper().sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // shutting down: "later" at once
        return admitted;
      }
      waited = waited.plus(pause);
      admitted = admitOnce(event, lease);
    }
    return admitted;
  }

  private Admitted admitOnce(InboundEvent event, Duration lease) {
    if (event instanceof MessagePosted message
        && message.chat().type().isGroup()
        && message.sender() instanceof Sender.User sender) {
      return admitMessage(event.updateId(), lease, message.chat().groupId(), sender);
    }
    return new Admitted(log.begin(event.updateId(), lease), Optional.empty());
  }

  private Admitted admitMessage(long updateId, Duration lease, GroupId group, Sender.User sender) {
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || !found.get().isActive() || sender.user().isBot()) {
      return new Admitted(log.begin(updateId, lease), Optional.of(MessageReads.groupOnly(found)));
    }
    UpdateGate.Admission admission =
        gate.admit(updateId, lease, group, sender.user().id(), channelIds(found.get()));
    if (!admission.claimed()) {
      return new Admitted(admission.claim(), Optional.empty());
    }
    return new Admitted(
        admission.claim(),
        Optional.of(
            new MessageReads(
                found, Optional.of(admission.memberships()), admission.administrator())));
  }

  private static List<ChannelId> channelIds(ProtectedGroup group) {
    List<EnforcedChannel> channels = group.channels();
    return channels.size() == 1
        ? List.of(channels.getFirst().id())
        : channels.stream().map(EnforcedChannel::id).toList();
  }
}
