package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.DeleteMessage;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.domain.verification.Freshness;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.domain.verification.Verdict;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.TrustList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages: exempt senders pass; a non-exempt sender who is not subscribed has the message deleted
 * (if the group says so), is restricted and prompted. What is exempt: ADR 0064.
 */
final class MessagePolicy {
  private static final Duration DISCUSSION_LINK_TTL = Duration.ofHours(1);

  private record DiscussionLink(Optional<ChatId> linked, Instant until) {}

  private final GroupRepository groups;
  private final MemberRepository members;
  private final MembershipVerifier verifier;
  private final AdministratorDirectory admins;
  private final ChatDirectory directory;
  private final BotCallScheduler scheduler;
  private final Clock clock;
  private final Enforcement enforcement;
  private final TrustList trust;
  private final Map<GroupId, DiscussionLink> discussionLinks = new ConcurrentHashMap<>();

  MessagePolicy(
      GroupRepository groups,
      MemberRepository members,
      MembershipVerifier verifier,
      AdministratorDirectory admins,
      ChatDirectory directory,
      BotCallScheduler scheduler,
      Clock clock,
      Enforcement enforcement,
      TrustList trust) {
    this.trust = trust;
    this.groups = groups;
    this.members = members;
    this.verifier = verifier;
    this.admins = admins;
    this.directory = directory;
    this.scheduler = scheduler;
    this.clock = clock;
    this.enforcement = enforcement;
  }

  /** A message from a non-exempt sender who is not subscribed is deleted, and they are muted. */
  List<Decision> onMessage(MessagePosted e) {
    if (!e.chat().type().isGroup()) {
      return List.of(new Note("ignored: message outside a group"));
    }
    return onMessage(e, MessageReads.groupOnly(groups.find(e.chat().groupId())));
  }

  /** As {@link #onMessage(MessagePosted)}, with what the update's admission already read. */
  List<Decision> onMessage(MessagePosted e, MessageReads reads) {
    if (!e.chat().type().isGroup()) {
      return List.of(new Note("ignored: message outside a group"));
    }
    Optional<ProtectedGroup> found = reads.group();
    if (found.isEmpty() || !found.get().isActive()) {
      return List.of(new Note("ignored: protection of " + e.chat().groupId() + " is not active"));
    }
    ProtectedGroup g = found.get();
    return switch (e.sender()) {
      case Sender.AnonymousAdmin a -> List.of(new Note("exempt: anonymous admin"));
      case Sender.AutomaticForward f -> List.of(new Note("exempt: automatic forward"));
      case Sender.OnBehalfOfChannel c -> onChannelPost(g, e, c.channel());
      case Sender.User u -> onUserMessage(g, e, u.user(), reads);
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

  private List<Decision> onUserMessage(
      ProtectedGroup g, MessagePosted e, UserRef user, MessageReads reads) {
    GroupId group = g.id();
    if (user.isBot() || enforcement.isMe(user.id())) {
      return List.of(new Note("exempt: " + user.id() + " is a bot"));
    }
    boolean admin = reads.administrator().orElseGet(() -> admins.isAdministrator(group, user.id()));
    if (admin) {
      return List.of(new Note("exempt: " + user.id() + " is an admin"));
    }
    if (trust.isTrusted(group, user.id())) {
      return List.of(new Note("exempt: " + user.id() + " is trusted in " + group));
    }
    Optional<GroupMember> known = members.find(group, user.id());
    Verdict verdict =
        reads.memberships().isPresent()
            ? verifier.verify(
                g.id(),
                user.id(),
                g.channels(),
                Freshness.CACHED,
                Priority.P1_ENFORCEMENT,
                reads.memberships().get())
            : verifier.verify(
                g.id(), user.id(), g.channels(), Freshness.CACHED, Priority.P1_ENFORCEMENT);
    List<Decision> decisions = new ArrayList<>();
    boolean deletes =
        g.settings().deleteMessages()
            || g.settings().enforcement().action() == EnforcementRules.Action.DELETE;
    if (verdict instanceof Verdict.NotSubscribed && deletes) {
      decisions.add(new DeleteMessage(group, e.message(), "sender is not subscribed"));
    }
    // The prompt goes where the member wrote: the message's own forum topic.
    decisions.addAll(
        enforcement.enforce(g, user, verdict, known, "wrote without subscribing", e.topic()));
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
      Optional<ChatId> linked = discussionChannel(g.id());
      link = new DiscussionLink(linked, now.plus(DISCUSSION_LINK_TTL));
      discussionLinks.put(g.id(), link);
    }
    return link.linked().map(channel::equals).orElse(false);
  }

  /** The channel whose discussion group this is; none when the bot cannot read the group. */
  private Optional<ChatId> discussionChannel(GroupId group) {
    try {
      return scheduler
          .submit(
              BotCall.to(group.chat(), BotMethod.GET_CHAT, Priority.P1_ENFORCEMENT),
              chat -> directory.getChat(chat))
          .linkedChatId();
    } catch (ChatAccessException e) {
      return Optional.empty();
    }
  }
}
