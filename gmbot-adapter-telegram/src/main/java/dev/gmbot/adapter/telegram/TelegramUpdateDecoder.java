package dev.gmbot.adapter.telegram;

import static dev.gmbot.adapter.telegram.internal.TelegramMappings.chat;
import static dev.gmbot.adapter.telegram.internal.TelegramMappings.date;
import static dev.gmbot.adapter.telegram.internal.TelegramMappings.member;
import static dev.gmbot.adapter.telegram.internal.TelegramMappings.required;
import static dev.gmbot.adapter.telegram.internal.TelegramMappings.user;
import static dev.gmbot.adapter.telegram.internal.TelegramMappings.valid;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import dev.gmbot.adapter.telegram.internal.MalformedPayloadException;
import dev.gmbot.adapter.telegram.internal.TelegramJson;
import dev.gmbot.adapter.telegram.internal.TgCallbackQuery;
import dev.gmbot.adapter.telegram.internal.TgChatJoinRequest;
import dev.gmbot.adapter.telegram.internal.TgChatMemberUpdated;
import dev.gmbot.adapter.telegram.internal.TgEntity;
import dev.gmbot.adapter.telegram.internal.TgMessage;
import dev.gmbot.adapter.telegram.internal.TgUpdate;
import dev.gmbot.adapter.telegram.internal.TgUser;
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
import dev.gmbot.port.in.TextReceived;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;

/**
 * Decodes one Bot API {@code Update} into at most one {@link InboundEvent}.
 *
 * <p>One update gives at most one event (an {@code Update} carries one payload, and each payload
 * maps to one event), so {@link #decode} returns an {@link Optional}. Empty means "nothing for the
 * guard": an update type it does not subscribe to ({@code channel_post}, …), a service message
 * other than joins and migrations, a message in a channel. Every such update is counted by {@link
 * #ignoredCount()} and by reason in {@link #ignoredCounts()}; none is fatal. Unknown JSON fields
 * are skipped.
 *
 * <ul>
 *   <li>{@code message} / {@code edited_message}: {@link GroupMigrated} (migrate_to_chat_id),
 *       {@link MembersJoined} (new_chat_members), {@link CommandIssued} (a bot_command entity at
 *       offset 0, not for edits), a new text in a private chat {@link TextReceived} (the answer to
 *       a question of the settings menu), otherwise {@link MessagePosted} (edits and non-text
 *       messages in private chats too), with the sender kind from sender_chat and
 *       is_automatic_forward.
 *   <li>{@code callback_query}: {@link ButtonPressed} (chat and message empty when the message is
 *       inaccessible, date 0); a callback has no date, so {@code at} is the decoder clock's now.
 *   <li>{@code chat_member}: {@link ChannelMemberChanged} in channels, {@link GroupMemberChanged}
 *       in groups; {@code my_chat_member}: {@link BotMemberChanged}; {@code chat_join_request}:
 *       {@link JoinRequested}.
 * </ul>
 *
 * Thread-safe.
 */
public final class TelegramUpdateDecoder implements UpdateDecoder {
  /**
   * The update types GMBot asks for, in setWebhook and getUpdates (docs/design.md, "Ingestion"):
   * without {@code chat_member} the bot never hears joins and leaves.
   */
  public static final List<String> ALLOWED_UPDATES =
      List.of(
          "message",
          "edited_message",
          "callback_query",
          "chat_member",
          "my_chat_member",
          "chat_join_request");

  private static final Pattern PATH = Pattern.compile("at path (\\$\\S*)");

  private final Clock clock;
  private final LongAdder ignored = new LongAdder();
  private final Map<String, LongAdder> ignoredByReason = new ConcurrentHashMap<>();

  public TelegramUpdateDecoder() {
    this(Clock.systemUTC());
  }

