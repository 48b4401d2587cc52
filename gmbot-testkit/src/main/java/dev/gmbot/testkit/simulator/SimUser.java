package dev.gmbot.testkit.simulator;

import dev.gmbot.testkit.simulator.World.ChatState;
import dev.gmbot.testkit.simulator.World.LinkState;
import dev.gmbot.testkit.simulator.World.MsgState;
import dev.gmbot.testkit.simulator.World.Status;
import java.util.Map;

/** A user in the simulated world; its methods are the user's actions. */
public final class SimUser {
  private final TelegramSimulator sim;
  private final long id;

  SimUser(TelegramSimulator sim, long id) {
    this.sim = sim;
    this.id = id;
  }

  public long id() {
    return id;
  }

  public String firstName() {
    return sim.inWorld(w -> w.users.get(id).firstName);
  }

  public String username() {
    return sim.inWorld(w -> w.users.get(id).username);
  }

  /** The user's Telegram interface language ({@code language_code}; new users speak "en"). */
  public String languageCode() {
    return sim.inWorld(w -> w.users.get(id).languageCode);
  }

  /**
   * Switches the user's Telegram interface language: updates from now on carry this {@code
   * language_code} ("" for none).
   */
  public SimUser speaks(String languageCode) {
    sim.inWorld(
        w -> {
          w.users.get(id).languageCode = languageCode;
          return null;
        });
    return this;
  }

  /** The user JSON as the Bot API writes it. */
  public Map<String, Object> json() {
    return sim.inWorld(w -> w.users.get(id).json());
  }

  /** Joins a group or subscribes to a channel by itself (public link or username). */
  public SimUser joins(SimChat chat) {
    sim.inWorld(
        w -> {
          Script.join(w, sim.chatState(w, chat.id()), id, Map.of(), id);
          return null;
        });
    return this;
  }

  /** Same as {@link #joins} — reads better for channels. */
  public SimUser subscribes(SimChat channel) {
    return joins(channel);
  }

  /** Joins through an invite link (the chat_member update carries {@code invite_link}). */
  public SimUser joinsVia(SimChat chat, String inviteLink) {
    sim.inWorld(
        w -> {
          ChatState c = sim.chatState(w, chat.id());
          LinkState l = c.links.get(inviteLink);
          if (l == null || l.revoked) {
            throw new IllegalArgumentException("no valid link " + inviteLink);
          }
          if (l.createsJoinRequest) {
            Script.joinRequest(w, c, id, l, "");
          } else {
            Script.join(w, c, id, Map.of("invite_link", w.linkJson(l, c)), id);
          }
          return null;
        });
    return this;
  }

  /** Sends a join request (for chats whose joining needs approval). */
  public SimUser requestsToJoin(SimChat chat) {
    return requestsToJoin(chat, "");
  }

  public SimUser requestsToJoin(SimChat chat, String bio) {
    sim.inWorld(
        w -> {
          Script.joinRequest(w, sim.chatState(w, chat.id()), id, null, bio);
          return null;
        });
    return this;
  }

  /** Leaves a group or unsubscribes from a channel. */
  public SimUser leaves(SimChat chat) {
    sim.inWorld(
        w -> {
          Script.leave(w, sim.chatState(w, chat.id()), id);
          return null;
        });
    return this;
  }

  public SimUser unsubscribes(SimChat channel) {
    return leaves(channel);
  }

  /** Sends a text message (commands start with '/'; a bot_command entity is added). */
  public SimMessage says(SimChat chat, String text) {
    return sim.inWorld(w -> w.snapshot(Script.say(w, sim.chatState(w, chat.id()), id, text, null)));
  }

  /** Sends a text message in a topic of a forum (0: the General topic). */
  public SimMessage saysInTopic(SimChat chat, long topic, String text) {
    return sim.inWorld(
        w -> w.snapshot(Script.sayInTopic(w, sim.chatState(w, chat.id()), id, text, topic)));
  }

  /** Sends a message replying to another message. */
  public SimMessage replies(SimMessage to, String text) {
    return sim.inWorld(
        w -> {
          ChatState c = sim.chatState(w, to.chatId());
          MsgState target = c.messages.get(to.messageId());
          return w.snapshot(
              Script.say(w, c, id, text, Json.obj().put("reply_to_message", target.json)));
        });
  }

