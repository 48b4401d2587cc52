package dev.gmbot.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The updates produced by scripted actions, checked against the shapes of the fixtures. */
class ScriptedUpdatesIT {
  @RegisterExtension
  static TelegramSimulatorExtension telegram = TelegramSimulatorExtension.start();

  static final List<String> GUARD_UPDATES =
      List.of(
          "message",
          "edited_message",
          "callback_query",
          "my_chat_member",
          "chat_member",
          "chat_join_request",
          "channel_post");

  TelegramSimulator sim;
  BotClient api;

  @BeforeEach
  void allowChatMember() {
    sim = telegram.sim();
    api = new BotClient(sim);
    api.call("getUpdates", Map.of("allowed_updates", GUARD_UPDATES));
  }

  @Test
  void restrictByBotEmitsChatMemberLikeTheFixture() {
    SimChat group =
        sim.newSupergroup("Guarded Group")
            .withUsername("guarded_group")
            .withBotAsAdmin(AdminRights.guard());
    SimUser alice = sim.newUser("Alice");
    alice.joins(group);
    api.call(
        "restrictChatMember",
        Map.of("chat_id", group.id(), "user_id", alice.id(), "permissions", Map.of()));
    List<Map<String, Object>> cm = sim.updates("chat_member");
    assertThat(cm).hasSize(2); // join, then mute
    String mute = Json.write(cm.get(1));
    assertThat(mute)
        .startsWith(
            "{\"chat\":{\"id\":"
                + group.id()
                + ",\"title\":\"Guarded Group\",\"username\":\"guarded_group\",\"type\":\"supergroup\"},"
                + "\"from\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Group Guard\",\"username\":\"group_guard_bot\"},\"date\":")
        .contains(
            "\"old_chat_member\":{\"user\":{\"id\":"
                + alice.id()
                + ",\"is_bot\":false,\"first_name\":\"Alice\",\"username\":\"alice\",\"language_code\":\"en\"},\"status\":\"member\"}")
        .endsWith(
            "\"status\":\"restricted\",\"until_date\":0,\"can_send_messages\":false,\"can_send_media_messages\":false,\"can_send_audios\":false,"
                + "\"can_send_documents\":false,\"can_send_photos\":false,\"can_send_videos\":false,\"can_send_video_notes\":false,\"can_send_voice_notes\":false,"
                + "\"can_send_polls\":false,\"can_send_other_messages\":false,\"can_add_web_page_previews\":false,\"can_react_to_messages\":false,"
                + "\"can_edit_tag\":false,\"can_change_info\":false,\"can_invite_users\":false,\"can_pin_messages\":false,\"can_manage_topics\":false,\"is_member\":true}}");
    // a restricted member who leaves stays restricted with is_member false
    alice.leaves(group);
    assertThat(group.memberJson(alice))
        .containsEntry("status", "restricted")
        .containsEntry("is_member", false);
  }

  @Test
  void botDemotedAndRemovedEmitMyChatMember() {
    SimChat group = sim.newSupergroup("G").withBotAsAdmin(AdminRights.guard());
    SimChat channel = sim.newChannel("C").withBotAsAdmin(AdminRights.of(AdminRight.INVITE_USERS));
    group.demoteBot();
    channel.removeBot();
    List<Map<String, Object>> my = sim.updates("my_chat_member");
    assertThat(my).hasSize(4);
    assertThat(Json.write(my.get(2)))
        .contains("\"status\":\"administrator\",\"can_be_edited\":false,\"can_manage_chat\":true")
        .contains(
            "\"new_chat_member\":{\"user\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Group Guard\",\"username\":\"group_guard_bot\"},\"status\":\"member\"}");
    assertThat(Json.write(my.get(3)))
        .contains(
            "\"can_manage_direct_messages\":false,\"is_anonymous\":false,\"can_manage_voice_chats\":false}")
        .endsWith("\"status\":\"left\"}}");
    // no chat_member for other users once the bot is no longer an admin
    sim.newUser("Zed").joins(group);
    assertThat(sim.updates("chat_member")).isEmpty();
  }

