package dev.gmbot.adapter.telegram;

import dev.gmbot.adapter.telegram.internal.BotApiErrors;
import dev.gmbot.adapter.telegram.internal.MalformedPayloadException;
import dev.gmbot.adapter.telegram.internal.TelegramJson;
import dev.gmbot.adapter.telegram.internal.TelegramMappings;
import dev.gmbot.adapter.telegram.internal.TgChat;
import dev.gmbot.adapter.telegram.internal.TgChatMember;
import dev.gmbot.adapter.telegram.internal.TgInviteLink;
import dev.gmbot.adapter.telegram.internal.TgMessageRef;
import dev.gmbot.adapter.telegram.internal.TgUser;
import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatInfo;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.CommandMenu;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.BotIdentity;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.ChatMessaging;
import dev.gmbot.port.out.ChatModeration;
import dev.gmbot.port.out.CommandMenus;
import dev.gmbot.port.out.MembershipLookup;
import dev.gmbot.port.out.TransientBotApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Telegram side of the driven ports, over the Bot API. One object implements all six
 * Telegram-facing ports; each method is one Bot API call through {@link TelegramBotApiClient}, so
 * every call is counted and every failure is one of the ports' exceptions.
 *
 * <ul>
 *   <li>{@link #restrict}: restrictChatMember with every ChatPermissions field false, no end date,
 *       {@code use_independent_chat_permissions} true; {@link #lift}: the same with every field
 *       true, which turns the user back into a plain member (docs/telegram-bot-api.md, "Muting and
 *       lifting").
 *   <li>Messages are plain text (no parse_mode), with an inline keyboard from the ports' buttons.
 *   <li>{@link #me()} calls getMe once and keeps the answer.
 *   <li>{@link #setCommands}: setMyCommands with scope {@code all_private_chats} or {@code
 *       all_chat_administrators} and the language's two-letter code (none for the default menu).
 * </ul>
 */
public final class TelegramBotApi
    implements MembershipLookup,
        ChatModeration,
        ChatMessaging,
        ChatDirectory,
        BotIdentity,
        CommandMenus {

  /** Every ChatPermissions field of Bot API 10.1: a lift leaves no permission behind. */
  static final List<String> PERMISSIONS =
      List.of(
          "can_send_messages",
          "can_send_audios",
          "can_send_documents",
          "can_send_photos",
          "can_send_videos",
          "can_send_video_notes",
          "can_send_voice_notes",
          "can_send_polls",
          "can_send_other_messages",
          "can_add_web_page_previews",
          "can_react_to_messages",
          "can_edit_tag",
          "can_change_info",
          "can_invite_users",
          "can_pin_messages",
          "can_manage_topics");

  private static final String INVITE_LINK_NAME = "gmbot";

  /**
   * The chat a {@link ChatAccessException} names when a chat given by username could not be
   * resolved (there is no id to name).
   */
  public static final ChatId UNRESOLVED_CHAT = new ChatId(-1);

  private final TelegramBotApiClient client;
  private final AtomicReference<BotProfile> me = new AtomicReference<>();

  public TelegramBotApi(TelegramBotApiClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  // ---- MembershipLookup ---------------------------------------------------------------------

  @Override
  public ChatMember getChatMember(ChatId chat, UserId user) {
    Map<String, Object> p = chat(chat);
    p.put("user_id", user.value());
    TgChatMember member =
        client.read(BotMethod.GET_CHAT_MEMBER, p, TgChatMember.class, Optional.of(chat));
    return mapped(BotMethod.GET_CHAT_MEMBER, () -> TelegramMappings.member(member, "result"));
  }

  // ---- ChatModeration -----------------------------------------------------------------------

  @Override
  public void restrict(GroupId group, UserId user) {
    restrictChatMember(group, user, false);
  }

  @Override
  public void lift(GroupId group, UserId user) {
    restrictChatMember(group, user, true);
  }

  private void restrictChatMember(GroupId group, UserId user, boolean allowed) {
    Map<String, Object> permissions = new LinkedHashMap<>();
    for (String permission : PERMISSIONS) {
      permissions.put(permission, allowed);
    }
    Map<String, Object> p = chat(group.chat());
    p.put("user_id", user.value());
    p.put("permissions", permissions);
    p.put("use_independent_chat_permissions", true);
    client.write(BotMethod.RESTRICT_CHAT_MEMBER, p, Boolean.class, Optional.of(group.chat()));
  }

  @Override
  public void ban(GroupId group, UserId user) {
    Map<String, Object> p = chat(group.chat());
    p.put("user_id", user.value());
    p.put("revoke_messages", false);
    client.write(BotMethod.BAN_CHAT_MEMBER, p, Boolean.class, Optional.of(group.chat()));
  }

  @Override
  public void unban(GroupId group, UserId user) {
    Map<String, Object> p = chat(group.chat());
    p.put("user_id", user.value());
    p.put("only_if_banned", true);
    client.write(BotMethod.UNBAN_CHAT_MEMBER, p, Boolean.class, Optional.of(group.chat()));
  }

  @Override
  public void deleteMessage(ChatId chat, MessageId message) {
    Map<String, Object> p = chat(chat);
    p.put("message_id", message.value());
    client.write(BotMethod.DELETE_MESSAGE, p, Boolean.class, Optional.of(chat));
  }

  @Override
  public void approveJoinRequest(ChatId chat, UserId user) {
    Map<String, Object> p = chat(chat);
    p.put("user_id", user.value());
    client.write(BotMethod.APPROVE_CHAT_JOIN_REQUEST, p, Boolean.class, Optional.of(chat));
  }

  @Override
  public void declineJoinRequest(ChatId chat, UserId user) {
    Map<String, Object> p = chat(chat);
    p.put("user_id", user.value());
    client.write(BotMethod.DECLINE_CHAT_JOIN_REQUEST, p, Boolean.class, Optional.of(chat));
  }

  // ---- ChatMessaging ------------------------------------------------------------------------

  @Override
  public MessageId send(ChatId chat, OutgoingMessage message) {
    Map<String, Object> p = chat(chat);
    p.put("text", message.text());
    if (!message.keyboard().isEmpty()) {
      p.put("reply_markup", keyboard(message.keyboard()));
    }
    message
        .replyTo()
        .ifPresent(
            replyTo ->
                p.put(
                    "reply_parameters",
                    Map.of("message_id", replyTo.value(), "allow_sending_without_reply", true)));
    if (message.silent()) {
      p.put("disable_notification", true);
    }
    message.topic().ifPresent(topic -> p.put("message_thread_id", topic));
    TgMessageRef sent =
        client.write(BotMethod.SEND_MESSAGE, p, TgMessageRef.class, Optional.of(chat));
    return mapped(
        BotMethod.SEND_MESSAGE,
        () ->
            TelegramMappings.valid(
                () -> new MessageId(TelegramMappings.required(sent.messageId(), "message_id")),
                "message_id"));
  }

  /** {@code sendPhoto} as multipart/form-data: the PNG as the {@code photo} part. */
  @Override
  public MessageId sendPhoto(ChatId chat, byte[] png, String caption) {
    Map<String, Object> p = chat(chat);
    if (!caption.isEmpty()) {
      p.put("caption", caption);
    }
    TgMessageRef sent =
        client.writeMultipart(
            BotMethod.SEND_PHOTO,
            p,
            "photo",
            "stats.png",
            "image/png",
            png,
            TgMessageRef.class,
            Optional.of(chat));
    return mapped(
        BotMethod.SEND_PHOTO,
        () ->
            TelegramMappings.valid(
                () -> new MessageId(TelegramMappings.required(sent.messageId(), "message_id")),
                "message_id"));
  }

  @Override
  public void edit(ChatId chat, MessageId message, OutgoingMessage replacement) {
    Map<String, Object> p = chat(chat);
    p.put("message_id", message.value());
    p.put("text", replacement.text());
    // An empty keyboard removes the old one.
    p.put("reply_markup", keyboard(replacement.keyboard()));
    // editMessageText answers with the Message (or true for inline messages): read it loosely.
    client.write(BotMethod.EDIT_MESSAGE_TEXT, p, Object.class, Optional.of(chat));
  }

  @Override
  public void answerCallback(CallbackAnswer answer) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("callback_query_id", answer.callbackQueryId());
    answer.text().ifPresent(text -> p.put("text", text));
    if (answer.alert()) {
      p.put("show_alert", true);
    }
    client.write(BotMethod.ANSWER_CALLBACK_QUERY, p, Boolean.class, Optional.empty());
  }

  // ---- ChatDirectory ------------------------------------------------------------------------

  @Override
  public ChatInfo getChat(ChatId chat) {
    TgChat info = client.read(BotMethod.GET_CHAT, chat(chat), TgChat.class, Optional.of(chat));
    return mapped(BotMethod.GET_CHAT, () -> chatInfo(info));
  }

  @Override
  public ChatInfo getChat(String username) {
    String bare = username.startsWith("@") ? username.substring(1) : username;
    if (bare.isBlank()) {
      throw new IllegalArgumentException("a username is not blank");
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("chat_id", "@" + bare);
    TgChat info;
    try {
      info = client.read(BotMethod.GET_CHAT, p, TgChat.class, Optional.empty());
    } catch (BotApiRejectedException e) {
      // "chat not found" etc. without a chat id: the port promises a ChatAccessException; like the
      // testkit's fake, the chat is reported as UNRESOLVED_CHAT.
      Optional<ChatAccessException.Problem> problem = BotApiErrors.accessProblem(e.description());
      if (problem.isPresent()) {
        throw new ChatAccessException(
            BotMethod.GET_CHAT.wireName(), UNRESOLVED_CHAT, problem.get(), e.description());
      }
      throw e;
    }
    return mapped(BotMethod.GET_CHAT, () -> chatInfo(info));
  }

  @Override
  public List<ChatMember> getAdministrators(ChatId chat) {
    List<TgChatMember> admins =
        client.read(
            BotMethod.GET_CHAT_ADMINISTRATORS,
            chat(chat),
            TelegramJson.listOf(TgChatMember.class),
            Optional.of(chat));
    return mapped(
        BotMethod.GET_CHAT_ADMINISTRATORS,
        () -> {
          List<ChatMember> members = new ArrayList<>(admins.size());
          for (int i = 0; i < admins.size(); i++) {
            members.add(TelegramMappings.member(admins.get(i), "result[" + i + "]"));
          }
          return List.copyOf(members);
        });
  }

  @Override
  public String createInviteLink(ChannelId channel) {
    Map<String, Object> p = chat(channel.chat());
    p.put("name", INVITE_LINK_NAME);
    TgInviteLink link =
        client.write(
            BotMethod.CREATE_CHAT_INVITE_LINK, p, TgInviteLink.class, Optional.of(channel.chat()));
    return mapped(
        BotMethod.CREATE_CHAT_INVITE_LINK,
        () -> TelegramMappings.required(link.inviteLink(), "result.invite_link"));
  }

  // ---- BotIdentity --------------------------------------------------------------------------

  @Override
  public BotProfile me() {
    BotProfile known = me.get();
    if (known != null) {
      return known;
    }
    TgUser user =
        client.read(BotMethod.GET_ME, new LinkedHashMap<>(), TgUser.class, Optional.empty());
    BotProfile profile =
        mapped(
            BotMethod.GET_ME,
            () -> {
              UserRef ref = TelegramMappings.user(user, "result");
              String username = TelegramMappings.required(user.username(), "result.username");
              return new BotProfile(ref.id(), username);
            });
    me.compareAndSet(null, profile);
    return me.get();
  }

  // ---- CommandMenus -------------------------------------------------------------------------

  @Override
  public void setCommands(CommandMenu menu) {
    Map<String, Object> p = new LinkedHashMap<>();
    List<Map<String, Object>> commands = new ArrayList<>(menu.items().size());
    for (CommandMenu.Item item : menu.items()) {
      Map<String, Object> command = new LinkedHashMap<>();
      command.put("command", item.command());
      command.put("description", item.description());
      commands.add(command);
    }
    p.put("commands", commands);
    p.put(
        "scope",
        Map.of(
            "type",
            switch (menu.scope()) {
              case PRIVATE_CHATS -> "all_private_chats";
              case GROUP_ADMINISTRATORS -> "all_chat_administrators";
            }));
    menu.language().ifPresent(language -> p.put("language_code", language.isoCode()));
    client.write(BotMethod.SET_MY_COMMANDS, p, Boolean.class, Optional.empty());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Map<String, Object> chat(ChatId chat) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("chat_id", chat.value());
    return p;
  }

  static Map<String, Object> keyboard(List<List<Button>> rows) {
    List<List<Map<String, Object>>> keyboard = new ArrayList<>(rows.size());
    for (List<Button> row : rows) {
      List<Map<String, Object>> buttons = new ArrayList<>(row.size());
      for (Button button : row) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("text", button.text());
        switch (button) {
          case Button.Url url -> b.put("url", url.url());
          case Button.Callback callback -> b.put("callback_data", callback.data());
        }
        buttons.add(b);
      }
      keyboard.add(buttons);
    }
    return Map.of("inline_keyboard", keyboard);
  }

  private static ChatInfo chatInfo(TgChat chat) {
    ChatRef ref = TelegramMappings.chat(chat, "result");
    Optional<ChatId> linked =
        chat.linkedChatId() == null || chat.linkedChatId() == 0
            ? Optional.empty()
            : Optional.of(new ChatId(chat.linkedChatId()));
    return new ChatInfo(ref, Optional.ofNullable(chat.inviteLink()), linked);
  }

  private interface Mapping<T> {
    T map();
  }

  /** A 2xx answer that does not have the promised shape: nothing is known, so "try again". */
  private static <T> T mapped(BotMethod method, Mapping<T> mapping) {
    try {
      return mapping.map();
    } catch (MalformedPayloadException | ClassCastException e) {
      throw new TransientBotApiException(
          method.wireName(), "malformed result: " + e.getMessage(), OptionalInt.of(200), null);
    }
  }
}
