package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.AnswerCallback;
import dev.gmbot.domain.protection.Decision.ApproveJoin;
import dev.gmbot.domain.protection.Decision.ClearPrompts;
import dev.gmbot.domain.protection.Decision.DeleteMessage;
import dev.gmbot.domain.protection.Decision.ForgetMember;
import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.protection.Decision.MigrateGroup;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.NotifyOwner;
import dev.gmbot.domain.protection.Decision.PauseGroup;
import dev.gmbot.domain.protection.Decision.RecordMember;
import dev.gmbot.domain.protection.Decision.Reply;
import dev.gmbot.domain.protection.Decision.Restrict;
import dev.gmbot.domain.protection.Decision.ResumeGroup;
import dev.gmbot.domain.protection.Decision.SaveOwner;
import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.domain.verification.Freshness;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.domain.verification.Verdict;
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
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.PromptRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The protection rules of DESIGN §3.2, one small named policy per kind of event, all listed in
 * {@link #decide}. A policy reads the state it needs (repositories, caches, membership checks
 * through the scheduler) and returns {@link Decision} values; it changes nothing but the
 * verification caches (ADR 0060). Commands are decided by {@code dev.gmbot.domain.commands}.
 */
public final class ProtectionPolicy {
  /** Callback data of the verify button: {@code verify:<userId>}, or {@code verify:any}. */
  public static final String VERIFY_PREFIX = "verify:";

  public static final String VERIFY_ANY = VERIFY_PREFIX + "any";

  /** Callback data of the button in a join requester's private chat: {@code join:<groupId>}. */
  public static final String JOIN_PREFIX = "join:";

  private static final Duration DISCUSSION_LINK_TTL = Duration.ofHours(1);

  private record DiscussionLink(Optional<ChatId> linked, Instant until) {}

