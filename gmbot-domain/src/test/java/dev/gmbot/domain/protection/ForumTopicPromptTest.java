package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.testkit.fake.FakeTelegram.SentMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * In a forum a prompt about a message goes to that message's topic, a prompt about a join to the
 * group's prompt topic (General unless set), and a standing prompt is shared within one topic only;
 * edits and deletions leave a prompt where it is.
 */
class ForumTopicPromptTest {
  private static final UserRef CAROL = UserRef.of(103, "Carol", "carol");

  private final GuardFixture world = new GuardFixture().protectedGroup();

  private List<SentMessage> prompts() {
    return world.telegram.messagesIn(GROUP.id()).stream().filter(m -> !m.deleted()).toList();
  }

  private void promptTopicIs(Optional<Long> topic) {
    world
        .repos
        .groups()
        .updateSettings(
            GROUP.groupId(),
            world.group(GROUP).settings().withPromptTopic(topic),
            world.clock.instant());
  }

  @Test
  void aMessageInATopicIsAnsweredWithAPromptInThatTopic() {
    promptTopicIs(Optional.of(3L));

    world.handle(world.writesInTopic(GROUP, ALICE, 7));

    assertThat(prompts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message().topic()).contains(7L);
              assertThat(p.message().text()).contains("Alice");
            });
  }

  @Test
  void aJoinIsPromptedInTheGroupsPromptTopicElseInGeneral() {
    world.handle(world.joins(GROUP, ALICE));
    assertThat(prompts()).singleElement().satisfies(p -> assertThat(p.message().topic()).isEmpty());

    world.clock.advance(Duration.ofMinutes(20));
    world.guard.sweepPrompts();
    promptTopicIs(Optional.of(3L));
    world.handle(world.joins(GROUP, BOB));

    assertThat(prompts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message().topic()).contains(3L);
              assertThat(p.message().text()).contains("Bob");
            });
  }

  @Test
  void membersOfOneTopicShareItsPromptAndOtherTopicsGetTheirOwn() {
    world.handle(world.writesInTopic(GROUP, ALICE, 7));
    world.clock.advance(Duration.ofSeconds(20));
    world.handle(world.writesInTopic(GROUP, BOB, 9));
    world.clock.advance(Duration.ofSeconds(20));
    world.handle(world.writesInTopic(GROUP, CAROL, 7));

    assertThat(prompts()).hasSize(2);
    SentMessage seven = prompts().get(0);
    assertThat(seven.message().topic()).contains(7L);
    assertThat(seven.message().text()).contains("Alice, Carol");
    assertThat(prompts().get(1).message().topic()).contains(9L);
    assertThat(prompts().get(1).message().text()).contains("Bob").doesNotContain("Alice");
  }
}
