package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.in.CommandReply;
import dev.gmbot.port.in.GroupStatusQuery;
import dev.gmbot.port.in.ProtectGroupCommand;
import dev.gmbot.port.in.ReactivateGroupCommand;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.in.UnprotectGroupCommand;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.OutgoingMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin commands as typed use cases: the same checks and texts as in the chat. */
class AdminUseCasesTest {
  private final GuardFixture world = new GuardFixture();
  private final Sender owner = new Sender.User(OWNER);

  @Test
  void protectTurnsProtectionOnAndAnswersWithTheWizardsText() {
    CommandReply reply =
        world.guard.protect(new ProtectGroupCommand(GROUP, owner, List.of("@news")));

    assertThat(reply.replies()).singleElement().asString().contains("🛡️ Protection Activated!");
    assertThat(world.group(GROUP).isActive()).isTrue();
    assertThat(world.telegram.messagesIn(GROUP.id()))
        .extracting(m -> m.message())
        .extracting(OutgoingMessage::replyTo)
        .allSatisfy(replyTo -> assertThat(replyTo).isEmpty());
  }

  @Test
  void protectChecksTheCallerLikeTheChatCommand() {
    CommandReply reply =
        world.guard.protect(
            new ProtectGroupCommand(GROUP, new Sender.User(ALICE), List.of("@news")));

    assertThat(reply.replies()).singleElement().asString().doesNotContain("Activated");
    assertThat(world.repos.groups().find(GROUP.groupId())).isEmpty();
  }

  @Test
  void statusUnprotectAndReactivateWorkOnTheSameGroupOnly() {
    world.protectedGroup();

    CommandReply status = world.guard.status(new GroupStatusQuery(GROUP, owner));
    CommandReply reactivate = world.guard.reactivate(new ReactivateGroupCommand(GROUP, owner));
    CommandReply unprotect = world.guard.unprotect(UnprotectGroupCommand.all(GROUP, owner));

    assertThat(status.replies()).singleElement().asString().contains("@news");
    assertThat(reactivate.replies()).isNotEmpty();
    assertThat(unprotect.replies()).isNotEmpty();
    assertThat(world.group(GROUP).isActive()).isFalse();
    assertThat(world.repos.groups().find(GuardFixture.OTHER_GROUP.groupId())).isEmpty();
  }

  @Test
  void commandRecordsRejectWhatNoChatWouldAccept() {
    ChatRef privateChat = ChatRef.privateChat(OWNER);

    assertThatThrownBy(() -> new ProtectGroupCommand(GROUP, owner, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 10 channels");
    assertThatThrownBy(() -> new ProtectGroupCommand(GROUP, owner, List.of("news")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@username");
    assertThatThrownBy(() -> new ProtectGroupCommand(privateChat, owner, List.of("@news")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PRIVATE");
    assertThatThrownBy(() -> new UnprotectGroupCommand(GROUP, owner, List.of("@x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ProtectGroupCommand(GROUP, owner, List.of("@news", "-1002000000001")).channels())
        .hasSize(2);
  }

  @Test
  void theTypedUseCasesAnswerWithTheChatCommandsTexts() {
    GuardFixture chat = new GuardFixture();
    chat.protectedGroup();
    world.protectedGroup();
    Sender alice = new Sender.User(ALICE);

    List<String> typed =
        List.of(
                world.guard.protect(new ProtectGroupCommand(GROUP, alice, List.of("@extra"))),
                world.guard.unprotect(UnprotectGroupCommand.all(GROUP, alice)),
                world.guard.reactivate(new ReactivateGroupCommand(GROUP, alice)),
                world.guard.status(new GroupStatusQuery(GROUP, alice)),
                world.guard.reactivate(new ReactivateGroupCommand(GROUP, owner)),
                world.guard.unprotect(new UnprotectGroupCommand(GROUP, owner, List.of("@extra"))))
            .stream()
            .map(reply -> reply.replies().get(0))
            .toList();
    List<String> chatted =
        List.of(
                chat.command(GROUP, ALICE, "protect", "@extra"),
                chat.command(GROUP, ALICE, "unprotect"),
                chat.command(GROUP, ALICE, "reactivate"),
                chat.command(GROUP, ALICE, "status"),
                chat.command(GROUP, OWNER, "reactivate"),
                chat.command(GROUP, OWNER, "unprotect", "@extra"))
            .stream()
            .map(
                command -> ((Decision.Reply) chat.guard.decide(command).getLast()).message().text())
            .toList();

    assertThat(typed).isEqualTo(chatted);
    assertThat(typed.get(0)).isEqualTo("❌ Only admins of this group can use this command.");
  }

  @Test
  void theTypedUseCasesTakeTheChannelForms() {
    world.guard.protect(
        new ProtectGroupCommand(GROUP, owner, List.of("https://t.me/news", "t.me/extra")));
    assertThat(world.group(GROUP).channels()).hasSize(2);

    CommandReply reply =
        world.guard.unprotect(new UnprotectGroupCommand(GROUP, owner, List.of("t.me/EXTRA")));

    assertThat(reply.replies()).containsExactly("✅ Done. Still required here: @news.");
    assertThat(world.group(GROUP).channels()).hasSize(1);
  }
}
