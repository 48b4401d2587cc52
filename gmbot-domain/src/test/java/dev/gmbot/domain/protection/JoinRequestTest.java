package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.testkit.fake.FakeTelegram.SentMessage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JoinRequestTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();

  @Test
  void approvesARequesterWhoIsSubscribed() {
    world.subscribe(ALICE, CHANNEL);

    world.handle(world.requestsToJoin(GROUP, ALICE));

    assertThat(world.telegram.calls("approveChatJoinRequest")).hasSize(1);
  }

  @Test
  void asksAgainForARequesterCachedAsNotSubscribedWhoSubscribedMeanwhile() {
    world.membershipCache.put(
        ALICE.id(), CHANNEL.channelId(), false, java.time.Duration.ofMinutes(1));
    world.subscribe(ALICE, CHANNEL);

    world.handle(world.requestsToJoin(GROUP, ALICE));

    assertThat(world.telegram.calls("approveChatJoinRequest")).hasSize(1);
    assertThat(world.telegram.messagesIn(ALICE.id().privateChat())).isEmpty();
  }

  @Test
  void tellsAnUnsubscribedRequesterWhatToJoinAndApprovesOnceTheyHave() {
    world.handle(world.requestsToJoin(GROUP, ALICE));

    assertThat(world.telegram.count("approveChatJoinRequest")).isZero();
    SentMessage dm = world.telegram.messagesIn(ALICE.id().privateChat()).get(0);
    assertThat(dm.message().text()).contains("@news");
    Button.Callback button = (Button.Callback) dm.message().keyboard().get(1).get(0);
    assertThat(button.data()).isEqualTo("join:" + GROUP.id().value());

    world.handle(pressInPrivate(button.data(), dm.id()));
    assertThat(world.telegram.count("approveChatJoinRequest")).isZero();
    assertThat(world.telegram.callbackAnswers().get(0).alert()).isTrue();

    world.subscribe(ALICE, CHANNEL);
    world.handle(pressInPrivate(button.data(), dm.id()));
    assertThat(world.telegram.calls("approveChatJoinRequest")).hasSize(1);
  }

  @Test
  void leavesRequestsOfUnprotectedGroupsToTheirAdmins() {
    world.handle(world.requestsToJoin(GuardFixture.OTHER_GROUP, ALICE));

    assertThat(world.telegram.calls()).isEmpty();
  }

  private ButtonPressed pressInPrivate(String data, MessageId message) {
    return new ButtonPressed(
        world.nextUpdateId(),
        world.clock.instant(),
        "cb-private-" + message + "-" + world.telegram.count("answerCallbackQuery"),
        ALICE,
        Optional.of(ChatRef.privateChat(ALICE)),
        Optional.of(message),
        data);
  }
}
