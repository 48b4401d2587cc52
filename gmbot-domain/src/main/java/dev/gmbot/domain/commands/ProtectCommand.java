package dev.gmbot.domain.commands;

import dev.gmbot.domain.commands.AdminAuthorization.Caller;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.ChangeSettings;
import dev.gmbot.domain.protection.Decision.ProtectGroup;
import dev.gmbot.port.in.ChannelReference;
import dev.gmbot.port.in.ProtectGroupCommand;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.GroupRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * /protect @channel…: the setup wizard. Every check gets its ✅ or ❌ line (the bot's rights in the
 * group, each channel, the caller); when all pass, protection is turned on, or the channels are
 * added to those already required. A group protected for the first time speaks the language of the
 * admin who protects it (their Telegram language, when GMBot speaks it).
 */
final class ProtectCommand implements Command {
  private final GroupRepository groups;
  private final AdminAuthorization authorization;
  private final BotRightsCheck rights;
  private final ChannelResolution channels;

  ProtectCommand(
      GroupRepository groups,
      AdminAuthorization authorization,
      BotRightsCheck rights,
      ChannelResolution channels) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.authorization = Objects.requireNonNull(authorization, "authorization");
    this.rights = Objects.requireNonNull(rights, "rights");
    this.channels = Objects.requireNonNull(channels, "channels");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    CommandTexts texts = request.texts();
    ChatType type = request.chat().type();
    if (type == ChatType.PRIVATE || type == ChatType.CHANNEL) {
      return request.reply(texts.inGroupOnly());
    }
    if (request.args().isEmpty()) {
      return request.reply(texts.protectUsage());
    }
    // The same channel named twice (in any case) is checked once.
    Map<String, ChannelReference> wanted = new LinkedHashMap<>();
    for (String arg : request.args()) {
      Optional<ChannelReference> reference = ChannelReference.parse(arg);
      if (reference.isEmpty()) {
        return request.reply(texts.notAChannelName(arg));
      }
      wanted.putIfAbsent(reference.get().text().toLowerCase(Locale.ROOT), reference.get());
    }
    if (wanted.size() > ProtectGroupCommand.MAX_CHANNELS) {
      return request.reply(texts.tooManyChannels(ProtectGroupCommand.MAX_CHANNELS));
    }
    if (type == ChatType.GROUP) {
      return request.reply(texts.basicGroup());
    }
    GroupId group = request.chat().groupId();
    Optional<Caller> caller = authorization.authorize(request.sender(), group);
    if (caller.isEmpty()) {
      return request.reply(texts.adminsOnly());
    }
    Optional<Owner> owner = authorization.accountable(group, caller.get());
    if (owner.isEmpty()) {
      return request.reply(texts.ownerUnknown());
    }
    Checklist checks = new Checklist(texts);
    rights.inGroup(group, checks);
    List<EnforcedChannel> added = new ArrayList<>();
    for (ChannelReference reference : wanted.values()) {
      channels
          .resolve(reference, owner.get(), caller.get().anonymous(), checks)
          .ifPresent(added::add);
    }
    checks.pass(texts.callerAuthorized());
    if (!checks.passed()) {
      return request.reply(texts.protectChecksFailed(checks.lines()));
    }
    List<Decision> decisions = new ArrayList<>();
    decisions.add(new ProtectGroup(group, request.chat().title(), owner.get(), added));
    if (groups.find(group).isEmpty() && texts.language() != GroupSettings.DEFAULTS.language()) {
      // A new group speaks the language of the admin who protects it (they can change it).
      decisions.add(
          new ChangeSettings(group, GroupSettings.DEFAULTS.withLanguage(texts.language())));
    }
    decisions.add(
        request.answer(
            texts.protectionActivated(
                checks.lines(), afterProtect(group, added), owner.get().reachableInPrivate())));
    return decisions;
  }

  /** The channels the group will require: those already linked (when enabled) and the new ones. */
  private List<EnforcedChannel> afterProtect(GroupId group, List<EnforcedChannel> added) {
    List<EnforcedChannel> all = new ArrayList<>();
    groups.find(group).filter(ProtectedGroup::enabled).ifPresent(g -> all.addAll(g.channels()));
    for (EnforcedChannel channel : added) {
      if (all.stream().noneMatch(c -> c.id().equals(channel.id()))) {
        all.add(channel);
      }
    }
    return all;
  }
}