  @Test
  void sendersAnonymousAdminChannelAndAutomaticForward() {
    SimChat group = sim.newSupergroup("Discussion").withBotAsAdmin(AdminRights.guard());
    SimChat channel = sim.newChannel("News").withUsername("news").linkedTo(group);
    group.anonymousAdminSays("/report@group_guard_bot", "boss");
    group.channelSays(channel, "hello from a channel");
    channel.post("a post");
    List<Map<String, Object>> msgs = sim.updates("message");
    String anon = Json.write(msgs.get(msgs.size() - 3));
    assertThat(anon)
        .contains(
            "\"from\":{\"id\":1087968824,\"is_bot\":true,\"first_name\":\"Group\",\"username\":\"GroupAnonymousBot\"}")
        .contains("\"sender_chat\":{\"id\":" + group.id())
        .contains("\"author_signature\":\"boss\"")
        .contains("\"entities\":[{\"offset\":0,\"length\":23,\"type\":\"bot_command\"}]");
    assertThat(Json.write(msgs.get(msgs.size() - 2)))
        .contains("\"from\":{\"id\":136817688,")
        .contains("\"sender_chat\":{\"id\":" + channel.id());
    assertThat(Json.write(msgs.get(msgs.size() - 1)))
        .contains("\"from\":{\"id\":777000,")
        .contains("\"is_automatic_forward\":true")
        .contains("\"forward_origin\":{\"type\":\"channel\"");
    assertThat(sim.updates("channel_post")).isEmpty(); // the bot is not in the channel
  }

  @Test
  void editsJoinRequestsAndMigration() {
    SimChat basic = sim.newGroup("Basic").withBotAsAdmin(AdminRights.all());
    SimUser alice = sim.newUser("Alice");
    alice.joins(basic);
    SimMessage m = alice.says(basic, "hi");
    alice.edits(m, "hi!");
    assertThat(sim.updates("edited_message"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(Json.write(e)).contains("\"edit_date\":").endsWith("\"text\":\"hi!\"}"));
    SimChat sg = basic.migrateToSupergroup();
    assertThat(Json.write(sim.updates("message")))
        .contains("\"migrate_to_chat_id\":" + sg.id())
        .contains("\"migrate_from_chat_id\":" + basic.id());
    assertThat(sg.statusOf(alice)).isEqualTo("member");

    SimUser bob = sim.newUser("Bob");
    bob.requestsToJoin(sg, "hello");
    assertThat(Json.write(sim.updates("chat_join_request").get(0)))
        .contains("\"user_chat_id\":" + bob.id())
        .contains("\"bio\":\"hello\"");
    api.call("declineChatJoinRequest", Map.of("chat_id", sg.id(), "user_id", bob.id()));
    assertThat(sg.pendingJoinRequests()).isEmpty();
    assertThat(sg.statusOf(bob)).isEqualTo("left");
  }

  @Test
  void aJoinRequestOpensTheRequestersChatForFiveMinutesWhileItIsPending() {
    SimChat sg = sim.newSupergroup("Requests").withBotAsAdmin(AdminRights.guard());
    SimUser carol = sim.newUser("Carol");
    assertThat(api.call("sendMessage", Map.of("chat_id", carol.id(), "text", "hi")).ok())
        .as("a user who never started the bot")
        .isFalse();

    carol.requestsToJoin(sg);
    assertThat(api.call("sendMessage", Map.of("chat_id", carol.id(), "text", "hi")).ok())
        .as("within the window of user_chat_id")
        .isTrue();

    api.call("declineChatJoinRequest", Map.of("chat_id", sg.id(), "user_id", carol.id()));
    assertThat(api.call("sendMessage", Map.of("chat_id", carol.id(), "text", "bye")).ok())
        .as("the request is processed: the window is closed")
        .isFalse();
    assertThat(
            api.call("declineChatJoinRequest", Map.of("chat_id", sg.id(), "user_id", carol.id()))
                .ok())
        .as("HIDE_REQUESTER_MISSING")
        .isFalse();
  }

  @Test
  void privacyModeHidesPlainMessagesFromANonAdminBot() {
    SimChat group = sim.newSupergroup("G").withBotAsMember();
    SimUser alice = sim.newUser("Alice");
    alice.joins(group);
    alice.says(group, "plain");
    alice.says(group, "/start@group_guard_bot");
    List<String> texts =
        sim.updates("message").stream().map(u -> String.valueOf(u.get("text"))).toList();
    assertThat(texts).contains("/start@group_guard_bot").doesNotContain("plain");
  }
}
