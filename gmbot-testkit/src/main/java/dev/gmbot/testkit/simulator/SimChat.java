package dev.gmbot.testkit.simulator;

import dev.gmbot.testkit.simulator.World.ChatKind;
import dev.gmbot.testkit.simulator.World.ChatState;
import dev.gmbot.testkit.simulator.World.MemberState;
import dev.gmbot.testkit.simulator.World.MsgState;
import dev.gmbot.testkit.simulator.World.Status;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A group, supergroup or channel in the simulated world. */
public final class SimChat {
  private final TelegramSimulator sim;
  private final long id;

  SimChat(TelegramSimulator sim, long id) {
    this.sim = sim;
    this.id = id;
  }

  public long id() {
    return id;
  }

  /** {@code group}, {@code supergroup} or {@code channel}. */
  public String type() {
    return sim.inWorld(w -> sim.chatState(w, id).kind.json);
  }

  public SimUser owner() {
    return new SimUser(sim, sim.inWorld(w -> sim.chatState(w, id).ownerId));
  }

  /** The chat JSON as it appears in updates. */
  public Map<String, Object> json() {
    return sim.inWorld(w -> w.chatJson(sim.chatState(w, id)));
  }

  /** Makes the chat public with this username. */
  public SimChat withUsername(String username) {
    sim.inWorld(
        w -> {
          ChatState c = sim.chatState(w, id);
          c.username = username;
          c.knownToBot = true;
          return null;
        });
    return this;
  }

  /** Links a channel and its discussion supergroup (both directions). */
  public SimChat linkedTo(SimChat other) {
    sim.inWorld(
        w -> {
          sim.chatState(w, id).linkedChatId = other.id();
          sim.chatState(w, other.id()).linkedChatId = id;
          return null;
        });
    return this;
  }

  /** The owner adds the bot as an administrator (my_chat_member left→administrator). */
  public SimChat withBotAsAdmin(AdminRights rights) {
    owner().promotes(this, sim.bot(), rights);
    return this;
  }

  /** The owner adds the bot as a plain member. */
  public SimChat withBotAsMember() {
    owner().adds(this, sim.bot());
    return this;
  }

  /** The owner makes the bot an administrator with these rights. */
  public SimChat promoteBot(AdminRights rights) {
    return withBotAsAdmin(rights);
  }

  /** The owner demotes the bot to a plain member. */
  public SimChat demoteBot() {
    owner().demotes(this, sim.bot());
    return this;
  }

  /** The owner removes the bot from the chat. */
  public SimChat removeBot() {
    owner().removes(this, sim.bot());
    return this;
  }

  /** The owner bans the bot. */
  public SimChat banBot() {
    owner().bans(this, sim.bot());
    return this;
  }

  /** Adds members quietly (no updates): for building big worlds fast. */
  public SimChat withMembers(SimUser... users) {
    sim.inWorld(
        w -> {
          ChatState c = sim.chatState(w, id);
          for (SimUser u : users) {
            MemberState m = new MemberState();
            m.status = Status.MEMBER;
            c.members.put(u.id(), m);
          }
          return null;
        });
    return this;
  }

  /** Turns a basic group into a supergroup; returns the new supergroup. */
  public SimChat migrateToSupergroup() {
    long newId = sim.inWorld(w -> Script.migrate(w, sim.chatState(w, id)).id);
    return new SimChat(sim, newId);
  }

  /** An anonymous administrator writes (from GroupAnonymousBot, sender_chat = this group). */
  public SimMessage anonymousAdminSays(String text) {
    return anonymousAdminSays(text, "");
  }

  public SimMessage anonymousAdminSays(String text, String customTitle) {
    return sim.inWorld(
        w -> w.snapshot(Script.anonymousAdmin(w, sim.chatState(w, id), text, customTitle)));
  }

  /** Someone writes in this group on behalf of {@code channel} (from Channel_Bot). */
  public SimMessage channelSays(SimChat channel, String text) {
    return sim.inWorld(
        w ->
            w.snapshot(
                Script.asChannel(w, sim.chatState(w, id), sim.chatState(w, channel.id()), text)));
  }

  /**
   * A post in this channel. If a discussion group is linked, it is automatically forwarded there
   * (from 777000, is_automatic_forward).
   */
  public SimMessage post(String text) {
    return sim.inWorld(w -> w.snapshot(Script.channelPost(w, sim.chatState(w, id), text, "")));
  }

  /** Turns this supergroup into a forum (topics on): its chat says {@code is_forum}. */
  public SimChat asForum() {
    sim.inWorld(
        w -> {
          ChatState c = sim.chatState(w, id);
          if (c.kind != ChatKind.SUPERGROUP) {
            throw new IllegalStateException("only a supergroup can be a forum");
          }
          c.forum = true;
          return null;
        });
    return this;
  }

  /**
   * Opens a topic in this forum, as its owner would: a {@code forum_topic_created} service message
   * whose id becomes the topic's {@code message_thread_id}, which is returned.
   */
  public long createTopic(String name) {
    return sim.inWorld(
        w -> {
          ChatState c = sim.chatState(w, id);
          if (!c.forum) {
            throw new IllegalStateException("chat " + id + " is no forum");
          }
          long topic = c.nextMessageId;
          c.topics.put(topic, name);
          w.postInTopic(
              c,
              c.ownerId,
              "",
              "forum_topic_created",
              topic,
              Json.obj()
                  .put(
                      "forum_topic_created",
                      Json.obj().put("name", name).put("icon_color", 7322096).map()));
          return topic;
        });
  }

