package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.Prompt;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.testkit.fake.FakeTelegram.SentMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RaidAndPromptTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();

  @Test
  void raidOfTwoHundredJoinsInAMinuteRestrictsAllWithOneStandingPrompt() {
    for (int i = 0; i < 200; i++) {
      world.handle(world.joins(GROUP, UserRef.of(1000 + i, "Raider" + i)));
      world.clock.advance(Duration.ofMillis(300));
    }

    assertThat(world.mutes()).isEqualTo(200);
    assertThat(world.sentTo(GROUP.id())).isLessThanOrEqualTo(20).isEqualTo(1);
    // One edit per 15 s at most: the minute of the raid allows 4 (plus the first send).
    assertThat(world.telegram.count("editMessageText")).isLessThanOrEqualTo(4).isEqualTo(3);
    Prompt standing =
        world.repos.prompts().newestOpen(GROUP.groupId(), world.clock.instant()).orElseThrow();
    assertThat(standing.users()).hasSize(200);

    world.guard.sweepPrompts();

    SentMessage shown = world.telegram.message(GROUP.id(), standing.message()).orElseThrow();
    assertThat(shown.message().text()).contains("and 190 others");
    assertThat(shown.message().keyboard().get(1))
        .containsExactly(new Button.Callback("✅ I joined - verify", "verify:any"));
    assertThat(world.telegram.count("editMessageText")).isEqualTo(4);
  }

  @Test
  void promptsAreMergedIntoTheStandingPromptWithAllNames() {
    world.handle(world.joins(GROUP, ALICE));
    world.clock.advance(Duration.ofSeconds(20));
    world.handle(world.joins(GROUP, BOB));

    assertThat(world.sentTo(GROUP.id())).isEqualTo(1);
    SentMessage prompt = world.telegram.messagesIn(GROUP.id()).get(0);
    assertThat(prompt.message().text()).contains("Alice, Bob");
  }

  @Test
  void verifiedUserIsTakenOffAMergedPromptAndTheLastOneDeletesIt() {
    world.handle(world.joins(GROUP, ALICE));
    world.handle(world.joins(GROUP, BOB));
    MessageId message = world.repos.prompts().naming(GROUP.groupId(), ALICE.id()).get(0).message();
    world.subscribe(ALICE, CHANNEL).subscribe(BOB, CHANNEL);
    world.clock.advance(Duration.ofSeconds(20));

    world.handle(world.presses(ALICE, "verify:any", Optional.of(message)));
    assertThat(world.telegram.message(GROUP.id(), message).orElseThrow().message().text())
        .doesNotContain("Alice")
        .contains("Bob");

    world.handle(world.presses(BOB, "verify:any", Optional.of(message)));
    assertThat(world.telegram.messagesIn(GROUP.id())).isEmpty();
    assertThat(world.repos.prompts().find(GROUP.groupId(), message)).isEmpty();
  }

  @Test
  void sweepDeletesExpiredPrompts() {
    world.handle(world.joins(GROUP, ALICE));
    world.clock.advance(Duration.ofMinutes(11));

    List<String> effects = world.guard.sweepPrompts();

    assertThat(effects).singleElement().asString().contains("expired prompt");
    assertThat(world.telegram.messagesIn(GROUP.id())).isEmpty();
    assertThat(world.repos.prompts().expired(world.clock.instant(), 10)).isEmpty();
  }

  @Test
  void aNewPromptIsPostedOnceTheStandingOneExpired() {
    world.handle(world.joins(GROUP, ALICE));
    world.clock.advance(Duration.ofMinutes(11));
    world.guard.sweepPrompts();

    world.handle(world.joins(GROUP, BOB));

    assertThat(world.sentTo(GROUP.id())).isEqualTo(2);
    assertThat(world.telegram.messagesIn(GROUP.id())).hasSize(1);
  }
}
