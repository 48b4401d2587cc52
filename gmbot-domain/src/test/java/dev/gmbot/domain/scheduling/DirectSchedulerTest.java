package dev.gmbot.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.ChatMigratedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The direct scheduler keeps the seam's promise about migrated groups, like the real one. */
class DirectSchedulerTest {
  private static final ChatId OLD = ChatId.of(-4242L);
  private static final ChatId NEW = ChatId.of(-1001234567890L);

  private final DirectScheduler scheduler = new DirectScheduler();
  private final List<ChatId> addressed = new ArrayList<>();

  @Test
  void followsAMigratedGroupOnceAndReportsIt() {
    Delivery<String> delivery =
        scheduler.deliver(
            BotCall.to(OLD, BotMethod.RESTRICT_CHAT_MEMBER, Priority.P1_ENFORCEMENT),
            chat -> {
              addressed.add(chat);
              if (chat.equals(OLD)) {
                throw new ChatMigratedException("restrictChatMember", OLD, NEW);
              }
              return "done";
            });

    assertThat(delivery)
        .isEqualTo(
            Delivery.afterMigration(
                "done", new GroupMigration(GroupId.of(OLD.value()), GroupId.of(NEW.value()))));
    assertThat(addressed).containsExactly(OLD, NEW);
  }

  @Test
  void aSecondMigrationReachesTheCaller() {
    assertThatThrownBy(
            () ->
                scheduler.run(
                    BotCall.to(OLD, BotMethod.SEND_MESSAGE, Priority.P1_ENFORCEMENT),
                    chat -> {
                      addressed.add(chat);
                      throw new ChatMigratedException(
                          "sendMessage", chat, ChatId.of(chat.value() - 1));
                    }))
        .isInstanceOf(ChatMigratedException.class);
    assertThat(addressed).containsExactly(OLD, ChatId.of(-4243L));
  }

  @Test
  void aCallWithoutMigrationReportsNone() {
    assertThat(
            scheduler.run(
                BotCall.to(NEW, BotMethod.DELETE_MESSAGE, Priority.P2_BACKGROUND),
                chat -> addressed.add(chat)))
        .isEmpty();
    assertThat(addressed).containsExactly(NEW);
  }
}
