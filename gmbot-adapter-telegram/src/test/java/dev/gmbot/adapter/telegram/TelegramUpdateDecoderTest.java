package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TelegramUpdateDecoderTest {
  private static final Instant NOW = Instant.parse("2026-11-23T21:00:00Z");
  private static final ChatRef GUARDED =
      new ChatRef(
          ChatId.of(-1001234567890L),
          ChatType.SUPERGROUP,
          "Guarded Group",
          Optional.of("guarded_group"));
  private static final ChatRef ANNOUNCEMENTS =
      new ChatRef(ChatId.of(-1009876543210L), ChatType.CHANNEL, "Announcements", Optional.empty());

  /** Alice as the fixtures write her: her Telegram speaks English ({@code language_code}). */
  private static final UserRef ALICE =
      UserRef.of(111111111L, "Alice", "alice").withLanguageCode("en");

  private static final UserRef GUARD_BOT =
      new UserRef(UserId.of(7000000001L), "Group Guard", Optional.of("group_guard_bot"), true);
  private static final UserRef OWNER = UserRef.of(333333333L, "Owner", "owner");

  private final TelegramUpdateDecoder decoder =
      new TelegramUpdateDecoder(Clock.fixed(NOW, ZoneOffset.UTC));

  private InboundEvent decode(String json) throws MalformedUpdateException {
    return decoder.decode(json).orElseThrow();
  }

  private InboundEvent fixture(String name) throws MalformedUpdateException {
    return decode(Fixtures.read(name));
  }

  // ---- derived fixtures ----------------------------------------------------------------------

  @Test
  void decodesVerifyButtonPressInSupergroup() throws Exception {
    var event = fixture("derived/update_callback_query_supergroup_verify_button.json");
    assertThat(event)
        .isEqualTo(
            new ButtonPressed(
                900000007L,
                NOW,
                "4772364183527481234",
                ALICE,
                Optional.of(GUARDED),
                Optional.of(MessageId.of(4242)),
                "verify:111111111"));
    assertThat(event.updateType()).isEqualTo("callback_query");
  }

  @Test
  void decodesJoinRequestToChannel() throws Exception {
    assertThat(fixture("derived/update_chat_join_request_channel.json"))
        .isEqualTo(
            new JoinRequested(
                900000006L,
                Instant.ofEpochSecond(1760000500L),
                ANNOUNCEMENTS,
                ALICE,
                ChatId.of(111111111L)));
  }

  @Test
  void decodesChannelSubscriptionViaLink() throws Exception {
    var event =
        (ChannelMemberChanged)
            fixture("derived/update_chat_member_channel_user_joined_via_link.json");
    assertThat(event.updateId()).isEqualTo(900000002L);
    assertThat(event.at()).isEqualTo(Instant.ofEpochSecond(1760000100L));
    assertThat(event.channel()).isEqualTo(ANNOUNCEMENTS);
    assertThat(event.before().status()).isEqualTo(MemberStatus.LEFT);
    assertThat(event.before().isSubscribed()).isFalse();
    assertThat(event.after().status()).isEqualTo(MemberStatus.MEMBER);
    assertThat(event.after().isSubscribed()).isTrue();
    assertThat(event.after().user()).isEqualTo(ALICE);
  }

  @Test
  void decodesMuteByTheBotAsRestrictedStillMember() throws Exception {
    var event =
        (GroupMemberChanged)
            fixture("derived/update_chat_member_supergroup_user_restricted_by_bot.json");
    assertThat(event.updateId()).isEqualTo(900000003L);
    assertThat(event.group()).isEqualTo(GUARDED);
    assertThat(event.actor()).isEqualTo(GUARD_BOT);
    assertThat(event.before().status()).isEqualTo(MemberStatus.MEMBER);
    assertThat(event.after().status()).isEqualTo(MemberStatus.RESTRICTED);
    assertThat(event.after().isMember()).isTrue();
    assertThat(event.user()).isEqualTo(ALICE);
    assertThat(event.after().rights()).isEqualTo(AdminRights.NONE);
  }

  @Test
  void decodesEditedGroupMessage() throws Exception {
    assertThat(fixture("derived/update_edited_message_supergroup.json"))
        .isEqualTo(
            new MessagePosted(
                900000012L,
                Instant.ofEpochSecond(1760001100L),
                GUARDED,
                MessageId.of(5005),
                new Sender.User(ALICE),
                true));
  }

  @Test
  void decodesAMessageInAForumTopicWithItsTopic() throws Exception {
    var event = (MessagePosted) fixture("derived/update_message_supergroup_forum_topic.json");

    assertThat(event.topic()).contains(7L);
    assertThat(event.message()).isEqualTo(MessageId.of(5040));
    assertThat(event.sender()).isEqualTo(new Sender.User(ALICE));
    // Outside forums (and in General) there is no topic, even for a reply in a thread.
    assertThat(((MessagePosted) fixture("derived/update_edited_message_supergroup.json")).topic())
        .isEmpty();
  }

  @Test
  void decodesSelfJoinServiceMessage() throws Exception {
    assertThat(fixture("derived/update_message_new_chat_members_self_join.json"))
        .isEqualTo(
            new MembersJoined(
                900000011L,
                Instant.ofEpochSecond(1760001000L),
                GUARDED,
                MessageId.of(5004),
                ALICE,
                List.of(ALICE)));
  }

  @Test
  void decodesBotDemotion() throws Exception {
    var event =
        (BotMemberChanged) fixture("derived/update_my_chat_member_bot_demoted_supergroup.json");
    assertThat(event.updateId()).isEqualTo(900000004L);
    assertThat(event.chat()).isEqualTo(GUARDED);
    assertThat(event.actor()).isEqualTo(OWNER);
    assertThat(event.before().status()).isEqualTo(MemberStatus.ADMINISTRATOR);
    assertThat(event.before().rights()).isEqualTo(new AdminRights(true, true, true, true, false));
    assertThat(event.before().user()).isEqualTo(GUARD_BOT);
    assertThat(event.after().status()).isEqualTo(MemberStatus.MEMBER);
    assertThat(event.after().rights()).isEqualTo(AdminRights.NONE);
  }

  @Test
  void decodesBotRemovalFromChannel() throws Exception {
    var event =
        (BotMemberChanged) fixture("derived/update_my_chat_member_bot_removed_from_channel.json");
    assertThat(event.updateId()).isEqualTo(900000005L);
    assertThat(event.chat()).isEqualTo(ANNOUNCEMENTS);
    assertThat(event.before().rights()).isEqualTo(new AdminRights(true, false, true, true, false));
    assertThat(event.after().status()).isEqualTo(MemberStatus.LEFT);
    assertThat(event.after().isMember()).isFalse();
  }

  // ---- found fixtures -----------------------------------------------------------------------

  @Test
  void decodesPlainCommandInThread() throws Exception {
    var event =
        (CommandIssued)
            fixture("found/update_message_bot_command_supergroup_teloxide_issue1107.json");
    assertThat(event.updateId()).isEqualTo(439432600L);
    assertThat(event.name()).isEqualTo("report");
    assertThat(event.addressee()).isEmpty();
    assertThat(event.args()).isEmpty();
    assertThat(event.chat())
        .isEqualTo(
            new ChatRef(
                ChatId.of(-1001293752024L),
                ChatType.SUPERGROUP,
                "CryptoInside Chat",
                Optional.of("cryptoinside_talk")));
    assertThat(event.message()).isEqualTo(MessageId.of(134546));
    assertThat(event.sender())
        .isEqualTo(
            new Sender.User(
                UserRef.of(5964236329L, "the Cable Guy", "spacewhaleblues")
                    .withLanguageCode("en")));
    assertThat(event.at()).isEqualTo(Instant.ofEpochSecond(1721592580L));
  }

  @Test
  void splitsCommandFromItsBotName() throws Exception {
    var event = (CommandIssued) fixture("found/update_message_command_with_botname_nutgram.json");
    assertThat(event.updateId()).isEqualTo(144064961L);
    assertThat(event.name()).isEqualTo("test");
    assertThat(event.addressee()).contains("foo_bot");
    assertThat(event.chat().type()).isEqualTo(ChatType.PRIVATE);
    assertThat(event.chat().id()).isEqualTo(ChatId.of(10081232L));
    assertThat(event.chat().title()).isEqualTo("Luca");
  }

  @Test
  void decodesPrivateCallbackQuery() throws Exception {
    var event = (ButtonPressed) fixture("found/update_callback_query_private_nutgram.json");
    assertThat(event.updateId()).isEqualTo(2L);
    assertThat(event.callbackQueryId()).isEqualTo("666728699048485871");
    assertThat(event.from())
        .isEqualTo(UserRef.of(222222222L, "Mario", "Super").withLanguageCode("it"));
    assertThat(event.chat().map(ChatRef::id)).contains(ChatId.of(222222222L));
    assertThat(event.message()).contains(MessageId.of(69587));
    assertThat(event.data()).isEqualTo("thedata");
  }

  @Test
  void inaccessibleCallbackMessageLeavesChatAndMessageEmpty() throws Exception {
    var event =
        (ButtonPressed) fixture("found/update_callback_query_inaccessible_message_nutgram.json");
    assertThat(event.chat()).isEmpty();
    assertThat(event.message()).isEmpty();
    assertThat(event.data()).isEqualTo("thedata");
    assertThat(event.from().id()).isEqualTo(UserId.of(222222222L));
    assertThat(event.at()).isEqualTo(NOW);
  }

  @Test
  void decodesPrivateEditedMessage() throws Exception {
    var event = (MessagePosted) fixture("found/update_edited_message_private_nutgram.json");
    assertThat(event.updateId()).isEqualTo(62257549L);
    assertThat(event.edited()).isTrue();
    assertThat(event.updateType()).isEqualTo("edited_message");
    assertThat(event.message()).isEqualTo(MessageId.of(23762));
    assertThat(event.at()).isEqualTo(Instant.ofEpochSecond(1584985181L));
    assertThat(event.sender())
        .isEqualTo(
            new Sender.User(UserRef.of(999999999L, "Mario", "super").withLanguageCode("it")));
  }

  @Test
  void aNewTextInAPrivateChatIsTextReceived() throws Exception {
    String json =
        Fixtures.read("found/update_edited_message_private_nutgram.json")
            .replace("\"edited_message\"", "\"message\"");
    var event = (TextReceived) decode(json);
    assertThat(event.updateId()).isEqualTo(62257549L);
    assertThat(event.updateType()).isEqualTo("message");
    assertThat(event.chat().type()).isEqualTo(ChatType.PRIVATE);
    assertThat(event.message()).isEqualTo(MessageId.of(23762));
    assertThat(event.from())
        .isEqualTo(UserRef.of(999999999L, "Mario", "super").withLanguageCode("it"));
    assertThat(event.text()).isEqualTo("Editing this message");
    assertThat(event.at()).isEqualTo(Instant.ofEpochSecond(1584985181L));
  }

  @Test
  void ignoresLegacyLeftMemberServiceMessageWithoutIsBot() throws Exception {
    var result =
        decoder.decode(
            Fixtures.read(
                "found/update_message_left_chat_member_supergroup_legacy2016_cjbot_issue22.json"));
    assertThat(result).isEmpty();
    assertThat(decoder.ignoredCounts()).containsEntry("message:service", 1L);
  }

  @Test
  void ignoresPinnedMessageServiceMessage() throws Exception {
    assertThat(
            decoder.decode(Fixtures.read("found/update_message_pinned_supergroup_teloxide.json")))
        .isEmpty();
    assertThat(decoder.ignoredCount()).isEqualTo(1);
  }

  @Test
  void rejectsAnonymisedBlockUpdateWhoseIdsAreZero() {
    // The capture was anonymised to chat id 0 and user id 0, which no real chat or user has.
    assertThatThrownBy(
            () ->
                decoder.decode(
                    Fixtures.read(
                        "found/update_my_chat_member_private_bot_blocked_teloxide_issue523.json")))
        .isInstanceOf(MalformedUpdateException.class)
        .hasMessage("invalid my_chat_member.chat.id")
        .satisfies(e -> assertThat(((MalformedUpdateException) e).updateId()).hasValue(0L));
  }

  @Test
  void decodesBotBlockedInPrivateChatOnceIdsAreReal() throws Exception {
    String json =
        Fixtures.read("found/update_my_chat_member_private_bot_blocked_teloxide_issue523.json")
            .replace("\"id\":0", "\"id\":42");
    var event = (BotMemberChanged) decode(json);
    assertThat(event.chat().type()).isEqualTo(ChatType.PRIVATE);
    assertThat(event.chat().id()).isEqualTo(ChatId.of(42));
    assertThat(event.before().status()).isEqualTo(MemberStatus.MEMBER);
    assertThat(event.after().status()).isEqualTo(MemberStatus.KICKED);
    assertThat(event.after().user().isBot()).isTrue();
  }

  @Test
  void anonymousAdminMessageIsFromTheGroupItself() throws Exception {
    var event =
        (MessagePosted)
            decode(
                Fixtures.asMessageUpdate(
                    1, "found/message_anonymous_admin_forward_teloxide_issue419.json"));
    ChatRef group =
        new ChatRef(ChatId.of(-1001160242915L), ChatType.SUPERGROUP, "a", Optional.empty());
    assertThat(event.sender()).isEqualTo(new Sender.AnonymousAdmin(group));
    assertThat(event.chat()).isEqualTo(group);
    assertThat(event.message()).isEqualTo(MessageId.of(1));
    assertThat(event.edited()).isFalse();
  }

  @Test
  void anonymousAdminVideoChatIsAServiceMessage() throws Exception {
    assertThat(
            decoder.decode(
                Fixtures.asMessageUpdate(
                    2,
                    "found/message_anonymous_admin_service_video_chat_started_teloxide_issue475.json")))
        .isEmpty();
    assertThat(decoder.ignoredCounts()).containsEntry("message:service", 1L);
  }

  @Test
  void migrationFromTheOldGroupBecomesGroupMigrated() throws Exception {
    assertThat(
            decode(
                Fixtures.asMessageUpdate(
                    3, "found/message_migrate_to_chat_id_teloxide_issue427.json")))
        .isEqualTo(
            new GroupMigrated(
                3,
                Instant.ofEpochSecond(1629404938L),
                GroupId.of(-599075523L),
                GroupId.of(-1001555296434L)));
  }

  @Test
  void migrationNoticeInTheNewSupergroupIsIgnored() throws Exception {
    assertThat(
            decoder.decode(
                Fixtures.asMessageUpdate(
                    4, "found/message_migrate_from_chat_id_anon_teloxide_issue427.json")))
        .isEmpty();
    assertThat(decoder.ignoredCounts()).containsEntry("message:service", 1L);
  }

  // ---- built from the facts (no capture exists) ---------------------------------------------

  private static String groupMessage(String extra) {
    return "{\"update_id\":77,\"message\":{\"message_id\":10,\"date\":1760000000,"
        + "\"chat\":{\"id\":-1001234567890,\"title\":\"Guarded Group\",\"username\":\"guarded_group\","
        + "\"type\":\"supergroup\"},"
        + extra
        + "}}";
  }

  @Test
  void automaticForwardFromLinkedChannel() throws Exception {
    var event =
        (MessagePosted)
            decode(
                groupMessage(
                    "\"from\":{\"id\":777000,\"is_bot\":false,\"first_name\":\"Telegram\"},"
                        + "\"sender_chat\":{\"id\":-1005555555555,\"title\":\"Linked\",\"username\":\"linked_channel\",\"type\":\"channel\"},"
                        + "\"is_automatic_forward\":true,\"text\":\"post\""));
    assertThat(event.sender())
        .isEqualTo(
            new Sender.AutomaticForward(
                ChatRef.channel(-1005555555555L, "Linked", "linked_channel")));
  }

  @Test
  void postOnBehalfOfAChannel() throws Exception {
    var event =
        (MessagePosted)
            decode(
                groupMessage(
                    "\"from\":{\"id\":136817688,\"is_bot\":true,\"first_name\":\"Channel\",\"username\":\"Channel_Bot\"},"
                        + "\"sender_chat\":{\"id\":-1007777777777,\"title\":\"Other\",\"type\":\"channel\"},"
                        + "\"text\":\"spam\""));
    assertThat(event.sender())
        .isEqualTo(new Sender.OnBehalfOfChannel(ChatRef.channel(-1007777777777L, "Other", null)));
  }

  @Test
  void messageFromAnotherBotKeepsItsBotFlag() throws Exception {
    var event =
        (MessagePosted)
            decode(
                groupMessage(
                    "\"from\":{\"id\":5000,\"is_bot\":true,\"first_name\":\"Helper\",\"username\":\"helper_bot\"},\"text\":\"hi\""));
    assertThat(event.sender())
        .isEqualTo(
            new Sender.User(
                new UserRef(UserId.of(5000), "Helper", Optional.of("helper_bot"), true)));
  }

  @Test
  void anonymousAdminCommandWithBotNameAndArguments() throws Exception {
    // The entity covers the @botname suffix: "/Status@group_guard_bot" is 23 UTF-16 units.
    var event =
        (CommandIssued)
            decode(
                groupMessage(
                    "\"from\":{\"id\":1087968824,\"is_bot\":true,\"first_name\":\"Group\",\"username\":\"GroupAnonymousBot\"},"
                        + "\"sender_chat\":{\"id\":-1001234567890,\"title\":\"Guarded Group\",\"username\":\"guarded_group\",\"type\":\"supergroup\"},"
                        + "\"text\":\"/Status@group_guard_bot  @a   @b\","
                        + "\"entities\":[{\"offset\":0,\"length\":23,\"type\":\"bot_command\"}]"));
    assertThat(event.name()).isEqualTo("status");
    assertThat(event.addressee()).contains("group_guard_bot");
    assertThat(event.args()).containsExactly("@a", "@b");
    assertThat(event.sender()).isEqualTo(new Sender.AnonymousAdmin(GUARDED));
  }

  @Test
  void commandOffsetsCountUtf16Units() throws Exception {
    // "/start😀x" would be wrong if lengths were code points: the emoji is 2 UTF-16 units.
    var event =
        (CommandIssued)
            decode(
                groupMessage(
                    "\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"A\"},"
                        + "\"text\":\"/start \\ud83d\\ude00 arg\","
                        + "\"entities\":[{\"offset\":0,\"length\":6,\"type\":\"bot_command\"}]"));
    assertThat(event.name()).isEqualTo("start");
    assertThat(event.args()).containsExactly("\ud83d\ude00", "arg");
  }

  @Test
  void commandNotAtOffsetZeroIsAPlainMessage() throws Exception {
    var event =
        decode(
            groupMessage(
                "\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"A\"},"
                    + "\"text\":\"see /help\","
                    + "\"entities\":[{\"offset\":4,\"length\":5,\"type\":\"bot_command\"}]"));
    assertThat(event).isInstanceOf(MessagePosted.class);
  }

  @Test
  void editedCommandIsAnEditedMessageNotACommand() throws Exception {
    String json =
        groupMessage(
                "\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"A\"},\"text\":\"/help\","
                    + "\"entities\":[{\"offset\":0,\"length\":5,\"type\":\"bot_command\"}]")
            .replace("\"message\"", "\"edited_message\"");
    assertThat(decode(json)).isInstanceOf(MessagePosted.class);
    assertThat(((MessagePosted) decode(json)).edited()).isTrue();
  }

  @Test
  void channelMemberLeaving() throws Exception {
    var event =
        (ChannelMemberChanged)
            decode(
                "{\"update_id\":5,\"chat_member\":{\"chat\":{\"id\":-1009876543210,\"title\":\"Announcements\",\"type\":\"channel\"},"
                    + "\"from\":{\"id\":111111111,\"is_bot\":false,\"first_name\":\"Alice\",\"username\":\"alice\"},\"date\":1760000900,"
                    + "\"old_chat_member\":{\"user\":{\"id\":111111111,\"is_bot\":false,\"first_name\":\"Alice\",\"username\":\"alice\"},\"status\":\"member\"},"
                    + "\"new_chat_member\":{\"user\":{\"id\":111111111,\"is_bot\":false,\"first_name\":\"Alice\",\"username\":\"alice\"},\"status\":\"left\"}}}");
    assertThat(event.before().isSubscribed()).isTrue();
    assertThat(event.after().isSubscribed()).isFalse();
  }

  @Test
  void restrictedNonMemberIsNotSubscribed() throws Exception {
    var event =
        (GroupMemberChanged)
            decode(
                "{\"update_id\":6,\"chat_member\":{\"chat\":{\"id\":-1001234567890,\"title\":\"G\",\"type\":\"supergroup\"},"
                    + "\"from\":{\"id\":333333333,\"is_bot\":false,\"first_name\":\"Owner\"},\"date\":1760000900,"
                    + "\"old_chat_member\":{\"user\":{\"id\":111111111,\"is_bot\":false,\"first_name\":\"Alice\"},\"status\":\"restricted\",\"is_member\":true},"
                    + "\"new_chat_member\":{\"user\":{\"id\":111111111,\"is_bot\":false,\"first_name\":\"Alice\"},\"status\":\"restricted\",\"is_member\":false,\"until_date\":0}}}");
    assertThat(event.before().isMember()).isTrue();
    assertThat(event.after().isMember()).isFalse();
  }

  @Test
  void unknownUpdateTypesAreIgnoredAndCountedByType() throws Exception {
    assertThat(decoder.decode("{\"update_id\":8,\"channel_post\":{\"message_id\":1}}")).isEmpty();
    assertThat(
            decoder.decode(
                "{\"update_id\":9,\"message_reaction\":{\"x\":[1,2,{\"y\":null}]},\"future\":true}"))
        .isEmpty();
    assertThat(decoder.ignoredCount()).isEqualTo(2);
    assertThat(decoder.ignoredCounts())
        .isEqualTo(Map.of("channel_post", 1L, "message_reaction", 1L));
  }

  @Test
  void unknownFieldsAreSkipped() throws Exception {
    var event =
        decode(
            groupMessage(
                "\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"A\",\"brand_new\":{\"deep\":[1]}},"
                    + "\"text\":\"hi\",\"rich_message\":{\"blocks\":[]},\"live_photo\":{}"));
    assertThat(event).isInstanceOf(MessagePosted.class);
  }

  @Test
  void malformedJsonIsATypedErrorWithoutTheContent() {
    assertThatThrownBy(() -> decoder.decode("{\"update_id\":1,\"message\":{\"text\":\"secret"))
        .isInstanceOf(MalformedUpdateException.class)
        .hasMessageStartingWith("malformed update JSON at $")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(
            () ->
                decoder.decode(
                    "{\"update_id\":1,\"message\":{\"message_id\":\"Alice Smith\",\"date\":1}}"))
        .isInstanceOf(MalformedUpdateException.class)
        .hasMessageNotContaining("Alice");
    assertThatThrownBy(() -> decoder.decode("[]")).isInstanceOf(MalformedUpdateException.class);
    assertThatThrownBy(() -> decoder.decode("")).isInstanceOf(MalformedUpdateException.class);
    assertThatThrownBy(() -> decoder.decode("null")).isInstanceOf(MalformedUpdateException.class);
  }

  /** Found by the webhook fuzzer: a supergroup with a positive id used to fail in the guard. */
  @Test
  void aChatIdOfTheWrongSignForItsTypeIsMalformed() {
    assertThatThrownBy(
            () ->
                decoder.decode(
                    "{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1,"
                        + "\"chat\":{\"id\":3000030092,\"type\":\"supergroup\",\"title\":\"t\"},"
                        + "\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"A\"},"
                        + "\"text\":\"hi\"}}"))
        .isInstanceOf(MalformedUpdateException.class)
        .hasMessageContaining("message.chat.id");
    assertThatThrownBy(
            () ->
                decoder.decode(
                    "{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1,"
                        + "\"chat\":{\"id\":-5,\"type\":\"private\",\"first_name\":\"A\"},"
                        + "\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"A\"},"
                        + "\"text\":\"/start\"}}"))
        .isInstanceOf(MalformedUpdateException.class)
        .hasMessageContaining("message.chat.id");
  }

  @Test
  void missingRequiredFieldsAreTypedErrors() {
    assertThatThrownBy(() -> decoder.decode("{\"message\":{}}"))
        .isInstanceOf(MalformedUpdateException.class)
        .hasMessage("missing update_id")
        .satisfies(
            e ->
                assertThat(((MalformedUpdateException) e).updateId())
                    .isEqualTo(OptionalLong.empty()));
    assertThatThrownBy(
            () -> decoder.decode("{\"update_id\":3,\"message\":{\"message_id\":1,\"date\":1}}"))
        .isInstanceOf(MalformedUpdateException.class)
        .hasMessage("missing message.chat");
    assertThatThrownBy(
            () ->
                decoder.decode(
                    "{\"update_id\":3,\"chat_member\":{\"chat\":{\"id\":-1,\"type\":\"group\"},\"date\":1,"
                        + "\"from\":{\"id\":1},\"old_chat_member\":{\"user\":{\"id\":2},\"status\":\"vip\"},"
                        + "\"new_chat_member\":{\"user\":{\"id\":2},\"status\":\"member\"}}}"))
        .isInstanceOf(MalformedUpdateException.class)
        .hasMessage("unknown status in chat_member.old_chat_member");
  }
}