  /** Edits one of this user's messages (produces edited_message). */
  public SimMessage edits(SimMessage message, String newText) {
    return sim.inWorld(
        w -> {
          ChatState c = sim.chatState(w, message.chatId());
          MsgState m = c.messages.get(message.messageId());
          if (m.fromId != id) {
            throw new IllegalArgumentException("not this user's message");
          }
          Script.edit(w, c, m, newText);
          return w.snapshot(m);
        });
  }

  /** Presses an inline callback button under a message; returns the callback query id. */
  public String presses(SimMessage message, String buttonText) {
    return sim.inWorld(
        w -> {
          ChatState c = sim.chatState(w, message.chatId());
          MsgState m = c.messages.get(message.messageId());
          if (m == null || m.deleted) {
            throw new IllegalArgumentException("message is gone");
          }
          return Script.press(w, c, m, id, buttonText);
        });
  }

  /** Opens the private chat with the bot and sends /start. */
  public SimUser startsBot() {
    sim.inWorld(
        w -> {
          Script.startBot(w, w.users.get(id));
          return null;
        });
    return this;
  }

  // ---- the private chat with the bot (settings menus, deep links) ------------------------------

  /** The private chat with the bot (it exists once the user started the bot or was written to). */
  public SimChat privateChat() {
    sim.inWorld(w -> w.privateChat(w.users.get(id)));
    return new SimChat(sim, id);
  }

  /**
   * Opens a deep link of the bot, {@code https://t.me/<bot>?start=<payload>} (as a button's URL
   * gives it): starts the bot if needed and sends {@code /start <payload>} in the private chat, as
   * Telegram does when the user taps Start.
   *
   * @throws IllegalArgumentException when the link is not one of this bot's start links
   */
  public SimMessage opens(String link) {
    return sim.inWorld(
        w -> {
          String prefix = "https://t.me/" + w.bot.username + "?start=";
          if (!link.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new IllegalArgumentException(
                "not a start link of @" + w.bot.username + ": " + link);
          }
          String payload = link.substring(prefix.length());
          if (!payload.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("Telegram refuses the start parameter " + payload);
          }
          return w.snapshot(Script.startBot(w, w.users.get(id), payload));
        });
  }

  /** Sends a text message to the bot in the private chat (the bot must have been started). */
  public SimMessage tellsBot(String text) {
    return sim.inWorld(
        w -> {
          if (!w.users.get(id).startedBot) {
            throw new IllegalStateException("user " + id + " has not started the bot");
          }
          return w.snapshot(Script.say(w, w.privateChat(w.users.get(id)), id, text, null));
        });
  }

  /** Blocks the bot (my_chat_member member→kicked in the private chat). */
  public SimUser blocksBot() {
    sim.inWorld(
        w -> {
          Script.blockBot(w, w.users.get(id));
          return null;
        });
    return this;
  }

  /** As an admin of {@code chat}: makes {@code who} an administrator. */
  public SimUser promotes(SimChat chat, SimUser who, AdminRights rights) {
    return setStatus(chat, who, Status.ADMINISTRATOR, rights);
  }

  /** As an admin of {@code chat}: makes {@code who} a plain member. */
  public SimUser demotes(SimChat chat, SimUser who) {
    return setStatus(chat, who, Status.MEMBER, null);
  }

  /** As an admin: removes {@code who} from the chat (left). */
  public SimUser removes(SimChat chat, SimUser who) {
    return setStatus(chat, who, Status.LEFT, null);
  }

  /** As an admin: bans {@code who} (kicked). */
  public SimUser bans(SimChat chat, SimUser who) {
    return setStatus(chat, who, Status.KICKED, null);
  }

  /** As an admin: adds {@code who} (e.g. the bot) as a plain member. */
  public SimUser adds(SimChat chat, SimUser who) {
    return setStatus(chat, who, Status.MEMBER, null);
  }

  /** As an admin: mutes {@code who} (restricted, every permission false). */
  public SimUser mutes(SimChat chat, SimUser who) {
    return setStatus(chat, who, Status.RESTRICTED, null);
  }

  private SimUser setStatus(SimChat chat, SimUser who, Status status, AdminRights rights) {
    sim.inWorld(
        w -> {
          ChatState c = sim.chatState(w, chat.id());
          if (!c.member(id).admin()) {
            throw new IllegalStateException("user " + id + " is not an admin of " + chat.id());
          }
          Script.setStatus(w, c, id, who.id(), status, rights);
          return null;
        });
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimUser u && u.id == id;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "SimUser[" + id + "]";
  }
}