  public TelegramUpdateDecoder(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Decodes a webhook body (one Update object). */
  public Optional<InboundEvent> decode(String json) throws MalformedUpdateException {
    return decode(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a webhook body (one Update object, UTF-8). */
  @Override
  public Optional<InboundEvent> decode(byte[] json) throws MalformedUpdateException {
    TgUpdate update;
    try {
      update = TelegramJson.UPDATE.fromJson(new Buffer().write(json));
    } catch (JsonEncodingException | JsonDataException e) {
      // Moshi's messages name the JSON path and the expected token, not the content.
      throw new MalformedUpdateException(
          "malformed update JSON at " + jsonPath(e.getMessage()), OptionalLong.empty());
    } catch (IOException e) {
      throw new MalformedUpdateException("unreadable update JSON", OptionalLong.empty());
    }
    if (update == null) {
      throw new MalformedUpdateException("the update is null", OptionalLong.empty());
    }
    return decode(update);
  }

  /** Decodes an update already parsed (the long poller's getUpdates results). */
  Optional<InboundEvent> decode(TgUpdate update) throws MalformedUpdateException {
    OptionalLong id =
        update.updateId() == null ? OptionalLong.empty() : OptionalLong.of(update.updateId());
    try {
      long updateId = required(update.updateId(), "update_id");
      return toEvent(updateId, update);
    } catch (MalformedPayloadException e) {
      throw new MalformedUpdateException(e.getMessage(), id);
    }
  }

  /** The JSON path from a Moshi message; the rest of it may quote the offending value. */
  private static String jsonPath(String message) {
    if (message == null) {
      return "$";
    }
    Matcher matcher = PATH.matcher(message);
    return matcher.find() ? matcher.group(1) : "$";
  }

  /** How many updates were ignored since creation. */
  public long ignoredCount() {
    return ignored.sum();
  }

  /** Ignored updates by reason ({@code channel_post}, {@code message:service}, …). */
  public Map<String, Long> ignoredCounts() {
    Map<String, Long> counts = new TreeMap<>();
    ignoredByReason.forEach((reason, count) -> counts.put(reason, count.sum()));
    return counts;
  }

  private Optional<InboundEvent> ignore(String reason) {
    ignored.increment();
    ignoredByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
    return Optional.empty();
  }

  private Optional<InboundEvent> toEvent(long updateId, TgUpdate update) {
    if (update.message() != null) {
      return message(updateId, update.message(), false, "message");
    }
    if (update.editedMessage() != null) {
      return message(updateId, update.editedMessage(), true, "edited_message");
    }
    if (update.callbackQuery() != null) {
      return Optional.of(callback(updateId, update.callbackQuery()));
    }
    if (update.chatMember() != null) {
      return chatMember(updateId, update.chatMember());
    }
    if (update.myChatMember() != null) {
      return Optional.of(myChatMember(updateId, update.myChatMember()));
    }
    if (update.chatJoinRequest() != null) {
      return Optional.of(joinRequest(updateId, update.chatJoinRequest()));
    }
    return ignore(update.otherType() == null ? "empty" : update.otherType());
  }

  private Optional<InboundEvent> message(long updateId, TgMessage m, boolean edited, String field) {
    ChatRef chat = chat(m.chat(), field + ".chat");
    Instant at = date(m.date(), field + ".date");
    if (chat.type() == ChatType.CHANNEL) {
      return ignore(field + ":channel");
    }
    if (!edited && m.migrateToChatId() != null) {
      GroupId from = valid(() -> new GroupId(chat.id().value()), field + ".chat.id");
      GroupId to = valid(() -> new GroupId(m.migrateToChatId()), field + ".migrate_to_chat_id");
      return Optional.of(new GroupMigrated(updateId, at, from, to));
    }
    MessageId messageId =
        valid(
            () -> new MessageId(required(m.messageId(), field + ".message_id")),
            field + ".message_id");
    if (!edited && m.newChatMembers() != null && !m.newChatMembers().isEmpty()) {
      List<UserRef> members = new ArrayList<>(m.newChatMembers().size());
      for (int i = 0; i < m.newChatMembers().size(); i++) {
        members.add(user(m.newChatMembers().get(i), field + ".new_chat_members[" + i + "]"));
      }
      UserRef addedBy = user(m.from(), field + ".from");
      return Optional.of(new MembersJoined(updateId, at, chat, messageId, addedBy, members));
    }
    if (m.isService()) {
      return ignore(field + ":service");
    }
    Sender sender = sender(m, chat, field);
    if (!edited) {
      Optional<CommandIssued> command = command(updateId, at, chat, messageId, sender, m);
      if (command.isPresent()) {
        return Optional.of(command.get());
      }
      if (chat.type() == ChatType.PRIVATE
          && m.text() != null
          && sender instanceof Sender.User user) {
        return Optional.of(new TextReceived(updateId, at, chat, messageId, user.user(), m.text()));
      }
    }
    return Optional.of(new MessagePosted(updateId, at, chat, messageId, sender, edited, m.topic()));
  }

  /**
   * Keys on sender_chat and is_automatic_forward, never on the placeholder {@code from} ids
   * (docs/telegram-bot-api.md, "Senders and commands").
   */
  private static Sender sender(TgMessage m, ChatRef chat, String field) {
    if (m.senderChat() != null) {
      ChatRef senderChat = chat(m.senderChat(), field + ".sender_chat");
      if (senderChat.id().equals(chat.id())) {
        return new Sender.AnonymousAdmin(chat);
      }
      if (Boolean.TRUE.equals(m.isAutomaticForward())) {
        return new Sender.AutomaticForward(senderChat);
      }
      return new Sender.OnBehalfOfChannel(senderChat);
    }
    return new Sender.User(user(m.from(), field + ".from"));
  }

  private static Optional<CommandIssued> command(
      long updateId, Instant at, ChatRef chat, MessageId messageId, Sender sender, TgMessage m) {
    String text = m.text();
    if (text == null || m.entities() == null) {
      return Optional.empty();
    }
    for (TgEntity entity : m.entities()) {
      if (!"bot_command".equals(entity.type())
          || entity.offset() == null
          || entity.offset() != 0
          || entity.length() == null) {
        continue;
      }
      // offset and length count UTF-16 code units, which is what String indices are.
      int length = entity.length();
      if (length < 2 || length > text.length() || text.charAt(0) != '/') {
        throw new MalformedPayloadException("bot_command entity outside the text");
      }
      String command = text.substring(1, length);
      int atSign = command.indexOf('@');
      String name = atSign < 0 ? command : command.substring(0, atSign);
      Optional<String> addressee =
          atSign < 0 || atSign == command.length() - 1
              ? Optional.empty()
              : Optional.of(command.substring(atSign + 1));
      if (name.isBlank()) {
        return Optional.empty();
      }
      List<String> args = new ArrayList<>();
      for (String word : text.substring(length).strip().split("\\s+")) {
        if (!word.isEmpty()) {
          args.add(word);
        }
      }
      Optional<UserRef> repliedTo =
          m.replyToMessage() == null
                  || m.replyToMessage().from() == null
                  || m.replyToMessage().senderChat() != null
              ? Optional.empty()
              : Optional.of(user(m.replyToMessage().from(), "message.reply_to_message.from"));
      return Optional.of(
          new CommandIssued(
              updateId, at, chat, messageId, sender, name, addressee, args, repliedTo));
    }
    return Optional.empty();
  }

  private ButtonPressed callback(long updateId, TgCallbackQuery q) {
    String id = required(q.id(), "callback_query.id");
    UserRef from = user(q.from(), "callback_query.from");
    Optional<ChatRef> chat = Optional.empty();
    Optional<MessageId> message = Optional.empty();
    TgMessage m = q.message();
    // An InaccessibleMessage has date 0: the port promises empty chat and message then.
    if (m != null && m.date() != null && m.date() != 0) {
      chat = Optional.of(chat(m.chat(), "callback_query.message.chat"));
      message =
          Optional.of(
              valid(
                  () -> new MessageId(required(m.messageId(), "callback_query.message.message_id")),
                  "callback_query.message.message_id"));
    }
    return new ButtonPressed(updateId, clock.instant(), id, from, chat, message, q.data());
  }

  private Optional<InboundEvent> chatMember(long updateId, TgChatMemberUpdated u) {
    ChatRef chat = chat(u.chat(), "chat_member.chat");
    Instant at = date(u.date(), "chat_member.date");
    var before = member(u.oldChatMember(), "chat_member.old_chat_member");
    var after = member(u.newChatMember(), "chat_member.new_chat_member");
    if (chat.type() == ChatType.CHANNEL) {
      return Optional.of(new ChannelMemberChanged(updateId, at, chat, before, after));
    }
    if (chat.type().isGroup()) {
      UserRef actor = user(u.from(), "chat_member.from");
      return Optional.of(new GroupMemberChanged(updateId, at, chat, actor, before, after));
    }
    return ignore("chat_member:private");
  }

  private static BotMemberChanged myChatMember(long updateId, TgChatMemberUpdated u) {
    ChatRef chat = chat(u.chat(), "my_chat_member.chat");
    Instant at = date(u.date(), "my_chat_member.date");
    UserRef actor = user(u.from(), "my_chat_member.from");
    return new BotMemberChanged(
        updateId,
        at,
        chat,
        actor,
        member(u.oldChatMember(), "my_chat_member.old_chat_member"),
        member(u.newChatMember(), "my_chat_member.new_chat_member"));
  }

  private static JoinRequested joinRequest(long updateId, TgChatJoinRequest r) {
    ChatRef chat = chat(r.chat(), "chat_join_request.chat");
    Instant at = date(r.date(), "chat_join_request.date");
    TgUser from = r.from();
    UserRef user = user(from, "chat_join_request.from");
    ChatId userChat =
        r.userChatId() == null
            ? user.id().privateChat()
            : valid(() -> new ChatId(r.userChatId()), "chat_join_request.user_chat_id");
    return new JoinRequested(updateId, at, chat, user, userChat);
  }
}
