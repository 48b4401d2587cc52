package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.MigrateGroup;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.port.in.BotMemberChanged;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.ChannelMemberChanged;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.GroupMemberChanged;
import dev.gmbot.port.in.GroupMigrated;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.JoinRequested;
import dev.gmbot.port.in.MembersJoined;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.PromptRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The protection rules of DESIGN §3.2: one small policy per kind of event, all listed in {@link
 * #decide}. A policy reads the state it needs (repositories, caches, membership checks through the
 * scheduler) and returns {@link Decision} values; it changes nothing but the verification caches
 * and the in-process join ledger (ADR 0060). Commands are decided by {@code
 * dev.gmbot.domain.commands}.
 */
public final class ProtectionPolicy {
  /** Callback data of the verify button: {@code verify:<userId>}, or {@code verify:any}. */
  public static final String VERIFY_PREFIX = "verify:";

  public static final String VERIFY_ANY = VERIFY_PREFIX + "any";

  /** Callback data of the button in a join requester's private chat: {@code join:<groupId>}. */
  public static final String JOIN_PREFIX = "join:";

  private final JoinPolicy joins;
  private final MessagePolicy messages;
  private final ButtonPolicy buttons;
  private final ChannelPolicy channels;
  private final BotRightsPolicy botRights;
  private final JoinRequestPolicy joinRequests;
  private final AdministratorDirectory admins;

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
      ProtectionSettings settings) {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(owners, "owners");
    Objects.requireNonNull(prompts, "prompts");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(scheduler, "scheduler");
    this.admins = Objects.requireNonNull(admins, "admins");
    Enforcement enforcement =
        new Enforcement(
            Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(self, "self"));
    this.joins =
        new JoinPolicy(
            groups, members, verifier, admins, clock, enforcement, settings.joinWindow());
    this.messages =
        new MessagePolicy(
            groups, members, verifier, admins, directory, scheduler, clock, enforcement);
    this.buttons = new ButtonPolicy(groups, members, prompts, verifier);
    this.channels = new ChannelPolicy(groups, members, verifier, admins, enforcement);
    this.botRights = new BotRightsPolicy(groups, owners, admins);
    this.joinRequests = new JoinRequestPolicy(groups, verifier);
  }

  /** Every protection policy, by the event it answers. */
  public List<Decision> decide(InboundEvent event) {
    return switch (event) {
      case GroupMemberChanged e -> joins.onGroupMemberChanged(e);
      case MembersJoined e -> joins.onMembersJoined(e);
      case MessagePosted e -> messages.onMessage(e);
      case ButtonPressed e -> buttons.onButton(e);
      case ChannelMemberChanged e -> channels.onChannelMemberChanged(e);
      case BotMemberChanged e -> botRights.onBotMemberChanged(e);
      case JoinRequested e -> joinRequests.onJoinRequest(e);
      case GroupMigrated e -> onMigration(e);
      case CommandIssued e ->
          throw new IllegalArgumentException("commands are decided by the command policy");
    };
  }

  /**
   * Handling of the event failed and it will be redelivered: forgets what this process noted about
   * it while deciding (the joins it claimed), so the redelivery acts.
   */
  public void abandon(InboundEvent event) {
    joins.abandon(event);
  }

  /** A basic group became a supergroup: everything moves to the new id. */
  private List<Decision> onMigration(GroupMigrated e) {
    admins.invalidate(e.from());
    return List.of(new MigrateGroup(e.from(), e.to()));
  }
}
