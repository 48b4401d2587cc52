package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.BotSelf;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.ChangeSettings;
import dev.gmbot.domain.protection.Decision.ClearPrompts;
import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.ProtectGroup;
import dev.gmbot.domain.protection.Decision.Reply;
import dev.gmbot.domain.protection.Decision.ResumeGroup;
import dev.gmbot.domain.protection.Decision.SaveOwner;
import dev.gmbot.domain.protection.Decision.UnprotectGroup;
import dev.gmbot.domain.protection.Texts;
import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.GroupStatusQuery;
import dev.gmbot.port.in.ProtectGroupCommand;
import dev.gmbot.port.in.ReactivateGroupCommand;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.in.UnprotectGroupCommand;
import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatInfo;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.MemberCounts;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.MembershipLookup;
import dev.gmbot.port.out.OwnerRepository;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The commands of GMBot, one named function each, listed in {@link #decide}. Every admin command
 * checks its caller first (a group administrator, or an anonymous admin of that very group). Every
 * decision of a command concerns the chat it was issued in (tenant isolation). Replies are P0.
 */
public final class CommandPolicy {
  private static final int MAX_CHANNELS = 10;
  private static final int MAX_LIFTS_ON_UNPROTECT = 1000;
  private static final int STATS_WINDOW = 1000;
  private static final Pattern DURATION = Pattern.compile("(\\d{1,5})\\s*([smh])");

  /** Who issued an admin command: a known user, or an anonymous admin (user unknown). */
  private record Caller(Optional<UserRef> user) {}

  private final GroupRepository groups;
  private final MemberRepository members;
  private final OwnerRepository owners;
  private final AuditTrail audit;
  private final ChatDirectory directory;
  private final MembershipLookup lookup;
  private final BotCallScheduler scheduler;
  private final BotSelf self;

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
    this.groups = Objects.requireNonNull(groups, "groups");
    this.members = Objects.requireNonNull(members, "members");
    this.owners = Objects.requireNonNull(owners, "owners");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.self = Objects.requireNonNull(self, "self");
  }

  /** Every command, by name. Commands addressed to another bot are ignored. */
  public List<Decision> decide(CommandIssued e) {
    if (e.addressee().isPresent() && !self.profile().isNamed(e.addressee().get())) {
      return List.of(new Note("ignored: /" + e.name() + " is for @" + e.addressee().get()));
    }
    CommandRequest request = CommandRequest.of(e);
    return switch (e.name()) {
      case "start" -> start(request);
      case "help" -> reply(request, CommandTexts.HELP);
      case "protect" -> protect(request);
      case "unprotect" -> unprotect(request);
      case "status" -> status(request);
      case "settings" -> settings(request);
      case "reactivate" -> reactivate(request);
      case "stats" -> stats(request);
      default ->
          e.chat().type() == ChatType.PRIVATE
              ? reply(request, "I don't know /" + e.name() + ". See /help.")
              : List.of(new Note("ignored: unknown command /" + e.name()));
    };
  }

  // ---- the same commands as typed use cases (no chat message to quote) ------------------------

  /** /protect without a chat message. */
  public List<Decision> decide(ProtectGroupCommand c) {
    return protect(new CommandRequest(c.group(), c.caller(), c.channels(), Optional.empty()));
  }

  /** /unprotect without a chat message; no channels means all. */
  public List<Decision> decide(UnprotectGroupCommand c) {
    return unprotect(new CommandRequest(c.group(), c.caller(), c.channels(), Optional.empty()));
  }

  /** /reactivate without a chat message. */
  public List<Decision> decide(ReactivateGroupCommand c) {
    return reactivate(new CommandRequest(c.group(), c.caller(), List.of(), Optional.empty()));
  }

  /** /status without a chat message. */
  public List<Decision> decide(GroupStatusQuery q) {
    return status(new CommandRequest(q.group(), q.caller(), List.of(), Optional.empty()));
  }

  // ---- /start, /help --------------------------------------------------------------------------

  List<Decision> start(CommandRequest e) {
    if (e.chat().type() != ChatType.PRIVATE) {
      return reply(e, CommandTexts.START_IN_GROUP);
    }
    List<Decision> decisions = new ArrayList<>(reply(e, CommandTexts.START));
    if (e.sender() instanceof Sender.User u) {
      // Remember that this person can be messaged in private, whether or not they own a group
      // yet: someone who sends /start before /protect must still get the owner's warnings here.
      boolean known = owners.find(u.user().id()).map(Owner::reachableInPrivate).orElse(false);
      if (!known) {
        decisions.add(new SaveOwner(new Owner(u.user().id(), u.user().username(), true)));
      }
    }
    return decisions;
  }

  // ---- /protect -------------------------------------------------------------------------------

  /** The setup wizard: every check gets its ✅ or ❌ line; all ✅ turns protection on. */
  List<Decision> protect(CommandRequest e) {
    if (e.chat().type() == ChatType.PRIVATE || e.chat().type() == ChatType.CHANNEL) {
      return reply(e, CommandTexts.IN_GROUP_ONLY);
    }
    if (e.args().isEmpty()) {
      return reply(e, CommandTexts.PROTECT_USAGE);
    }
    Set<ChannelArgument> wanted = new LinkedHashSet<>();
    for (String arg : e.args()) {
      Optional<ChannelArgument> parsed = ChannelArgument.parse(arg);
      if (parsed.isEmpty()) {
        return reply(
            e,
            "“"
                + arg
                + "” is not a channel name. Write it as @ChannelName (or its -100… id).\n\n"
                + CommandTexts.PROTECT_USAGE);
      }
      wanted.add(parsed.get());
    }
    if (wanted.size() > MAX_CHANNELS) {
      return reply(e, "A group can require at most " + MAX_CHANNELS + " channels.");
    }
    if (e.chat().type() == ChatType.GROUP) {
      return reply(e, CommandTexts.BASIC_GROUP);
    }
    GroupId group = e.chat().groupId();
    Optional<Caller> caller = authorize(e, group);
    if (caller.isEmpty()) {
      return reply(e, CommandTexts.ADMINS_ONLY);
    }
    Optional<Owner> owner = ownerOf(group, caller.get());
    if (owner.isEmpty()) {
      return reply(
          e, "❌ I couldn't tell who owns this group: run /protect without posting anonymously.");
    }
    List<String> lines = new ArrayList<>();
    boolean ok = checkGroupRights(group, lines);
    List<EnforcedChannel> channels = new ArrayList<>();
    for (ChannelArgument arg : wanted) {
      Optional<EnforcedChannel> channel =
          checkChannel(arg, owner.get().id(), caller.get().user().isEmpty(), lines);
      if (channel.isPresent()) {
        channels.add(channel.get());
      } else {
        ok = false;
      }
    }
    lines.add("✅ You're authorized to set this up");
    String checks = "🔍 Verifying permissions...\n" + String.join("\n", lines);
    if (!ok) {
      return reply(e, checks + "\n\nFix the ❌ items above, then run /protect again.");
    }
    String text =
        checks
            + "\n\n🛡️ Protection Activated!\nAnyone joining this group must now be subscribed to "
            + Texts.channelNames(afterProtect(group, channels))
            + ".\n\n"
            + CommandTexts.ACTIVATED_FOOTER
            + (owner.get().reachableInPrivate() ? "" : CommandTexts.PRIVATE_TIP);
    List<Decision> decisions = new ArrayList<>();
    decisions.add(new ProtectGroup(group, e.chat().title(), owner.get(), channels));
    decisions.addAll(reply(e, text));
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

  private boolean checkGroupRights(GroupId group, List<String> lines) {
    Optional<ChatMember> bot = botMember(group.chat());
    if (bot.isEmpty() || !bot.get().isAdmin()) {
      lines.add(
          "❌ I'm not an admin in this group: make me admin with the rights to restrict members,"
              + " delete messages and invite users");
      return false;
    }
    List<String> missing = Texts.missingGroupRights(bot.get().rights());
    if (!missing.isEmpty()) {
      lines.add("❌ I'm admin in this group but need the rights to " + String.join(", ", missing));
      return false;
    }
    lines.add("✅ I'm admin in this group");
    return true;
  }

  /**
   * Resolves the channel and checks the bot's rights there, and that the person accountable for the
   * setup (the caller, or the group's creator for an anonymous admin) administers it: nobody can
   * make a group require a channel that is not theirs.
   */
  private Optional<EnforcedChannel> checkChannel(
      ChannelArgument arg, UserId accountable, boolean anonymous, List<String> lines) {
    Optional<ChatInfo> info = resolve(arg);
    if (info.isEmpty()) {
      lines.add("❌ I can't find " + arg.text() + ": check the name, and add me to it as admin");
      return Optional.empty();
    }
    if (info.get().chat().type() != ChatType.CHANNEL) {
      lines.add("❌ " + arg.text() + " is not a channel");
      return Optional.empty();
    }
    ChannelId id = info.get().chat().channelId();
    Optional<String> username = info.get().chat().username();
    String name = username.map(u -> "@" + u).orElse(info.get().chat().title());
    Optional<ChatMember> bot = botMember(id.chat());
    if (bot.isEmpty() || !bot.get().isAdmin()) {
      lines.add("❌ I'm not an admin in " + name + ": add me there as admin");
      return Optional.empty();
    }
    if (!memberOf(id.chat(), accountable).isAdmin()) {
      lines.add(
          anonymous
              ? "❌ The group's owner is not an admin of " + name
              : "❌ You're not an admin of " + name);
      return Optional.empty();
    }
    Optional<String> link = username.isPresent() ? Optional.empty() : inviteLink(id);
    if (username.isEmpty() && link.isEmpty()) {
      lines.add(
          "❌ I can't create an invite link for " + name + ": give me the right to invite users");
      return Optional.empty();
    }
    lines.add("✅ I'm admin in " + name);
    return Optional.of(new EnforcedChannel(id, info.get().chat().title(), username, link));
  }

  private Optional<ChatInfo> resolve(ChannelArgument arg) {
    try {
      if (arg.id().isPresent()) {
        ChatId chat = ChatId.of(arg.id().get());
        return Optional.of(
            scheduler.submit(
                BotCall.to(chat, BotMethod.GET_CHAT, Priority.P0_INTERACTIVE),
                c -> directory.getChat(c)));
      }
      return Optional.of(
          scheduler.submit(
              BotCall.withoutChat(BotMethod.GET_CHAT, Priority.P0_INTERACTIVE),
              () -> directory.getChat(arg.username().orElseThrow())));
    } catch (ChatAccessException e) {
      return Optional.empty();
    }
  }

  private Optional<String> inviteLink(ChannelId channel) {
    try {
      return Optional.of(
          scheduler.submit(
              BotCall.to(
                  channel.chat(), BotMethod.CREATE_CHAT_INVITE_LINK, Priority.P0_INTERACTIVE),
              c -> directory.createInviteLink(ChannelId.of(c.value()))));
    } catch (ChatAccessException e) {
      return Optional.empty();
    }
  }

  /** The caller, or for an anonymous admin the group's creator. */
  private Optional<Owner> ownerOf(GroupId group, Caller caller) {
    if (caller.user().isPresent()) {
      UserRef user = caller.user().get();
      boolean reachable = owners.find(user.id()).map(Owner::reachableInPrivate).orElse(false);
      return Optional.of(new Owner(user.id(), user.username(), reachable));
    }
    return scheduler
        .submit(
            BotCall.to(group.chat(), BotMethod.GET_CHAT_ADMINISTRATORS, Priority.P0_INTERACTIVE),
            c -> directory.getAdministrators(c))
        .stream()
        .filter(m -> m.status() == MemberStatus.CREATOR)
        .map(ChatMember::user)
        .findFirst()
        .map(
            creator ->
                new Owner(
                    creator.id(),
                    creator.username(),
                    owners.find(creator.id()).map(Owner::reachableInPrivate).orElse(false)));
  }

  // ---- /unprotect -----------------------------------------------------------------------------

  /** Unlinks channels, or all; when protection ends, GMBot lifts the mutes it made (P2). */
  List<Decision> unprotect(CommandRequest e) {
    Access access = adminAccess(e);
    if (access instanceof Access.Refused refused) {
      return reply(e, refused.reply());
    }
    ProtectedGroup g = ((Access.Granted) access).group();
    GroupId group = g.id();
    boolean all = e.args().isEmpty() || e.args().stream().anyMatch(a -> a.equalsIgnoreCase("all"));
    Set<ChannelId> removed = new LinkedHashSet<>();
    if (!all) {
      for (String arg : e.args()) {
        Optional<EnforcedChannel> linked = linkedChannel(g, arg);
        if (linked.isEmpty()) {
          return reply(
              e,
              "“"
                  + arg
                  + "” isn't required here. Required now: "
                  + Texts.channelNames(g.channels())
                  + ".\nUsage: /unprotect [@channel | all]");
        }
        removed.add(linked.get().id());
      }
      all = removed.size() == g.channels().size();
    }
    List<Decision> decisions = new ArrayList<>();
    if (!all) {
      decisions.add(new UnprotectGroup(group, removed));
      List<EnforcedChannel> rest =
          g.channels().stream().filter(c -> !removed.contains(c.id())).toList();
      decisions.addAll(reply(e, "✅ Done. Still required here: " + Texts.channelNames(rest) + "."));
      return decisions;
    }
    List<UserId> restricted = members.restricted(group, MAX_LIFTS_ON_UNPROTECT);
    decisions.add(new UnprotectGroup(group, Set.of()));
    decisions.addAll(
        reply(
            e,
            "🔓 Protection disabled."
                + (restricted.isEmpty()
                    ? ""
                    : " I'm lifting the " + restricted.size() + " restrictions I made.")));
    for (UserId user : restricted) {
      decisions.add(new Lift(group, user, Priority.P2_BACKGROUND, "protection ended"));
      decisions.add(new ClearPrompts(group, user, g.channels(), g.settings()));
    }
    return decisions;
  }

  private static Optional<EnforcedChannel> linkedChannel(ProtectedGroup g, String arg) {
    Optional<ChannelArgument> parsed = ChannelArgument.parse(arg);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    return g.channels().stream()
        .filter(
            c ->
                parsed.get().id().map(id -> id == c.id().value()).orElse(false)
                    || parsed
                        .get()
                        .username()
                        .flatMap(u -> c.username().map(u::equalsIgnoreCase))
                        .orElse(false))
        .findFirst();
  }

  // ---- /status --------------------------------------------------------------------------------

  List<Decision> status(CommandRequest e) {
    if (e.chat().type() == ChatType.PRIVATE) {
      return statusInPrivate(e);
    }
    if (!e.chat().type().isGroup()) {
      return List.of(new Note("ignored: /status outside a group"));
    }
    Optional<ProtectedGroup> g = groups.find(e.chat().groupId()).filter(ProtectedGroup::enabled);
    if (g.isEmpty()) {
      return reply(e, CommandTexts.NOT_PROTECTED);
    }
    MemberCounts counts = members.counts(g.get().id());
    String state =
        g.get()
            .pause()
            .map(
                p ->
                    "⏸ paused: "
                        + pauseText(p)
                        + ".\nFix it, then run /reactivate (it also resumes by itself).")
            .orElse("✅ active");
    return reply(
        e,
        "🛡️ Protection: "
            + state
            + "\nChannels: "
            + Texts.channelNames(g.get().channels())
            + "\nMembers: "
            + counts.free()
            + " verified, "
            + counts.restricted()
            + " restricted");
  }

  private List<Decision> statusInPrivate(CommandRequest e) {
    if (!(e.sender() instanceof Sender.User u)) {
      return List.of(new Note("ignored"));
    }
    List<ProtectedGroup> mine =
        groups.ownedBy(u.user().id()).stream().filter(ProtectedGroup::enabled).toList();
    if (mine.isEmpty()) {
      return reply(e, "You don't own a protected group yet. See /help to set one up.");
    }
    String lines =
        mine.stream()
            .map(
                g ->
                    "• "
                        + (g.title().isBlank() ? g.id().toString() : g.title())
                        + ": "
                        + (g.isActive() ? "active" : "paused")
                        + " ("
                        + Texts.channelNames(g.channels())
                        + ")")
            .collect(Collectors.joining("\n"));
    return reply(e, "Your protected groups:\n" + lines);
  }

  private static String pauseText(dev.gmbot.port.model.PauseReason p) {
    return switch (p.kind()) {
          case BOT_LACKS_GROUP_RIGHTS -> "I lack admin rights in this group";
          case BOT_REMOVED_FROM_GROUP -> "I was removed from this group";
          case CANNOT_CHECK_CHANNEL -> "I can't see the members of a linked channel";
        }
        + (p.detail().isBlank() ? "" : " (" + p.detail() + ")");
  }

  // ---- /settings ------------------------------------------------------------------------------

  List<Decision> settings(CommandRequest e) {
    Access access = adminAccess(e);
    if (access instanceof Access.Refused refused) {
      return reply(e, refused.reply());
    }
    ProtectedGroup g = ((Access.Granted) access).group();
    GroupSettings s = g.settings();
    if (e.args().isEmpty()) {
      return reply(e, showSettings(s));
    }
    String key = e.args().get(0).toLowerCase(Locale.ROOT);
    String value = String.join(" ", e.args().subList(1, e.args().size())).strip();
    if (value.isEmpty()) {
      return reply(e, "Which value? " + CommandTexts.SETTINGS_USAGE);
    }
    Optional<GroupSettings> changed;
    try {
      changed =
          switch (key) {
            case "prompt_lifetime" ->
                parseDuration(value)
                    .map(
                        d ->
                            new GroupSettings(
                                s.promptText(),
                                s.verifyButtonText(),
                                s.joinButtonText(),
                                d,
                                s.deleteMessages()));
            case "delete_messages" ->
                parseSwitch(value)
                    .map(
                        on ->
                            new GroupSettings(
                                s.promptText(),
                                s.verifyButtonText(),
                                s.joinButtonText(),
                                s.promptLifetime(),
                                on));
            case "verify_text" ->
                label(value)
                    .map(
                        v ->
                            new GroupSettings(
                                s.promptText(),
                                v,
                                s.joinButtonText(),
                                s.promptLifetime(),
                                s.deleteMessages()));
            case "join_text" ->
                label(value)
                    .map(
                        v ->
                            new GroupSettings(
                                s.promptText(),
                                s.verifyButtonText(),
                                v,
                                s.promptLifetime(),
                                s.deleteMessages()));
            case "prompt_text" ->
                value.length() > 1000
                    ? Optional.empty()
                    : Optional.of(
                        new GroupSettings(
                            value.equalsIgnoreCase("default")
                                ? Optional.empty()
                                : Optional.of(value),
                            s.verifyButtonText(),
                            s.joinButtonText(),
                            s.promptLifetime(),
                            s.deleteMessages()));
            default -> Optional.empty();
          };
    } catch (IllegalArgumentException invalid) {
      changed = Optional.empty();
    }
    if (changed.isEmpty()) {
      return reply(
          e, "I can't set " + key + " to “" + value + "”.\n" + CommandTexts.SETTINGS_USAGE);
    }
    List<Decision> decisions = new ArrayList<>();
    decisions.add(new ChangeSettings(g.id(), changed.get()));
    decisions.addAll(reply(e, "✅ Saved.\n\n" + showSettings(changed.get())));
    return decisions;
  }

  private static String showSettings(GroupSettings s) {
    return "⚙️ Settings\n• prompt_lifetime: "
        + formatDuration(s.promptLifetime())
        + "\n• delete_messages: "
        + (s.deleteMessages() ? "on" : "off")
        + "\n• verify_text: "
        + s.verifyButtonText()
        + "\n• join_text: "
        + s.joinButtonText()
        + "\n• prompt_text: "
        + s.promptText().orElse("(built-in)")
        + "\n\nChange one with e.g. /settings prompt_lifetime 15m";
  }

  static Optional<Duration> parseDuration(String text) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        });
  }

  private static String formatDuration(Duration d) {
    if (d.toSeconds() % 3600 == 0) {
      return d.toHours() + "h";
    }
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }

  private static Optional<Boolean> parseSwitch(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "on", "yes", "true" -> Optional.of(true);
      case "off", "no", "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static Optional<String> label(String text) {
    return text.length() <= 64 ? Optional.of(text) : Optional.empty();
  }

  // ---- /reactivate ----------------------------------------------------------------------------

  /** Re-checks the bot's rights in the group and every channel; resumes when all is well. */
  List<Decision> reactivate(CommandRequest e) {
    if (e.chat().type() == ChatType.GROUP) {
      return reply(e, CommandTexts.BASIC_GROUP);
    }
    Access access = adminAccess(e);
    if (access instanceof Access.Refused refused) {
      return reply(e, refused.reply());
    }
    ProtectedGroup g = ((Access.Granted) access).group();
    List<String> lines = new ArrayList<>();
    boolean ok = checkGroupRights(g.id(), lines);
    for (EnforcedChannel channel : g.channels()) {
      Optional<ChatMember> bot = botMember(channel.id().chat());
      if (bot.isPresent() && bot.get().isAdmin()) {
        lines.add("✅ I'm admin in " + channel.displayName());
      } else {
        lines.add("❌ I'm not an admin in " + channel.displayName() + ": add me there as admin");
        ok = false;
      }
    }
    String checks = "🔍 Verifying permissions...\n" + String.join("\n", lines);
    if (!ok) {
      return reply(e, checks + "\n\nStill missing: fix the ❌ items above, then run /reactivate.");
    }
    List<Decision> decisions = new ArrayList<>();
    if (g.isPaused()) {
      decisions.add(new ResumeGroup(g.id()));
      decisions.addAll(reply(e, checks + "\n\n🛡️ Protection resumed."));
    } else {
      decisions.addAll(reply(e, checks + "\n\n🛡️ Everything is in order; protection is active."));
    }
    return decisions;
  }

  // ---- /stats ---------------------------------------------------------------------------------

  List<Decision> stats(CommandRequest e) {
    Access access = adminAccess(e);
    if (access instanceof Access.Refused refused) {
      return reply(e, refused.reply());
    }
    ProtectedGroup g = ((Access.Granted) access).group();
    List<AuditEntry> recent = audit.recent(g.id(), STATS_WINDOW);
    Map<AuditEntry.Action, Long> counts = new EnumMap<>(AuditEntry.Action.class);
    recent.forEach(a -> counts.merge(a.action(), 1L, Long::sum));
    Map<String, AuditEntry.Action> shown = new LinkedHashMap<>();
    shown.put("restricted", AuditEntry.Action.RESTRICTED);
    shown.put("released", AuditEntry.Action.RELEASED);
    shown.put("messages deleted", AuditEntry.Action.MESSAGE_DELETED);
    shown.put("prompts", AuditEntry.Action.PROMPTED);
    shown.put("join requests approved", AuditEntry.Action.JOIN_APPROVED);
    String lines =
        shown.entrySet().stream()
            .map(s -> "• " + s.getKey() + ": " + counts.getOrDefault(s.getValue(), 0L))
            .collect(Collectors.joining("\n"));
    MemberCounts members = this.members.counts(g.id());
    String since =
        recent.isEmpty()
            ? ""
            : " (since " + recent.get(recent.size() - 1).at().toString().substring(0, 10) + ")";
    return reply(
        e,
        "📊 Last "
            + recent.size()
            + " actions"
            + since
            + ":\n"
            + lines
            + "\nMembers now: "
            + members.free()
            + " verified, "
            + members.restricted()
            + " restricted");
  }

  // ---- shared checks --------------------------------------------------------------------------

  /** The outcome of the checks every admin command starts with. */
  private sealed interface Access {
    record Granted(ProtectedGroup group) implements Access {}

    record Refused(String reply) implements Access {}
  }

  /**
   * Grants an admin command when the chat is a group, the caller is one of its admins, and it is
   * protected.
   */
  private Access adminAccess(CommandRequest e) {
    if (!e.chat().type().isGroup()) {
      return new Access.Refused(CommandTexts.IN_GROUP_ONLY);
    }
    GroupId group = e.chat().groupId();
    if (authorize(e, group).isEmpty()) {
      return new Access.Refused(CommandTexts.ADMINS_ONLY);
    }
    return groups
        .find(group)
        .filter(ProtectedGroup::enabled)
        .<Access>map(Access.Granted::new)
        .orElse(new Access.Refused(CommandTexts.NOT_PROTECTED));
  }

  /** A group admin (asked fresh, P0), or an anonymous admin posting as this very group. */
  private Optional<Caller> authorize(CommandRequest e, GroupId group) {
    return switch (e.sender()) {
      case Sender.AnonymousAdmin a ->
          a.group().id().equals(group.chat())
              ? Optional.of(new Caller(Optional.empty()))
              : Optional.empty();
      case Sender.User u ->
          !u.user().isBot() && memberOf(group.chat(), u.user().id()).isAdmin()
              ? Optional.of(new Caller(Optional.of(u.user())))
              : Optional.empty();
      case Sender.OnBehalfOfChannel c -> Optional.empty();
      case Sender.AutomaticForward f -> Optional.empty();
    };
  }

  private Optional<ChatMember> botMember(ChatId chat) {
    BotProfile me = self.profile();
    try {
      return Optional.of(memberOf(chat, me.id()));
    } catch (ChatAccessException e) {
      return Optional.empty();
    }
  }

  private ChatMember memberOf(ChatId chat, UserId user) {
    return scheduler.submit(
        BotCall.to(chat, BotMethod.GET_CHAT_MEMBER, Priority.P0_INTERACTIVE),
        c -> lookup.getChatMember(c, user));
  }

  private static List<Decision> reply(CommandRequest e, String text) {
    return List.of(
        new Reply(
            e.chat().id(),
            e.replyTo()
                .map(OutgoingMessage.text(text)::replyingTo)
                .orElse(OutgoingMessage.text(text)),
            Priority.P0_INTERACTIVE));
  }
}
