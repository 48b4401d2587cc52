package dev.gmbot.domain.protection;

import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.port.in.BotMemberChanged;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.ChannelMemberChanged;
import dev.gmbot.port.in.GroupMemberChanged;
import dev.gmbot.port.in.GroupMigrated;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.JoinRequested;
import dev.gmbot.port.in.MembersJoined;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberDeadlines;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.PendingJoinRequests;
import dev.gmbot.port.out.PromptRepository;
import dev.gmbot.port.out.TrustList;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The protection rules: one small policy per kind of event, each reached through the overload of
 * {@code decide} for its event. Which event goes where is decided once, in {@code
 * dev.gmbot.domain.Guard#decide} (commands go to {@code dev.gmbot.domain.commands}). A policy reads
 * the state it needs (repositories, caches, membership checks through the scheduler) and returns
 * {@link Decision} values; it changes nothing but the verification caches and the in-process join
 * ledger (ADR 0060).
 */
public final class ProtectionPolicy {
  /** Callback data of the verify button: {@code verify:<userId>}, or {@code verify:any}. */
  public static final String VERIFY_PREFIX = "verify:";

  public static final String VERIFY_ANY = VERIFY_PREFIX + "any";

  /** Callback data of the button in a join requester's private chat: {@code join:<groupId>}. */
  public static final String JOIN_PREFIX = "join:";

  /**
   * Callback data of the settings menu's buttons: {@code m:…}, encoded and decided by the commands.
   * The three prefixes are listed here together so that no two ever collide.
   */
  public static final String MENU_PREFIX = "m:";

  private final JoinPolicy joins;
  private final MessagePolicy messages;
  private final ButtonPolicy buttons;
  private final ChannelPolicy channels;
  private final BotRightsPolicy botRights;
  private final JoinRequestPolicy joinRequests;
  private final MigrationPolicy migrations;
  private final DeadlineSweep deadlineSweep;
  private final JoinRequestSweep joinRequestSweep;

  @Inject
  public ProtectionPolicy(
      GroupRepository groups,
      MemberRepository members,
      OwnerRepository owners,
      PromptRepository prompts,
      MembershipVerifier verifier,
      AdministratorDirectory admins,
      ChatDirectory directory,
      BotCallScheduler scheduler,
      BotSelf self,
      Clock clock,
      ProtectionSettings settings,
      TrustList trust,
      MemberDeadlines deadlines,
      PendingJoinRequests joinRequests) {
    Objects.requireNonNull(joinRequests, "joinRequests");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(deadlines, "deadlines");
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(owners, "owners");
    Objects.requireNonNull(prompts, "prompts");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(admins, "admins");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(scheduler, "scheduler");
    Enforcement enforcement =
        new Enforcement(
            Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(self, "self"));
    this.joins =
        new JoinPolicy(
            groups, members, verifier, admins, clock, enforcement, settings.joinWindow(), trust);
    this.messages =
        new MessagePolicy(
            groups, members, verifier, admins, directory, scheduler, clock, enforcement, trust);
    this.buttons = new ButtonPolicy(groups, members, prompts, verifier);
    this.channels =
        new ChannelPolicy(groups, members, verifier, admins, enforcement, trust, joinRequests);
    this.deadlineSweep =
        new DeadlineSweep(groups, members, trust, deadlines, verifier, admins, enforcement);
    this.botRights = new BotRightsPolicy(groups, owners, admins);
    this.joinRequests =
        new JoinRequestPolicy(groups, verifier, clock, settings.joinRequestTimeout(), trust);
    this.joinRequestSweep = new JoinRequestSweep(groups, joinRequests, verifier, clock);
    this.migrations = new MigrationPolicy(groups, admins);
  }

  /** A member joined, left, or had their status changed ({@code chat_member}). */
  public List<Decision> decide(GroupMemberChanged e) {
    return joins.onGroupMemberChanged(e);
  }

  /** The service message of a join ({@code new_chat_members}). */
  public List<Decision> decide(MembersJoined e) {
    return joins.onMembersJoined(e);
  }

  public List<Decision> decide(MessagePosted e) {
    return messages.onMessage(e);
  }

  /** As {@link #decide(MessagePosted)}, with what the update's admission already read. */
  public List<Decision> decide(MessagePosted e, MessageReads reads) {
    return messages.onMessage(e, reads);
  }

  public List<Decision> decide(ButtonPressed e) {
    return buttons.onButton(e);
  }

  public List<Decision> decide(ChannelMemberChanged e) {
    return channels.onChannelMemberChanged(e);
  }

  /** The bot's own rights or membership changed ({@code my_chat_member}). */
  public List<Decision> decide(BotMemberChanged e) {
    return botRights.onBotMemberChanged(e);
  }

  public List<Decision> decide(JoinRequested e) {
    return joinRequests.onJoinRequest(e);
  }

  public List<Decision> decide(GroupMigrated e) {
    return migrations.onGroupMigrated(e);
  }

  /**
   * The stored deadlines that are due (ADR 0017): members to remove if still unverified, held
   * joiners to re-check or release. Claimed for this instance; call periodically (the prompt sweep
   * does).
   */
  public List<Decision> dueDeadlines() {
    return deadlineSweep.due();
  }

  /**
   * The held join requests that expired (ADR 0023): checked once more, then approved, declined or
   * forgotten. Claimed for this instance; call periodically (the prompt sweep does).
   */
  public List<Decision> expiredJoinRequests() {
    return joinRequestSweep.due();
  }

  /**
   * Handling of the event failed and it will be redelivered: forgets what this process noted about
   * it while deciding (the joins it claimed), so the redelivery acts. Events that noted nothing are
   * ignored.
   */
  public void abandon(InboundEvent event) {
    joins.abandon(event);
  }
}
