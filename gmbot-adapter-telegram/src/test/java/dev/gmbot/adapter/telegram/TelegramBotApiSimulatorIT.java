package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.GroupMemberChanged;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.CommandMenu;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.testkit.contract.TelegramPortsContract;
import dev.gmbot.testkit.contract.TelegramWorld;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimCommand;
import dev.gmbot.testkit.simulator.SimMessage;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The real client, ports and long poller against the testkit's Bot API simulator (loopback). */
class TelegramBotApiSimulatorIT {

  static TelegramBotApiClient clientFor(TelegramSimulator sim) {
    return new TelegramBotApiClient(
        TelegramClientConfig.of(sim.token()).withBaseUrl(URI.create(sim.baseUrl())));
  }

  /** The shared port contract, run against the real adapter. */
  @Nested
  class PortContract extends TelegramPortsContract {
    private TelegramSimulator sim;
    private TelegramBotApiClient client;

    @AfterEach
    void stop() {
      if (client != null) {
        client.close();
      }
      if (sim != null) {
        sim.close();
      }
    }

    @Override
    protected Subject newSubject() {
      sim = TelegramSimulator.start();
      client = clientFor(sim);
      TelegramBotApi api = new TelegramBotApi(client);
      TelegramWorld world =
          new TelegramWorld() {
            @Override
            public BotProfile bot() {
              return new BotProfile(UserId.of(sim.bot().id()), sim.bot().username());
            }

            @Override
            public GroupId supergroup(String title) {
              return GroupId.of(sim.newSupergroup(title).withBotAsAdmin(AdminRights.all()).id());
            }

            @Override
            public ChannelId publicChannel(String username) {
              return ChannelId.of(
                  sim.newChannel(username)
                      .withUsername(username)
                      .withBotAsAdmin(AdminRights.all())
                      .id());
            }

            @Override
            public UserRef user(String firstName) {
              SimUser user = sim.newUser(firstName);
              return new UserRef(
                  UserId.of(user.id()), firstName, Optional.ofNullable(user.username()), false);
            }

            @Override
            public void join(GroupId group, UserRef user) {
              sim.user(user.id().value()).joins(sim.chat(group.value()));
            }

            @Override
            public void subscribe(ChannelId channel, UserRef user) {
              sim.user(user.id().value()).subscribes(sim.chat(channel.value()));
            }

            @Override
            public UserRef creatorOf(GroupId group) {
              SimUser owner = sim.chat(group.value()).owner();
              return new UserRef(
                  UserId.of(owner.id()),
                  owner.firstName(),
                  Optional.ofNullable(owner.username()),
                  false);
            }
          };
      return new Subject(world, api, api, api, api, api);
    }
  }

