package dev.gmbot.domain.protection;

import static dev.gmbot.domain.protection.Enforcement.channelName;

import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.NotifyOwner;
import dev.gmbot.domain.protection.Decision.PauseGroup;
import dev.gmbot.domain.protection.Decision.ResumeGroup;
import dev.gmbot.domain.protection.Decision.SaveOwner;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.port.in.BotMemberChanged;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.OwnerRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bot's own rights ({@code my_chat_member}): lost rights in a group or a linked channel pause
 * the affected groups and the owner is told; rights that come back resume them. In a private chat
 * it tells whether an owner can be messaged there.
 */
final class BotRightsPolicy {
  private final GroupRepository groups;
  private final OwnerRepository owners;
  private final AdministratorDirectory admins;

  BotRightsPolicy(GroupRepository groups, OwnerRepository owners, AdministratorDirectory admins) {
    this.groups = groups;
    this.owners = owners;
    this.admins = admins;
  }

  /** Lost rights pause the affected groups; rights that come back resume them. */
  List<Decision> onBotMemberChanged(BotMemberChanged e) {
    return switch (e.chat().type()) {
      case GROUP, SUPERGROUP -> onBotRightsInGroup(e.chat(), e.after());
      case CHANNEL -> onBotRightsInChannel(e.chat(), e.after());
      case PRIVATE -> onPrivateChatChanged(e.chat(), e.after());
    };
  }

  private List<Decision> onBotRightsInGroup(ChatRef chat, ChatMember bot) {
    GroupId group = chat.groupId();
    admins.invalidate(group);
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || !found.get().enabled()) {
      return List.of(new Note("bot rights changed in unprotected " + group));
    }
    ProtectedGroup g = found.get();
    boolean removed = bot.status() == MemberStatus.LEFT || bot.status() == MemberStatus.KICKED;
    boolean sufficient = bot.isAdmin() && bot.rights().sufficientForGroup();
    Optional<PauseReason.Kind> pausedFor = g.pause().map(PauseReason::kind);
    if (sufficient) {
      boolean groupPause =
          pausedFor.isPresent() && pausedFor.get() != PauseReason.Kind.CANNOT_CHECK_CHANNEL;
      return groupPause
          ? List.of(new ResumeGroup(group), new NotifyOwner(group, texts(g).resumed(g)))
          : List.of(new Note("bot rights in " + group + " are sufficient"));
    }
    PauseReason reason =
        removed
            ? new PauseReason(
                PauseReason.Kind.BOT_REMOVED_FROM_GROUP, Optional.empty(), "removed from group")
            : new PauseReason(
                PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS,
                Optional.empty(),
                "missing: " + Texts.rightsForRecord(missingRights(bot)));
    if (pausedFor.equals(Optional.of(reason.kind()))) {
      return List.of(new Note(group + " already paused: " + reason.detail()));
    }
    String text =
        removed ? texts(g).removedFromGroup(g) : texts(g).lostGroupRights(g, missingRights(bot));
    return List.of(new PauseGroup(group, reason), new NotifyOwner(group, text));
  }

  private static List<GroupRight> missingRights(ChatMember bot) {
    return bot.isAdmin() ? GroupRight.missingIn(bot.rights()) : List.of(GroupRight.values());
  }

  private static Texts texts(ProtectedGroup g) {
    return Texts.in(g.settings().language());
  }

  private List<Decision> onBotRightsInChannel(ChatRef chat, ChatMember bot) {
    ChannelId channel = chat.channelId();
    List<Decision> decisions = new ArrayList<>();
    for (GroupId id : groups.linkedTo(channel)) {
      Optional<ProtectedGroup> found = groups.find(id);
      if (found.isEmpty()) {
        continue;
      }
      ProtectedGroup g = found.get();
      String name = channelName(g, channel);
      boolean pausedForThis =
          g.pause()
              .map(
                  p ->
                      p.kind() == PauseReason.Kind.CANNOT_CHECK_CHANNEL
                          && p.channel().equals(Optional.of(channel)))
              .orElse(false);
      if (bot.isAdmin() && pausedForThis) {
        decisions.add(new ResumeGroup(id));
        decisions.add(new NotifyOwner(id, texts(g).resumed(g)));
      } else if (!bot.isAdmin() && !g.isPaused()) {
        decisions.add(
            new PauseGroup(
                id,
                new PauseReason(
                    PauseReason.Kind.CANNOT_CHECK_CHANNEL,
                    Optional.of(channel),
                    "not an admin of " + name)));
        decisions.add(new NotifyOwner(id, texts(g).lostChannelRights(name, g)));
      }
    }
    if (decisions.isEmpty()) {
      decisions.add(new Note("bot rights changed in channel " + channel + ": nothing to do"));
    }
    return decisions;
  }

  /** A user blocked or (re)started the bot: owners become unreachable or reachable in private. */
  private List<Decision> onPrivateChatChanged(ChatRef chat, ChatMember bot) {
    if (!chat.id().isPrivate()) {
      return List.of(new Note("ignored"));
    }
    UserId user = UserId.of(chat.id().value());
    boolean reachable = bot.status() == MemberStatus.MEMBER;
    return owners
        .find(user)
        .filter(o -> o.reachableInPrivate() != reachable)
        .<List<Decision>>map(
            o -> List.of(new SaveOwner(new Owner(o.id(), o.username(), reachable))))
        .orElse(List.of(new Note("private chat with " + user + " changed")));
  }
}
