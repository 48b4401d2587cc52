package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.BotSelf;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.GroupStatusQuery;
import dev.gmbot.port.in.ProtectGroupCommand;
import dev.gmbot.port.in.ReactivateGroupCommand;
import dev.gmbot.port.in.UnprotectGroupCommand;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.MembershipLookup;
import dev.gmbot.port.out.OwnerRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The commands of GMBot, one small {@link Command} each, all listed here by name, like {@code
 * ProtectionPolicy} lists the protection policies. The admin commands share {@link
 * AdminAuthorization} (who may), {@link AdminAccess} (a protected group, asked by one of its
 * admins), {@link BotRightsCheck} and {@link ChannelResolution} (the bot's rights, the channels to
 * require); every text comes from one {@link CommandTexts} catalogue. The typed use cases ({@code
 * ProtectGroupUseCase} and the others, implemented by the {@code Guard}) reach the very same
 * commands, so their checks and texts are those of the chat.
 */
public final class CommandPolicy {
  private final BotSelf self;
  private final CommandTexts texts;
  private final ProtectCommand protect;
  private final UnprotectCommand unprotect;
  private final StatusCommand status;
  private final ReactivateCommand reactivate;
  private final Map<String, Command> commands;

  @Inject
  public CommandPolicy(
      GroupRepository groups,
      MemberRepository members,
      OwnerRepository owners,
      AuditTrail audit,
      ChatDirectory directory,
      MembershipLookup lookup,
      BotCallScheduler scheduler,
      BotSelf self) {
    this(
        groups,
        members,
        owners,
        audit,
        new TelegramReads(lookup, directory, scheduler, self),
        self,
        CommandTexts.english());
  }

  CommandPolicy(
      GroupRepository groups,
      MemberRepository members,
      OwnerRepository owners,
      AuditTrail audit,
      TelegramReads telegram,
      BotSelf self,
      CommandTexts texts) {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(owners, "owners");
    Objects.requireNonNull(audit, "audit");
    this.self = Objects.requireNonNull(self, "self");
    this.texts = Objects.requireNonNull(texts, "texts");
    AdminAuthorization authorization = new AdminAuthorization(telegram, owners);
    AdminAccess access = new AdminAccess(authorization, groups, texts);
    BotRightsCheck rights = new BotRightsCheck(telegram, texts);
    ChannelResolution channels = new ChannelResolution(telegram, texts);
    this.protect = new ProtectCommand(groups, authorization, rights, channels, texts);
    this.unprotect = new UnprotectCommand(members, access, texts);
    this.status = new StatusCommand(groups, members, texts);
    this.reactivate = new ReactivateCommand(access, rights, texts);
    this.commands =
        Map.of(
            "start",
            new StartCommand(owners, texts),
            "help",
            new HelpCommand(texts),
            "protect",
            protect,
            "unprotect",
            unprotect,
            "status",
            status,
            "settings",
            new SettingsCommand(access, texts),
            "reactivate",
            reactivate,
            "stats",
            new StatsCommand(audit, members, access, texts));
  }

  /** Every command, by name. Commands addressed to another bot are ignored. */
  public List<Decision> decide(CommandIssued e) {
    if (e.addressee().isPresent() && !self.profile().isNamed(e.addressee().get())) {
      return List.of(new Note("ignored: /" + e.name() + " is for @" + e.addressee().get()));
    }
    CommandRequest request = CommandRequest.of(e);
    Command command = commands.get(e.name());
    if (command != null) {
      return command.decide(request);
    }
    return e.chat().type() == ChatType.PRIVATE
        ? request.reply(texts.unknownCommand(e.name()))
        : List.of(new Note("ignored: unknown command /" + e.name()));
  }

  // ---- the same commands as typed use cases (no chat message to quote) ------------------------

  /** /protect without a chat message. */
  public List<Decision> decide(ProtectGroupCommand c) {
    return protect.decide(CommandRequest.typed(c.group(), c.caller(), c.channels()));
  }

  /** /unprotect without a chat message; no channels means all. */
  public List<Decision> decide(UnprotectGroupCommand c) {
    return unprotect.decide(CommandRequest.typed(c.group(), c.caller(), c.channels()));
  }

  /** /reactivate without a chat message. */
  public List<Decision> decide(ReactivateGroupCommand c) {
    return reactivate.decide(CommandRequest.typed(c.group(), c.caller(), List.of()));
  }

  /** /status without a chat message. */
  public List<Decision> decide(GroupStatusQuery q) {
    return status.decide(CommandRequest.typed(q.group(), q.caller(), List.of()));
  }
}