  /** The forum topic a message of this chat is in; empty for General (or outside forums). */
  public Optional<Long> topicOf(SimMessage message) {
    return sim.inWorld(
        w -> {
          MsgState m = sim.chatState(w, id).messages.get(message.messageId());
          return m == null || m.topic == 0 ? Optional.<Long>empty() : Optional.of(m.topic);
        });
  }

  /** Messages the bot sent in a topic (0: General) that are still visible. */
  public List<SimMessage> botMessagesInTopic(long topic) {
    return botMessages().stream().filter(m -> topicOf(m).orElse(0L) == topic).toList();
  }

  /** Default member permissions (getChat.permissions); all true by default. */
  public SimChat withDefaultPermissions(Map<String, Boolean> permissions) {
    sim.inWorld(
        w -> {
          sim.chatState(w, id).defaultPermissions.putAll(permissions);
          return null;
        });
    return this;
  }

  // ------------------------------------------------------------ reading

  /** {@code creator}, {@code administrator}, {@code member}, {@code restricted}, {@code left}… */
  public String statusOf(SimUser user) {
    return sim.inWorld(w -> sim.chatState(w, id).member(user.id()).status.json);
  }

  /** The member JSON getChatMember would return. */
  public Map<String, Object> memberJson(SimUser user) {
    return sim.inWorld(
        w -> {
          ChatState c = sim.chatState(w, id);
          return w.memberJson(c, user.id(), c.member(user.id()));
        });
  }

  /** Restricted and unable to send messages. */
  public boolean isMuted(SimUser user) {
    return sim.inWorld(
        w -> {
          MemberState m = sim.chatState(w, id).member(user.id());
          return m.status == Status.RESTRICTED && !m.perms.getOrDefault("can_send_messages", false);
        });
  }

  public boolean isMember(SimUser user) {
    return sim.inWorld(w -> sim.chatState(w, id).member(user.id()).present());
  }

  /** Users currently restricted. */
  public List<Long> restrictedUserIds() {
    return sim.inWorld(
        w ->
            sim.chatState(w, id).members.entrySet().stream()
                .filter(e -> e.getValue().status == Status.RESTRICTED)
                .map(Map.Entry::getKey)
                .toList());
  }

  /** All messages, including deleted ones (flagged). */
  public List<SimMessage> messages() {
    return sim.inWorld(
        w -> sim.chatState(w, id).messages.values().stream().map(w::snapshot).toList());
  }

  /** Messages the bot sent that are still visible. */
  public List<SimMessage> botMessages() {
    long botId = sim.config().botId();
    return messages().stream().filter(m -> m.fromId() == botId && !m.deleted()).toList();
  }

  /** The bot's newest visible message here, as it is now (edits included). */
  public Optional<SimMessage> lastBotMessage() {
    List<SimMessage> mine = botMessages();
    return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
  }

  /** The latest visible message, if any. */
  public Optional<SimMessage> lastMessage() {
    List<SimMessage> all = messages().stream().filter(m -> !m.deleted()).toList();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  public Optional<Long> pinnedMessageId() {
    return sim.inWorld(
        w -> {
          long p = sim.chatState(w, id).pinnedMessageId;
          return p == 0 ? Optional.<Long>empty() : Optional.of(p);
        });
  }

  /** Invite links the bot created (primary included). */
  public List<String> inviteLinks() {
    return sim.inWorld(w -> List.copyOf(sim.chatState(w, id).links.keySet()));
  }

  public List<Long> pendingJoinRequests() {
    return sim.inWorld(w -> List.copyOf(sim.chatState(w, id).joinRequests.keySet()));
  }

  /** A human-readable transcript: one line per message, keyboards and deletions shown. */
  public String transcript() {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    return sim.inWorld(
        w -> {
          ChatState c = sim.chatState(w, id);
          StringBuilder sb = new StringBuilder();
          sb.append("# ")
              .append(c.title)
              .append(" (")
              .append(c.kind.json)
              .append(' ')
              .append(c.id)
              .append(")\n");
          for (MsgState m : c.messages.values()) {
            SimMessage s = w.snapshot(m);
            String who =
                m.senderChatId != null
                    ? w.chats.get(m.senderChatId).title
                    : m.fromId == 0 ? c.title : w.users.get(m.fromId).firstName;
            sb.append(f.format(s.date())).append(' ').append(who).append(": ");
            sb.append(s.service().map(k -> "[" + k + "]").orElse(s.text()));
            if (s.edited()) {
              sb.append(" (edited)");
            }
            if (s.deleted()) {
              sb.append(" (deleted)");
            }
            sb.append('\n');
            for (List<SimButton> row : s.keyboard()) {
              sb.append("    ")
                  .append(
                      row.stream()
                          .map(b -> "[" + b.text() + (b.url().isPresent() ? " ↗" : "") + "]")
                          .collect(Collectors.joining(" ")))
                  .append('\n');
            }
          }
          List<Long> restricted =
              c.members.entrySet().stream()
                  .filter(e -> e.getValue().status == Status.RESTRICTED)
                  .map(Map.Entry::getKey)
                  .toList();
          if (!restricted.isEmpty()) {
            sb.append("restricted: ")
                .append(
                    restricted.stream()
                        .map(u -> w.users.get(u).firstName)
                        .collect(Collectors.joining(", ")))
                .append('\n');
          }
          return sb.toString();
        });
  }

  boolean isChannel() {
    return sim.inWorld(w -> sim.chatState(w, id).kind == ChatKind.CHANNEL);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimChat c && c.id == id;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "SimChat[" + id + "]";
  }
}