  private final GroupRepository groups;
  private final MemberRepository members;
  private final OwnerRepository owners;
  private final PromptRepository prompts;
  private final MembershipVerifier verifier;
  private final AdministratorDirectory admins;
  private final ChatDirectory directory;
  private final BotCallScheduler scheduler;
  private final BotSelf self;
  private final Clock clock;
  private final JoinLedger joins;
  private final Duration joinWindow;
  private final Map<GroupId, DiscussionLink> discussionLinks = new ConcurrentHashMap<>();

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
    this.groups = Objects.requireNonNull(groups, "groups");
    this.members = Objects.requireNonNull(members, "members");
    this.owners = Objects.requireNonNull(owners, "owners");
    this.prompts = Objects.requireNonNull(prompts, "prompts");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.self = Objects.requireNonNull(self, "self");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.joinWindow = settings.joinWindow();
    this.joins = new JoinLedger(joinWindow);
  }

  /** Every protection policy, by the event it answers. */
  public List<Decision> decide(InboundEvent event) {
    return switch (event) {
      case GroupMemberChanged e -> onGroupMemberChanged(e);
      case MembersJoined e -> onMembersJoined(e);
      case MessagePosted e -> onMessage(e);
      case ButtonPressed e -> onButton(e);
      case ChannelMemberChanged e -> onChannelMemberChanged(e);
      case BotMemberChanged e -> onBotMemberChanged(e);
      case JoinRequested e -> onJoinRequest(e);
      case GroupMigrated e -> onMigration(e);
      case CommandIssued e ->
          throw new IllegalArgumentException("commands are decided by the command policy");
    };
  }

  // ---- joins and leaves -----------------------------------------------------------------------

  /** The authoritative join/leave signal; also where administrator changes are noticed. */
  List<Decision> onGroupMemberChanged(GroupMemberChanged e) {
    if (!e.group().type().isGroup() || isMe(e.user().id())) {
      return List.of(new Note("ignored: member change of the bot or outside a group"));
    }
    GroupId group = e.group().groupId();
    List<Decision> decisions = new ArrayList<>();
    if (e.before().isAdmin() || e.after().isAdmin()) {
      admins.invalidate(group);
      decisions.add(new Note("administrator list of " + group + " refreshed"));
    }
    boolean joined = !e.before().isMember() && e.after().isMember();
    boolean left = e.before().isMember() && !e.after().isMember();
    if (joined) {
      decisions.addAll(onJoin(e.group(), e.user()));
    } else if (left) {
      decisions.add(new ForgetMember(group, e.user().id()));
    } else if (decisions.isEmpty()) {
      decisions.add(new Note("ignored: " + e.before().status() + " -> " + e.after().status()));
    }
    return decisions;
  }

  /** The fallback join signal: acts only for joins the chat_member update has not handled. */
  List<Decision> onMembersJoined(MembersJoined e) {
    if (!e.group().type().isGroup()) {
      return List.of(new Note("ignored: new members outside a group"));
    }
    List<Decision> decisions = new ArrayList<>();
    for (UserRef user : e.members()) {
      if (!isMe(user.id())) {
        decisions.addAll(onJoin(e.group(), user));
      }
    }
    return decisions;
  }

  private List<Decision> onJoin(ChatRef chat, UserRef user) {
    GroupId group = chat.groupId();
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || !found.get().enabled()) {
      return List.of(new Note("ignored: " + group + " is not protected"));
    }
    ProtectedGroup g = found.get();
    Instant now = clock.instant();
    Optional<GroupMember> known = members.find(group, user.id());
    Instant windowStart = now.minus(joinWindow);
    boolean recentlyHandled =
        known
            .map(m -> m.lastSeen().isAfter(windowStart) || m.changedAt().isAfter(windowStart))
            .orElse(false);
    if (!joins.claim(group, user.id(), now) || recentlyHandled) {
      return List.of(new Note("join of " + user.id() + " in " + group + " already handled"));
    }
    if (user.isBot()) {
      return List.of(new Note("exempt: " + user.id() + " is a bot"));
    }
    if (!g.isActive()) {
      return List.of(
          new RecordMember(group, user.id()), new Note("protection of " + group + " is paused"));
    }
    if (admins.isAdministrator(group, user.id())) {
      return List.of(
          new RecordMember(group, user.id()), new Note("exempt: " + user.id() + " is an admin"));
    }
    Verdict verdict =
        verifier.verify(user.id(), g.channels(), Freshness.CACHED, Priority.P1_ENFORCEMENT);
    return enforce(g, user, verdict, known, "joined without subscribing");
  }

  // ---- messages -------------------------------------------------------------------------------

  /** A message from a non-exempt sender who is not subscribed is deleted, and they are muted. */
  List<Decision> onMessage(MessagePosted e) {
    if (!e.chat().type().isGroup()) {
      return List.of(new Note("ignored: message outside a group"));
    }
    GroupId group = e.chat().groupId();
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || !found.get().isActive()) {
      return List.of(new Note("ignored: protection of " + group + " is not active"));
    }
    ProtectedGroup g = found.get();
    return switch (e.sender()) {
      case Sender.AnonymousAdmin a -> List.of(new Note("exempt: anonymous admin"));
      case Sender.AutomaticForward f -> List.of(new Note("exempt: automatic forward"));
      case Sender.OnBehalfOfChannel c -> onChannelPost(g, e, c.channel());
      case Sender.User u -> onUserMessage(g, e, u.user());
    };
  }

  private List<Decision> onChannelPost(ProtectedGroup g, MessagePosted e, ChatRef channel) {
    if (isOwnChannel(g, channel.id())) {
      return List.of(new Note("exempt: post on behalf of the group's own channel"));
    }
    // A channel cannot be restricted: its posts are deleted (ADR 0064).
    if (!g.settings().deleteMessages()) {
      return List.of(new Note("post on behalf of foreign channel " + channel.id() + " kept"));
    }
    return List.of(new DeleteMessage(g.id(), e.message(), "posted on behalf of a foreign channel"));
  }

  private List<Decision> onUserMessage(ProtectedGroup g, MessagePosted e, UserRef user) {
    GroupId group = g.id();
    if (user.isBot() || isMe(user.id())) {
      return List.of(new Note("exempt: " + user.id() + " is a bot"));
    }
    if (admins.isAdministrator(group, user.id())) {
      return List.of(new Note("exempt: " + user.id() + " is an admin"));
    }
    Optional<GroupMember> known = members.find(group, user.id());
    Verdict verdict =
        verifier.verify(user.id(), g.channels(), Freshness.CACHED, Priority.P1_ENFORCEMENT);
    List<Decision> decisions = new ArrayList<>();
    if (verdict instanceof Verdict.NotSubscribed && g.settings().deleteMessages()) {
      decisions.add(new DeleteMessage(group, e.message(), "sender is not subscribed"));
    }
    decisions.addAll(enforce(g, user, verdict, known, "wrote without subscribing"));
    return decisions;
  }

  /** Own channel: linked to the group, or the channel whose discussion group this is. */
  private boolean isOwnChannel(ProtectedGroup g, ChatId channel) {
    if (channel.value() < 0 && g.links(ChannelId.of(channel.value()))) {
      return true;
    }
    Instant now = clock.instant();
    DiscussionLink link = discussionLinks.get(g.id());
    if (link == null || !now.isBefore(link.until())) {
      Optional<ChatId> linked =
          scheduler
              .submit(
                  BotCall.to(g.id().chat(), "getChat", Priority.P1_ENFORCEMENT),
                  chat -> directory.getChat(chat))
              .linkedChatId();
      link = new DiscussionLink(linked, now.plus(DISCUSSION_LINK_TTL));
      discussionLinks.put(g.id(), link);
    }
    return link.linked().map(channel::equals).orElse(false);
  }

  /** What a verdict means for a member of an active group. */
  private List<Decision> enforce(
      ProtectedGroup g, UserRef user, Verdict verdict, Optional<GroupMember> known, String why) {
    GroupId group = g.id();
    return switch (verdict) {
      case Verdict.Subscribed s ->
          known.map(GroupMember::isRestricted).orElse(false)
              ? List.of(
                  new Lift(group, user.id(), Priority.P1_ENFORCEMENT, "subscribed"),
                  new ClearPrompts(group, user.id()))
              : List.of(new RecordMember(group, user.id()));
      case Verdict.NotSubscribed n ->
          List.of(
              new Restrict(group, user, why + ": missing " + n.missingNames()),
              new Decision.Prompt(group, user, g.channels(), g.settings()));
      case Verdict.CannotCheck c -> {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(new RecordMember(group, user.id()));
        decisions.addAll(cannotCheck(g, c));
        yield decisions;
      }
    };
  }

  /** Nobody is punished for the bot's blindness; a configuration fault pauses the group. */
  private List<Decision> cannotCheck(ProtectedGroup g, Verdict.CannotCheck c) {
    String channel = c.channel().displayName();
    if (c.cause() == Verdict.Cause.UNAVAILABLE) {
      return List.of(new Note("could not check " + channel + " now (" + c.detail() + ")"));
    }
    if (g.isPaused()) {
      return List.of(new Note("cannot check " + channel + "; " + g.id() + " already paused"));
    }
    return List.of(
        new PauseGroup(
            g.id(),
            new PauseReason(
                PauseReason.Kind.CANNOT_CHECK_CHANNEL, Optional.of(c.channel().id()), c.detail())),
        new NotifyOwner(g.id(), Texts.lostChannelRights(channel, title(g))));
  }

  // ---- buttons --------------------------------------------------------------------------------

  /** Buttons: "verify" under a prompt, "I joined" in a join requester's private chat. */
  List<Decision> onButton(ButtonPressed e) {
    if (e.data().startsWith(VERIFY_PREFIX)) {
      return onVerifyPressed(e);
    }
    if (e.data().startsWith(JOIN_PREFIX)) {
      return onJoinCheckPressed(e);
    }
    return List.of(answer(CallbackAnswer.silent(e.callbackQueryId())), new Note("unknown button"));
  }

  /** The callback is answered first; the lift and the prompt clean-up follow. */
  List<Decision> onVerifyPressed(ButtonPressed e) {
    String id = e.callbackQueryId();
    if (e.chat().isEmpty() || !e.chat().get().type().isGroup()) {
      return List.of(answer(CallbackAnswer.alert(id, Texts.UNKNOWN_BUTTON)));
    }
    GroupId group = e.chat().get().groupId();
    UserId presser = e.from().id();
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || !found.get().enabled()) {
      return List.of(answer(CallbackAnswer.toast(id, Texts.PROTECTION_OFF)));
    }
    ProtectedGroup g = found.get();
    Optional<GroupMember> known = members.find(group, presser);
    if (!isPromptFor(e, group, presser, known)) {
      return List.of(
          answer(CallbackAnswer.alert(id, Texts.NOT_FOR_YOU)),
          new Note("press by " + presser + " on someone else's prompt"));
    }
    if (g.isPaused()) {
      return List.of(answer(CallbackAnswer.alert(id, Texts.PAUSED_HERE)));
    }
    Verdict verdict =
        verifier.verify(
            presser, g.channels(), Freshness.SKIP_NEGATIVE_CACHE, Priority.P0_INTERACTIVE);
    return switch (verdict) {
      case Verdict.Subscribed s ->
          known.isPresent() && !known.get().isRestricted()
              ? List.of(
                  answer(CallbackAnswer.toast(id, Texts.ALREADY_VERIFIED)),
                  new ClearPrompts(group, presser))
              : List.of(
                  answer(CallbackAnswer.toast(id, Texts.VERIFIED)),
                  new Lift(group, presser, Priority.P0_INTERACTIVE, "verified"),
                  new ClearPrompts(group, presser));
      case Verdict.NotSubscribed n ->
          List.of(
              answer(CallbackAnswer.alert(id, Texts.notYet(n.missingNames()))),
              new Note(presser + " pressed verify but misses " + n.missingNames()));
      case Verdict.CannotCheck c -> {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(
            answer(
                CallbackAnswer.alert(
                    id,
                    c.cause() == Verdict.Cause.UNAVAILABLE
                        ? Texts.TRY_AGAIN
                        : Texts.CANNOT_CHECK)));
        decisions.addAll(cannotCheck(g, c));
        yield decisions;
      }
    };
  }

  /**
   * A verify button is for the user it names, or for the users its (merged) prompt names; a press
   * on a merged prompt whose record is gone counts when GMBot restricted the presser.
   */
  private boolean isPromptFor(
      ButtonPressed e, GroupId group, UserId presser, Optional<GroupMember> known) {
    String target = e.data().substring(VERIFY_PREFIX.length());
    if (target.equals(Long.toString(presser.value()))) {
      return true;
    }
    Optional<dev.gmbot.port.model.Prompt> prompt =
        e.message().flatMap(message -> prompts.find(group, message));
    if (prompt.isPresent()) {
      return prompt.get().names(presser);
    }
    return target.equals("any") && known.map(GroupMember::isRestricted).orElse(false);
  }

  private List<Decision> onJoinCheckPressed(ButtonPressed e) {
    String id = e.callbackQueryId();
    Optional<GroupId> group = parseGroup(e.data().substring(JOIN_PREFIX.length()));
    Optional<ProtectedGroup> found = group.flatMap(groups::find);
    if (found.isEmpty() || !found.get().isActive()) {
      return List.of(
          answer(
              CallbackAnswer.alert(
                  id, "This group isn't checked by me right now; its admins will decide.")));
    }
    ProtectedGroup g = found.get();
    Verdict verdict =
        verifier.verify(
            e.from().id(), g.channels(), Freshness.SKIP_NEGATIVE_CACHE, Priority.P0_INTERACTIVE);
    return switch (verdict) {
      case Verdict.Subscribed s ->
          List.of(
              answer(CallbackAnswer.toast(id, Texts.joinRequestWelcome(title(g)))),
              new ApproveJoin(g.id(), e.from().id()));
      case Verdict.NotSubscribed n ->
          List.of(answer(CallbackAnswer.alert(id, Texts.notYet(n.missingNames()))));
      case Verdict.CannotCheck c -> {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(answer(CallbackAnswer.alert(id, Texts.TRY_AGAIN)));
        decisions.addAll(cannotCheck(g, c));
        yield decisions;
      }
    };
  }

  private static Optional<GroupId> parseGroup(String text) {
    try {
      long value = Long.parseLong(text);
      return value < 0 ? Optional.of(GroupId.of(value)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  // ---- channels -------------------------------------------------------------------------------

  /**
   * A linked channel's member change: written through to the cache; a leave restricts the user
   * again where GMBot knows them, a join lifts a mute without a click (auto-unmute).
   */
  List<Decision> onChannelMemberChanged(ChannelMemberChanged e) {
    if (e.channel().type() != ChatType.CHANNEL) {
      return List.of(new Note("ignored: not a channel"));
    }
    UserRef user = e.after().user();
    if (isMe(user.id())) {
      return List.of(new Note("ignored: the bot's own channel membership"));
    }
    ChannelId channel = e.channel().channelId();
    boolean subscribed = e.after().isSubscribed();
    verifier.record(user.id(), channel, subscribed);
    if (e.before().isSubscribed() == subscribed) {
      return List.of(new Note("cached: " + user.id() + " in " + channel));
    }
    List<GroupId> linked = groups.linkedTo(channel);
    List<Decision> decisions = new ArrayList<>();
    for (GroupMember member : members.findInGroups(user.id(), linked)) {
      Optional<ProtectedGroup> g = groups.find(member.group());
      if (g.isEmpty() || !g.get().isActive()) {
        continue;
      }
      if (subscribed) {
        decisions.addAll(autoUnmute(g.get(), user, member));
      } else if (!member.isRestricted() && !admins.isAdministrator(g.get().id(), user.id())) {
        decisions.add(new Restrict(g.get().id(), user, "left " + channelName(g.get(), channel)));
        decisions.add(
            new Decision.Prompt(g.get().id(), user, g.get().channels(), g.get().settings()));
      }
    }
    if (decisions.isEmpty()) {
      decisions.add(
          new Note("cached: " + user.id() + (subscribed ? " joined " : " left ") + channel));
    }
    return decisions;
  }

  private List<Decision> autoUnmute(ProtectedGroup g, UserRef user, GroupMember member) {
    if (!member.isRestricted()) {
      return List.of();
    }
    Verdict verdict =
        verifier.verify(user.id(), g.channels(), Freshness.CACHED, Priority.P1_ENFORCEMENT);
    return switch (verdict) {
      case Verdict.Subscribed s ->
          List.of(
              new Lift(g.id(), user.id(), Priority.P1_ENFORCEMENT, "subscribed (auto-unmute)"),
              new ClearPrompts(g.id(), user.id()));
      case Verdict.NotSubscribed n ->
          List.of(new Note(user.id() + " still misses " + n.missingNames() + " in " + g.id()));
      case Verdict.CannotCheck c -> cannotCheck(g, c);
    };
  }

  private static String channelName(ProtectedGroup g, ChannelId channel) {
    return g.channels().stream()
        .filter(c -> c.id().equals(channel))
        .map(EnforcedChannel::displayName)
        .findFirst()
        .orElse("channel " + channel);
  }

  // ---- the bot's own rights -------------------------------------------------------------------

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
          ? List.of(new ResumeGroup(group), new NotifyOwner(group, Texts.resumed(title(g))))
          : List.of(new Note("bot rights in " + group + " are sufficient"));
    }
    PauseReason reason =
        removed
            ? new PauseReason(
                PauseReason.Kind.BOT_REMOVED_FROM_GROUP, Optional.empty(), "removed from group")
            : new PauseReason(
                PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS,
                Optional.empty(),
                "missing: " + String.join(", ", missingRights(bot)));
    if (pausedFor.equals(Optional.of(reason.kind()))) {
      return List.of(new Note(group + " already paused: " + reason.detail()));
    }
    String text =
        removed
            ? Texts.removedFromGroup(title(g))
            : Texts.lostGroupRights(title(g), missingRights(bot));
    return List.of(new PauseGroup(group, reason), new NotifyOwner(group, text));
  }

  private static List<String> missingRights(ChatMember bot) {
    return bot.isAdmin()
        ? Texts.missingGroupRights(bot.rights())
        : List.of("restrict members", "delete messages", "invite users");
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
        decisions.add(new NotifyOwner(id, Texts.resumed(title(g))));
      } else if (!bot.isAdmin() && !g.isPaused()) {
        decisions.add(
            new PauseGroup(
                id,
                new PauseReason(
                    PauseReason.Kind.CANNOT_CHECK_CHANNEL,
                    Optional.of(channel),
                    "not an admin of " + name)));
        decisions.add(new NotifyOwner(id, Texts.lostChannelRights(name, title(g))));
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

  // ---- join requests and migrations -----------------------------------------------------------

  /**
   * A subscribed requester is approved; others get the channels in private with a button that
   * approves them once they have subscribed. The request stays pending meanwhile (ADR 0063).
   */
  List<Decision> onJoinRequest(JoinRequested e) {
    if (!e.chat().type().isGroup()) {
      return List.of(new Note("ignored: join request outside a group"));
    }
    GroupId group = e.chat().groupId();
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || !found.get().isActive()) {
      return List.of(new Note("join request left to the admins of " + group));
    }
    ProtectedGroup g = found.get();
    Verdict verdict =
        verifier.verify(e.user().id(), g.channels(), Freshness.CACHED, Priority.P1_ENFORCEMENT);
    return switch (verdict) {
      case Verdict.Subscribed s -> List.of(new ApproveJoin(group, e.user().id()));
      case Verdict.NotSubscribed n ->
          List.of(
              new Reply(
                  e.userChat(),
                  OutgoingMessage.text(Texts.joinRequestInstructions(title(g), n.missing()))
                      .withKeyboard(
                          joinRequestKeyboard(n.missing(), g.settings().joinButtonText(), group)),
                  Priority.P1_ENFORCEMENT),
              new Note("join request of " + e.user().id() + " pending until subscribed"));
      case Verdict.CannotCheck c -> cannotCheck(g, c);
    };
  }

  private static List<List<Button>> joinRequestKeyboard(
      List<EnforcedChannel> missing, String joinText, GroupId group) {
    List<List<Button>> rows = new ArrayList<>();
    for (EnforcedChannel channel : missing) {
      channel
          .joinUrl()
          .ifPresent(
              url ->
                  rows.add(List.of(new Button.Url(joinText + " " + channel.displayName(), url))));
    }
    rows.add(List.of(new Button.Callback("✅ I joined - let me in", JOIN_PREFIX + group.value())));
    return rows;
  }

  List<Decision> onMigration(GroupMigrated e) {
    admins.invalidate(e.from());
    return List.of(new MigrateGroup(e.from(), e.to()));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private boolean isMe(UserId user) {
    return self.profile().id().equals(user);
  }

  private static AnswerCallback answer(CallbackAnswer answer) {
    return new AnswerCallback(answer);
  }

  private static String title(ProtectedGroup g) {
    return g.title().isBlank() ? "your group" : "“" + g.title() + "”";
  }
}
