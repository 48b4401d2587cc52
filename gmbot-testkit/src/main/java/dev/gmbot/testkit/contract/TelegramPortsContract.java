package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.BotIdentity;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.ChatMessaging;
import dev.gmbot.port.out.ChatModeration;
import dev.gmbot.port.out.MembershipLookup;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the Telegram-facing ports promises: the in-memory fake and the real
 * client (against the Bot API simulator) both extend this.
 */
public abstract class TelegramPortsContract {
  /** The ports under test, and the world behind them. */
  public record Subject(
      TelegramWorld world,
      MembershipLookup lookup,
      ChatModeration moderation,
      ChatMessaging messaging,
      ChatDirectory directory,
      BotIdentity identity) {}

  protected abstract Subject newSubject();

  private Subject s;

  @BeforeEach
  void setUpSubject() {
    s = newSubject();
  }

  @Test
  void identifiesTheBot() {
    assertThat(s.identity().me()).isEqualTo(s.world().bot());
  }

  @Test
  void aUserWhoNeverJoinedIsLeftNotAnError() {
    ChannelId channel = s.world().publicChannel("contract_news");
    UserRef alice = s.world().user("Alice");

    ChatMember member = s.lookup().getChatMember(channel.chat(), alice.id());

    assertThat(member.status()).isEqualTo(MemberStatus.LEFT);
    assertThat(member.isSubscribed()).isFalse();
  }

  @Test
  void aSubscriberIsAMember() {
    ChannelId channel = s.world().publicChannel("contract_daily");
    UserRef bob = s.world().user("Bob");
    s.world().subscribe(channel, bob);

    ChatMember member = s.lookup().getChatMember(channel.chat(), bob.id());

    assertThat(member.status()).isEqualTo(MemberStatus.MEMBER);
    assertThat(member.isSubscribed()).isTrue();
    assertThat(member.user().id()).isEqualTo(bob.id());
  }

  @Test
  void anUnknownChatCannotBeChecked() {
    UserRef carol = s.world().user("Carol");

    assertThatThrownBy(() -> s.lookup().getChatMember(new ChatId(-1009999999999L), carol.id()))
        .isInstanceOfSatisfying(
            ChatAccessException.class,
            e -> assertThat(e.problem()).isEqualTo(ChatAccessException.Problem.CHAT_NOT_FOUND));
  }

  @Test
  void restrictMutesAMemberWhoStaysInTheGroupAndLiftFreesThem() {
    GroupId group = s.world().supergroup("Contract group");
    UserRef dave = s.world().user("Dave");
    s.world().join(group, dave);

    s.moderation().restrict(group, dave.id());
    ChatMember muted = s.lookup().getChatMember(group.chat(), dave.id());
    s.moderation().lift(group, dave.id());
    ChatMember freed = s.lookup().getChatMember(group.chat(), dave.id());

    assertThat(muted.status()).isEqualTo(MemberStatus.RESTRICTED);
    assertThat(muted.isMember()).isTrue();
    assertThat(freed.status()).isEqualTo(MemberStatus.MEMBER);
  }

  @Test
  void administratorsIncludeTheCreatorAndTheBot() {
    GroupId group = s.world().supergroup("Admins group");

    List<ChatMember> admins = s.directory().getAdministrators(group.chat());

    assertThat(admins)
        .extracting(m -> m.user().id())
        .contains(s.world().creatorOf(group).id(), s.world().bot().id());
    assertThat(admins).allSatisfy(m -> assertThat(m.isAdmin()).isTrue());
  }

  @Test
  void resolvesAPublicChannelByUsername() {
    ChannelId channel = s.world().publicChannel("contract_public");

    var info = s.directory().getChat("@contract_public");

    assertThat(info.chat().id()).isEqualTo(channel.chat());
    assertThat(info.chat().type()).isEqualTo(ChatType.CHANNEL);
    assertThat(info.chat().username()).contains("contract_public");
  }

  @Test
  void anUnknownUsernameIsNotFound() {
    assertThatThrownBy(() -> s.directory().getChat("@no_such_channel_here"))
        .isInstanceOfSatisfying(
            ChatAccessException.class,
            e -> assertThat(e.problem()).isEqualTo(ChatAccessException.Problem.CHAT_NOT_FOUND));
  }

  @Test
  void sendsEditsAndDeletesMessagesWithKeyboards() {
    GroupId group = s.world().supergroup("Messages group");
    OutgoingMessage prompt =
        OutgoingMessage.text("Please join")
            .withKeyboard(
                List.of(
                    List.of(new Button.Url("Join", "https://t.me/contract_news")),
                    List.of(new Button.Callback("Verify", "verify:1"))));

    MessageId first = s.messaging().send(group.chat(), prompt);
    MessageId second = s.messaging().send(group.chat(), OutgoingMessage.text("Second"));
    s.messaging().edit(group.chat(), first, OutgoingMessage.text("Edited"));
    s.moderation().deleteMessage(group.chat(), second);

    assertThat(first).isNotEqualTo(second);
  }
}
