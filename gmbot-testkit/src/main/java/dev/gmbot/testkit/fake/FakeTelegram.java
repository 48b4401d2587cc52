package dev.gmbot.testkit.fake;

import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatInfo;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.CommandMenu;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.BotIdentity;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.ChatMessaging;
import dev.gmbot.port.out.ChatModeration;
import dev.gmbot.port.out.CommandMenus;
import dev.gmbot.port.out.MembershipLookup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A fake of the Telegram-facing ports: a small world of chats and members, a log of every call, and
 * failure injection. It keeps no rules of Telegram's beyond what the ports promise (the Bot API
 * simulator in {@code dev.gmbot.testkit.simulator} is the faithful one, over HTTP).
 */
public final class FakeTelegram
    implements MembershipLookup,
        ChatDirectory,
        ChatModeration,
        ChatMessaging,
        BotIdentity,
        CommandMenus {

  /** One call the fake received. */
  public record Call(String method, Optional<ChatId> chat, Optional<UserId> user, String detail) {}

  /** A message the bot has in a chat (sent, maybe edited). */
  public record SentMessage(ChatId chat, MessageId id, OutgoingMessage message, boolean deleted) {}

  /** A picture the bot sent ({@code sendPhoto}). */
  public record SentPhoto(ChatId chat, MessageId id, byte[] png, String caption) {}

  private record Failure(
      String method, Optional<ChatId> chat, RuntimeException error, boolean once) {}

  private final BotProfile bot;
  private final Map<ChatId, ChatInfo> chats = new ConcurrentHashMap<>();
  private final Map<ChatId, Map<UserId, ChatMember>> members = new ConcurrentHashMap<>();
  private final Map<ChatId, Map<MessageId, SentMessage>> messages = new ConcurrentHashMap<>();
  private final Map<ChannelId, String> inviteLinks = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Deque<Failure> failures = new ConcurrentLinkedDeque<>();
  private final List<CallbackAnswer> answers = new CopyOnWriteArrayList<>();
  private final List<SentPhoto> photos = new CopyOnWriteArrayList<>();
  private final List<CommandMenu> menus = new CopyOnWriteArrayList<>();
  private final AtomicLong nextMessageId = new AtomicLong(1000);
  private volatile Consumer<Call> beforeCall = call -> {};

  public FakeTelegram(BotProfile bot) {
    this.bot = bot;
  }

  /** A bot with id 7000000001 and username group_guard_bot. */
  public static FakeTelegram withDefaultBot() {
    return new FakeTelegram(new BotProfile(new UserId(7_000_000_001L), "group_guard_bot"));
  }

  // ---- world set-up -------------------------------------------------------------------------

  public FakeTelegram addChat(ChatRef chat) {
    return addChat(new ChatInfo(chat, Optional.empty(), Optional.empty()));
  }

  public FakeTelegram addChat(ChatInfo info) {
    chats.put(info.chat().id(), info);
    return this;
  }

  public FakeTelegram setMember(ChatId chat, ChatMember member) {
    members.computeIfAbsent(chat, c -> new ConcurrentHashMap<>()).put(member.user().id(), member);
    return this;
  }

  public FakeTelegram setStatus(ChatId chat, UserRef user, MemberStatus status) {
    return setMember(chat, ChatMember.of(user, status));
  }

  /** Makes the bot an administrator of the chat with the given rights. */
  public FakeTelegram setBotRights(ChatId chat, AdminRights rights) {
    UserRef me = new UserRef(bot.id(), "Guard", Optional.of(bot.username()), true);
    return setMember(chat, new ChatMember(me, MemberStatus.ADMINISTRATOR, true, rights));
  }

  public FakeTelegram setInviteLink(ChannelId channel, String link) {
    inviteLinks.put(channel, link);
    return this;
  }

  /** Makes the next call of {@code method} (to any chat) throw. */
  public FakeTelegram failNext(String method, RuntimeException error) {
    failures.add(new Failure(method, Optional.empty(), error, true));
    return this;
  }

  /** Makes every call of {@code method} addressed to {@code chat} throw until {@link #heal()}. */
  public FakeTelegram failAlways(String method, ChatId chat, RuntimeException error) {
    failures.add(new Failure(method, Optional.of(chat), error, false));
    return this;
  }

  public FakeTelegram heal() {
    failures.clear();
    return this;
  }

  /** Runs before every call is served (after it is logged): tests use it to block or count. */
  public FakeTelegram beforeEachCall(Consumer<Call> hook) {
    this.beforeCall = hook;
    return this;
  }

  // ---- observations -------------------------------------------------------------------------

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  public long count(String method, Predicate<Call> filter) {
    return calls.stream().filter(c -> c.method().equals(method)).filter(filter).count();
  }

  public long count(String method) {
    return count(method, c -> true);
  }

  public Optional<ChatMember> member(ChatId chat, UserId user) {
    return Optional.ofNullable(members.getOrDefault(chat, Map.of()).get(user));
  }

  /** Messages the bot has in the chat, not deleted, oldest first. */
  public List<SentMessage> messagesIn(ChatId chat) {
    return messages.getOrDefault(chat, Map.of()).values().stream()
        .filter(m -> !m.deleted())
        .toList();
  }

  public Optional<SentMessage> message(ChatId chat, MessageId id) {
    return Optional.ofNullable(messages.getOrDefault(chat, Map.of()).get(id));
  }

  public List<CallbackAnswer> callbackAnswers() {
    return List.copyOf(answers);
  }

  /** The command menus set, in order. */
  public List<CommandMenu> commandMenus() {
    return List.copyOf(menus);
  }

  public void clearCalls() {
    calls.clear();
  }

  // ---- ports --------------------------------------------------------------------------------

  private void enter(String method, Optional<ChatId> chat, Optional<UserId> user, String detail) {
    Call call = new Call(method, chat, user, detail);
    calls.add(call);
    for (Failure f : failures) {
      boolean matches = f.method().equals(method) && (f.chat().isEmpty() || f.chat().equals(chat));
      if (matches) {
        if (f.once()) {
          failures.remove(f);
        }
        throw f.error();
      }
    }
    beforeCall.accept(call);
  }

  @Override
  public BotProfile me() {
    enter("getMe", Optional.empty(), Optional.empty(), "");
    return bot;
  }

  @Override
  public ChatMember getChatMember(ChatId chat, UserId user) {
    enter("getChatMember", Optional.of(chat), Optional.of(user), "");
    requireChat("getChatMember", chat);
    ChatMember m = members.getOrDefault(chat, Map.of()).get(user);
    return m != null ? m : ChatMember.of(UserRef.of(user.value(), ""), MemberStatus.LEFT);
  }

  @Override
  public ChatInfo getChat(ChatId chat) {
    enter("getChat", Optional.of(chat), Optional.empty(), "");
    return requireChat("getChat", chat);
  }

  @Override
  public ChatInfo getChat(String username) {
    String bare = username.startsWith("@") ? username.substring(1) : username;
    enter("getChat", Optional.empty(), Optional.empty(), "@" + bare);
    return chats.values().stream()
        .filter(c -> c.chat().username().map(u -> u.equalsIgnoreCase(bare)).orElse(false))
        .findFirst()
        .orElseThrow(
            () ->
                new ChatAccessException(
                    "getChat",
                    new ChatId(-1),
                    ChatAccessException.Problem.CHAT_NOT_FOUND,
                    "Bad Request: chat not found"));
  }

  @Override
  public List<ChatMember> getAdministrators(ChatId chat) {
    enter("getChatAdministrators", Optional.of(chat), Optional.empty(), "");
    requireChat("getChatAdministrators", chat);
    return members.getOrDefault(chat, Map.of()).values().stream()
        .filter(ChatMember::isAdmin)
        .toList();
  }

  @Override
  public String createInviteLink(ChannelId channel) {
    enter("createChatInviteLink", Optional.of(channel.chat()), Optional.empty(), "");
    return inviteLinks.computeIfAbsent(channel, c -> "https://t.me/+fake" + Math.abs(c.value()));
  }

  @Override
  public void restrict(GroupId group, UserId user) {
    enter("restrictChatMember", Optional.of(group.chat()), Optional.of(user), "mute");
    ChatMember current = member(group.chat(), user).orElse(null);
    UserRef ref = current != null ? current.user() : UserRef.of(user.value(), "");
    boolean inChat = current == null || current.isMember();
    setMember(group.chat(), new ChatMember(ref, MemberStatus.RESTRICTED, inChat, AdminRights.NONE));
  }

  @Override
  public void lift(GroupId group, UserId user) {
    enter("restrictChatMember", Optional.of(group.chat()), Optional.of(user), "lift");
    ChatMember current = member(group.chat(), user).orElse(null);
    UserRef ref = current != null ? current.user() : UserRef.of(user.value(), "");
    boolean inChat = current == null || current.isMember();
    setMember(group.chat(), ChatMember.of(ref, inChat ? MemberStatus.MEMBER : MemberStatus.LEFT));
  }

  @Override
  public void ban(GroupId group, UserId user) {
    enter("banChatMember", Optional.of(group.chat()), Optional.of(user), "");
    ChatMember current = member(group.chat(), user).orElse(null);
    UserRef ref = current != null ? current.user() : UserRef.of(user.value(), "");
    setMember(group.chat(), ChatMember.of(ref, MemberStatus.KICKED));
  }

  @Override
  public void unban(GroupId group, UserId user) {
    enter("unbanChatMember", Optional.of(group.chat()), Optional.of(user), "");
    ChatMember current = member(group.chat(), user).orElse(null);
    if (current != null && current.status() == MemberStatus.KICKED) {
      setMember(group.chat(), ChatMember.of(current.user(), MemberStatus.LEFT));
    }
  }

  @Override
  public void deleteMessage(ChatId chat, MessageId message) {
    enter("deleteMessage", Optional.of(chat), Optional.empty(), message.toString());
    messages
        .getOrDefault(chat, new HashMap<>())
        .computeIfPresent(message, (id, m) -> new SentMessage(chat, id, m.message(), true));
  }

  @Override
  public void approveJoinRequest(ChatId chat, UserId user) {
    enter("approveChatJoinRequest", Optional.of(chat), Optional.of(user), "");
  }

  @Override
  public void declineJoinRequest(ChatId chat, UserId user) {
    enter("declineChatJoinRequest", Optional.of(chat), Optional.of(user), "");
  }

  @Override
  public MessageId send(ChatId chat, OutgoingMessage message) {
    enter("sendMessage", Optional.of(chat), Optional.empty(), message.text());
    MessageId id = new MessageId(nextMessageId.incrementAndGet());
    messages
        .computeIfAbsent(chat, c -> Collections.synchronizedMap(new LinkedHashMap<>()))
        .put(id, new SentMessage(chat, id, message, false));
    return id;
  }

  @Override
  public MessageId sendPhoto(ChatId chat, byte[] png, String caption) {
    enter("sendPhoto", Optional.of(chat), Optional.empty(), caption);
    MessageId id = new MessageId(nextMessageId.incrementAndGet());
    photos.add(new SentPhoto(chat, id, png.clone(), caption));
    return id;
  }

  /** Every picture sent so far, in order. */
  public List<SentPhoto> photos() {
    return List.copyOf(photos);
  }

  @Override
  public void edit(ChatId chat, MessageId message, OutgoingMessage replacement) {
    enter("editMessageText", Optional.of(chat), Optional.empty(), replacement.text());
    messages
        .getOrDefault(chat, new HashMap<>())
        .computeIfPresent(
            message,
            // An edit leaves the message where it is, in its forum topic.
            (id, m) ->
                new SentMessage(chat, id, replacement.inTopic(m.message().topic()), m.deleted()));
  }

  @Override
  public void answerCallback(CallbackAnswer answer) {
    enter("answerCallbackQuery", Optional.empty(), Optional.empty(), answer.text().orElse(""));
    answers.add(answer);
  }

  @Override
  public void setCommands(CommandMenu menu) {
    enter(
        "setMyCommands",
        Optional.empty(),
        Optional.empty(),
        menu.scope() + " " + menu.language().map(Language::tag).orElse("default"));
    menus.add(menu);
  }

  private ChatInfo requireChat(String method, ChatId chat) {
    ChatInfo info = chats.get(chat);
    if (info == null) {
      throw new ChatAccessException(
          method, chat, ChatAccessException.Problem.CHAT_NOT_FOUND, "Bad Request: chat not found");
    }
    return info;
  }

  /** All chats known to the fake. */
  public List<ChatInfo> chats() {
    return new ArrayList<>(chats.values());
  }
}