  @Test
  void aMessageSentInATopicStaysThereWhenEditedAndAnUnknownTopicIsRefused() {
    try (TelegramSimulator sim = TelegramSimulator.start();
        TelegramBotApiClient client = clientFor(sim)) {
      TelegramBotApi api = new TelegramBotApi(client);
      SimChat forum = sim.newSupergroup("Forum").withBotAsAdmin(AdminRights.all()).asForum();
      long topic = forum.createTopic("Questions");
      dev.gmbot.port.model.ChatId chat = dev.gmbot.port.model.ChatId.of(forum.id());

      dev.gmbot.port.model.MessageId sent =
          api.send(
              chat,
              dev.gmbot.port.model.OutgoingMessage.text("in the topic")
                  .inTopic(Optional.of(topic)));
      api.edit(chat, sent, dev.gmbot.port.model.OutgoingMessage.text("edited in place"));

      SimMessage shown = forum.lastBotMessage().orElseThrow();
      assertThat(shown.messageId()).isEqualTo(sent.value());
      assertThat(shown.text()).isEqualTo("edited in place");
      assertThat(forum.topicOf(shown)).contains(topic);
      assertThat(forum.json()).containsEntry("is_forum", true);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  api.send(
                      chat,
                      dev.gmbot.port.model.OutgoingMessage.text("lost")
                          .inTopic(Optional.of(topic + 1000))))
          .isInstanceOf(dev.gmbot.port.out.BotApiRejectedException.class)
          .hasMessageContaining("message thread not found");
      api.send(chat, dev.gmbot.port.model.OutgoingMessage.text("in General"));
      assertThat(forum.topicOf(forum.lastBotMessage().orElseThrow())).isEmpty();
    }
  }

  @Test
  void commandMenusReachTelegramAndUsersBringTheirLanguage() {
    try (TelegramSimulator sim = TelegramSimulator.start();
        TelegramBotApiClient client = clientFor(sim)) {
      TelegramBotApi api = new TelegramBotApi(client);

      api.setCommands(
          new CommandMenu(
              CommandMenu.Scope.GROUP_ADMINISTRATORS,
              Optional.of(Language.RUSSIAN),
              List.of(new CommandMenu.Item("protect", "Требовать подписку на канал"))));
      api.setCommands(
          new CommandMenu(
              CommandMenu.Scope.PRIVATE_CHATS,
              Optional.empty(),
              List.of(new CommandMenu.Item("start", "Welcome and quick setup"))));

      assertThat(sim.commandMenu("all_chat_administrators", "ru"))
          .containsExactly(new SimCommand("protect", "Требовать подписку на канал"));
      assertThat(sim.commandMenu("all_private_chats", ""))
          .containsExactly(new SimCommand("start", "Welcome and quick setup"));

      SimChat group = sim.newSupergroup("Гости").withBotAsAdmin(AdminRights.all());
      SimUser olga = sim.newUser("Olga").speaks("ru");
      olga.joins(group);
      UserRef seen =
          api.getChatMember(dev.gmbot.port.model.ChatId.of(group.id()), UserId.of(olga.id()))
              .user();
      assertThat(seen.languageCode()).contains("ru");
    }
  }

  @Test
  void pollerDeliversTheGuardFlowAndConfirmsEverything() throws Exception {
    try (TelegramSimulator sim = TelegramSimulator.start();
        TelegramBotApiClient client = clientFor(sim)) {
      TelegramBotApi api = new TelegramBotApi(client);
      List<InboundEvent> events = new CopyOnWriteArrayList<>();
      LongPoller poller =
          new LongPoller(
              client,
              new TelegramUpdateDecoder(),
              (id, event) -> events.add(event),
              new LongPoller.Settings(1, 100, Duration.ofMillis(10), Duration.ofMillis(100)));
      poller.start();
      try {
        // allowed_updates (with chat_member) is set by the first getUpdates.
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.calls().count("getUpdates") > 0);
        SimChat group = sim.newSupergroup("Guarded Group").withBotAsAdmin(AdminRights.all());
        SimUser alice = sim.newUser("Alice");
        alice.joins(group);
        alice.says(group, "hello");
        group.anonymousAdminSays("/status@" + sim.bot().username() + " now");

        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> events.stream().anyMatch(e -> e instanceof CommandIssued));
        GroupMemberChanged joined =
            events.stream()
                .filter(GroupMemberChanged.class::isInstance)
                .map(GroupMemberChanged.class::cast)
                .filter(e -> e.user().id().value() == alice.id())
                .findFirst()
                .orElseThrow();
        assertThat(joined.before().status()).isIn(MemberStatus.LEFT, MemberStatus.KICKED);
        assertThat(joined.after().status()).isEqualTo(MemberStatus.MEMBER);
        MessagePosted hello =
            events.stream()
                .filter(MessagePosted.class::isInstance)
                .map(MessagePosted.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(hello.sender()).isInstanceOf(Sender.User.class);
        CommandIssued status =
            events.stream()
                .filter(CommandIssued.class::isInstance)
                .map(CommandIssued.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(status.name()).isEqualTo("status");
        assertThat(status.addressee()).contains(sim.bot().username());
        assertThat(status.args()).containsExactly("now");
        assertThat(status.sender()).isInstanceOf(Sender.AnonymousAdmin.class);

        // The bot mutes Alice and prompts; she presses the callback button.
        api.restrict(GroupId.of(group.id()), UserId.of(alice.id()));
        assertThat(group.isMuted(alice)).isTrue();
        MessageId prompt =
            api.send(
                dev.gmbot.port.model.ChatId.of(group.id()),
                OutgoingMessage.text("Alice, join and verify")
                    .withKeyboard(
                        List.of(List.of(new Button.Callback("Verify", "verify:" + alice.id())))));
        SimMessage promptMessage =
            group.botMessages().stream().filter(SimMessage::hasKeyboard).findFirst().orElseThrow();
        String queryId = alice.presses(promptMessage, "Verify");
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> events.stream().anyMatch(e -> e instanceof ButtonPressed));
        ButtonPressed pressed =
            events.stream()
                .filter(ButtonPressed.class::isInstance)
                .map(ButtonPressed.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(pressed.callbackQueryId()).isEqualTo(queryId);
        assertThat(pressed.data()).isEqualTo("verify:" + alice.id());
        assertThat(pressed.message()).contains(prompt);
        api.answerCallback(dev.gmbot.port.model.CallbackAnswer.toast(queryId, "Verified"));
        api.lift(GroupId.of(group.id()), UserId.of(alice.id()));
        assertThat(group.isMuted(alice)).isFalse();
        assertThat(sim.callbackAnswer(queryId)).contains("Verified");

        await().atMost(Duration.ofSeconds(10)).until(() -> sim.pendingUpdateCount() == 0);
      } finally {
        poller.close();
      }
      assertThat(poller.isRunning()).isFalse();
    }
  }

  @Test
  void webhookManagementRoundTrip() {
    try (TelegramSimulator sim = TelegramSimulator.start();
        TelegramBotApiClient client = clientFor(sim)) {
      TelegramWebhooks webhooks = new TelegramWebhooks(client);
      assertThat(webhooks.getWebhookInfo().isSet()).isFalse();
      webhooks.setWebhook(
          WebhookSettings.of(URI.create("https://bot.example.org/webhook"), "secret_1"));
      WebhookInfo info = webhooks.getWebhookInfo();
      assertThat(info.url()).contains("https://bot.example.org/webhook");
      assertThat(info.allowedUpdates()).containsAll(TelegramUpdateDecoder.ALLOWED_UPDATES);
      webhooks.deleteWebhook(true);
      assertThat(webhooks.getWebhookInfo().isSet()).isFalse();
    } catch (FloodWaitException e) {
      throw new AssertionError("setWebhook flood control hit in a three-call test", e);
    }
  }
}
