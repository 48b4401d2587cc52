package dev.gmbot.domain.commands;

import dev.gmbot.domain.i18n.Readers;
import dev.gmbot.domain.protection.BotSelf;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.GroupStatusQuery;
import dev.gmbot.port.in.ProtectGroupCommand;
import dev.gmbot.port.in.ReactivateGroupCommand;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.in.TextReceived;
import dev.gmbot.port.in.UnprotectGroupCommand;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberDeadlines;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.MemberSweeps;
import dev.gmbot.port.out.MembershipLookup;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.TrustList;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The commands of GMBot, one small {@link Command} each, all listed here by name, like {@code
 * ProtectionPolicy} lists the protection policies. The admin commands share {@link
 * AdminAuthorization} (who may), {@link AdminAccess} (a protected group, asked by one of its
 * admins), {@link BotRightsCheck} and {@link ChannelResolution} (the bot's rights, the channels to
 * require); every text comes from the {@link CommandTexts} of the request's language: in a group
 * the group's language (its settings), else, and in private, the sender's own language when GMBot
 * speaks it, else English. The typed use cases ({@code ProtectGroupUseCase} and the others,
 * implemented by the {@code Guard}) reach the very same commands, so their checks and texts are
 * those of the chat.
 *
 * <p>The settings menu in the private chat belongs here too (docs/owners-guide.md): {@code
 * /settings} and {@code /audit} open it, the presses of its buttons ({@link #decide(ButtonPressed)}
 * for callback data {@link #isMenuPress starting} with the menu's prefix) and the texts it asked
 * for ({@link #decide(TextReceived)}) are decided with the same checks; its own texts come from the
 * {@link MenuTexts} catalogue, in the reader's language (else the language of the group shown).
 */
public final class CommandPolicy {
  private final BotSelf self;
  private final GroupRepository groups;
  private final Function<Language, CommandTexts> texts;
  private final ProtectCommand protect;
  private final UnprotectCommand unprotect;
  private final StatusCommand status;
  private final ReactivateCommand reactivate;
  private final MenuPresses presses;
  private final MenuConversation conversation;
  private final Map<String, Command> commands;

  @Inject
  public CommandPolicy(
      GroupRepository groups,
      MemberRepository members,
      OwnerRepository owners,
      AuditTrail audit,
      ConversationRepository conversations,
      ChatDirectory directory,
      MembershipLookup lookup,
      BotCallScheduler scheduler,
      BotSelf self,
      Clock clock,
      DailyStatistics daily) {
    this(
        groups,
        members,
        owners,
        audit,
        conversations,
        directory,
        lookup,
        scheduler,
        self,
        clock,
        daily,
        TrustList.NONE,
        MemberDeadlines.NONE,
        Optional::empty);
  }

  /**
   * With the trust list, the stored deadlines and since when checks fail (issue 16): /trust,
   * /untrust and the /status line about failing checks.
   */
  public CommandPolicy(
      GroupRepository groups,
      MemberRepository members,
      OwnerRepository owners,
      AuditTrail audit,
      ConversationRepository conversations,
      ChatDirectory directory,
      MembershipLookup lookup,
      BotCallScheduler scheduler,
      BotSelf self,
      Clock clock,
      DailyStatistics daily,
      TrustList trust,
      MemberDeadlines deadlines,
      Supplier<Optional<Instant>> checksFailingSince) {
    this(
        groups,
        members,
        owners,
        audit,
        conversations,
        directory,
        lookup,
        scheduler,
        self,
        clock,
        daily,
        trust,
        deadlines,
        checksFailingSince,
        MemberSweeps.NONE);
  }

  /** With the store of the member sweeps too: their progress in /status, and /offpeak. */
  public CommandPolicy(
      GroupRepository groups,
      MemberRepository members,
      OwnerRepository owners,
      AuditTrail audit,
      ConversationRepository conversations,
      ChatDirectory directory,
      MembershipLookup lookup,
      BotCallScheduler scheduler,
      BotSelf self,
      Clock clock,
      DailyStatistics daily,
      TrustList trust,
      MemberDeadlines deadlines,
      Supplier<Optional<Instant>> checksFailingSince,
      MemberSweeps sweeps) {
    this(
        groups,
        members,
        owners,
        audit,
        conversations,
        new TelegramReads(lookup, directory, scheduler, self),
        self,
        clock,
        CommandTexts::of,
        MenuTexts::of,
        daily,
        trust,
        deadlines,
        checksFailingSince,
        sweeps);
  }

  CommandPolicy(
      GroupRepository groups,
      MemberRepository members,
      OwnerRepository owners,
      AuditTrail audit,
      ConversationRepository conversations,
      TelegramReads telegram,
      BotSelf self,
      Clock clock,
      Function<Language, CommandTexts> texts,
      Function<Language, MenuTexts> menuTexts) {
    this(
        groups,
        members,
        owners,
        audit,
        conversations,
        telegram,
        self,
        clock,
        texts,
        menuTexts,
        DailyStatistics.NONE);
  }

  CommandPolicy(
      GroupRepository groups,
      MemberRepository members,
      OwnerRepository owners,
      AuditTrail audit,
      ConversationRepository conversations,
      TelegramReads telegram,
      BotSelf self,
      Clock clock,
      Function<Language, CommandTexts> texts,
      Function<Language, MenuTexts> menuTexts,
      DailyStatistics daily) {
    this(
        groups,
        members,
        owners,
        audit,
        conversations,
        telegram,
        self,
        clock,
        texts,
        menuTexts,
        daily,
        TrustList.NONE,
        MemberDeadlines.NONE,
        Optional::empty);
  }

  CommandPolicy(
      GroupRepository groups,
      MemberRepository members,
      OwnerRepository owners,
      AuditTrail audit,
      ConversationRepository conversations,
      TelegramReads telegram,
      BotSelf self,
      Clock clock,
      Function<Language, CommandTexts> texts,
      Function<Language, MenuTexts> menuTexts,
      DailyStatistics daily,
      TrustList trust,
      MemberDeadlines deadlines,
      Supplier<Optional<Instant>> checksFailingSince) {
    this(
        groups,
        members,
        owners,
        audit,
        conversations,
        telegram,
        self,
        clock,
        texts,
        menuTexts,
        daily,
        trust,
        deadlines,
        checksFailingSince,
        MemberSweeps.NONE);
  }

  CommandPolicy(
      GroupRepository groups,
      MemberRepository members,
      OwnerRepository owners,
      AuditTrail audit,
      ConversationRepository conversations,
      TelegramReads telegram,
      BotSelf self,
      Clock clock,
      Function<Language, CommandTexts> texts,
      Function<Language, MenuTexts> menuTexts,
      DailyStatistics daily,
      TrustList trust,
      MemberDeadlines deadlines,
      Supplier<Optional<Instant>> checksFailingSince,
      MemberSweeps sweeps) {
    Objects.requireNonNull(sweeps, "sweeps");
    this.groups = Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(owners, "owners");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(conversations, "conversations");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(menuTexts, "menuTexts");
    this.self = Objects.requireNonNull(self, "self");
    this.texts = Objects.requireNonNull(texts, "texts");
    AdminAuthorization authorization = new AdminAuthorization(telegram, owners);
    AdminAccess access = new AdminAccess(authorization, groups);
    BotRightsCheck rights = new BotRightsCheck(telegram);
    ChannelResolution channels = new ChannelResolution(telegram);
    this.protect = new ProtectCommand(groups, authorization, rights, channels);
    this.unprotect = new UnprotectCommand(members, access);
    this.status =
        new StatusCommand(groups, members, access, checksFailingSince, deadlines, sweeps, clock);
    this.reactivate = new ReactivateCommand(access, rights);
    MenuAccess menuAccess = new MenuAccess(authorization, groups);
    MenuGroups menuGroups = new MenuGroups(groups, conversations, menuAccess);
    Function<Language, MenuScreens> screens = l -> new MenuScreens(menuTexts.apply(l));
    MenuEntrances menu = new MenuEntrances(menuAccess, menuGroups, screens, audit);
    this.presses =
        new MenuPresses(menuAccess, menuGroups, screens, conversations, audit, trust, clock);
    this.conversation =
        new MenuConversation(
            menuAccess,
            screens,
            conversations,
            owners,
            authorization,
            rights,
            channels,
            texts,
            clock);
    this.commands =
        Map.ofEntries(
            Map.entry("start", new StartCommand(owners, menu)),
            Map.entry("help", new HelpCommand()),
            Map.entry("protect", protect),
            Map.entry("unprotect", unprotect),
            Map.entry("status", status),
            Map.entry("settings", new SettingsCommand(access, texts, menuTexts, menu, self)),
            Map.entry("reactivate", reactivate),
            Map.entry("stats", new StatsCommand(audit, members, daily, access, clock)),
            Map.entry("audit", new AuditCommand(access, menuTexts, menu, self)),
            // ---- trust list (issue 16) ----
            Map.entry("trust", new TrustCommand(access, telegram, members, clock, true)),
            Map.entry("untrust", new TrustCommand(access, telegram, members, clock, false)),
            // ---- background sweeps (issue 16, items 4-6) ----
            Map.entry("offpeak", new OffPeakCommand(access, sweeps)));
  }

  /** Every command, by name. Commands addressed to another bot are ignored. */
  public List<Decision> decide(CommandIssued e) {
    if (e.addressee().isPresent() && !self.profile().isNamed(e.addressee().get())) {
      return List.of(new Note("ignored: /" + e.name() + " is for @" + e.addressee().get()));
    }
    Command command = commands.get(e.name());
    if (command != null) {
      return command.decide(CommandRequest.of(e, textsFor(e.chat(), e.sender())));
    }
    if (e.chat().type() != ChatType.PRIVATE) {
      return List.of(new Note("ignored: unknown command /" + e.name()));
    }
    CommandTexts texts = textsFor(e.chat(), e.sender());
    return CommandRequest.of(e, texts).reply(texts.unknownCommand(e.name()));
  }

  /**
   * The texts to answer in: a group's own language (a group GMBot has never protected has none
   * yet), else the sender's, else English.
   */
  private CommandTexts textsFor(ChatRef chat, Sender sender) {
    Optional<Language> group =
        chat.type().isGroup()
            ? groups.find(chat.groupId()).map(g -> g.settings().language())
            : Optional.empty();
    return texts.apply(
        group.or(() -> Readers.languageOf(sender)).orElse(GroupSettings.DEFAULTS.language()));
  }

  // ---- the settings menu in the private chat ---------------------------------------------------

  /** Whether the press is of a settings-menu button (never a verify or join button). */
  public static boolean isMenuPress(ButtonPressed e) {
    return MenuCallback.isMenu(e.data());
  }

  /** A press of a settings-menu button: answered first, authorized afresh, shown in place. */
  public List<Decision> decide(ButtonPressed e) {
    return presses.decide(e);
  }

  /** A text typed in private: the answer to the menu's question, if it asked one. */
  public List<Decision> decide(TextReceived e) {
    return conversation.decide(e);
  }

  // ---- the same commands as typed use cases (no chat message to quote) ------------------------

  /** /protect without a chat message. */
  public List<Decision> decide(ProtectGroupCommand c) {
    return protect.decide(typed(c.group(), c.caller(), c.channels()));
  }

  /** /unprotect without a chat message; no channels means all. */
  public List<Decision> decide(UnprotectGroupCommand c) {
    return unprotect.decide(typed(c.group(), c.caller(), c.channels()));
  }

  /** /reactivate without a chat message. */
  public List<Decision> decide(ReactivateGroupCommand c) {
    return reactivate.decide(typed(c.group(), c.caller(), List.of()));
  }

  /** /status without a chat message. */
  public List<Decision> decide(GroupStatusQuery q) {
    return status.decide(typed(q.group(), q.caller(), List.of()));
  }

  private CommandRequest typed(ChatRef group, Sender caller, List<String> args) {
    return CommandRequest.typed(group, caller, args, textsFor(group, caller));
  }
}
