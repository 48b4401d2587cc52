package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ADMIN;
import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.TrustedMember;
import dev.gmbot.testkit.fake.FakeTelegram.SentMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The menu's screens for the enforcement rules (the action on non-subscribers, the removal time,
 * the failure policy, the longest hold) and for the trust list, over the group's real settings.
 */
class MenuEnforcementAndTrustTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();
  private final MenuDriver owner = new MenuDriver(world, OWNER);

  private SentMessage openGroupMenu(MenuDriver driver) {
    driver.sends("settings");
    driver.presses(driver.last(), "🛡️ Fans");
    return driver.last();
  }

  private EnforcementRules rules() {
    return world.group(GROUP).settings().enforcement();
  }

  private String answerText() {
    List<CallbackAnswer> answers = world.telegram.callbackAnswers();
    return answers.get(answers.size() - 1).text().orElse("");
  }

  private GroupId group() {
    return GROUP.groupId();
  }

  @Test
  void theGroupScreenNamesTheActionAndTheFailurePolicyAndLeadsToTheTrustList() {
    openGroupMenu(owner);

    assertThat(MenuDriver.labels(owner.last()))
        .contains(
            "🛡️ Non-subscribers: muted", "⚠️ If I can't check: let through", "🤝 Trusted members");
  }

  @Test
  void theActionIsChosenAndTheRemovalTimeOfferedOnlyForMuteThenRemove() {
    openGroupMenu(owner);
    owner.presses(owner.last(), "🛡️ Non-subscribers: muted");

    assertThat(owner.lastText()).contains("now: muted");
    assertThat(MenuDriver.labels(owner.last()))
        .containsExactly("• muted", "messages deleted", "muted, then removed", "⬅️ Back");

    owner.presses(owner.last(), "muted, then removed");

    assertThat(rules().action()).isEqualTo(EnforcementRules.Action.MUTE_THEN_REMOVE);
    assertThat(answerText()).contains("Saved");
    assertThat(MenuDriver.labels(owner.last()))
        .contains("• muted, then removed", "🚪 remove after 6 hours", "• 🚪 remove after 24 hours");

    owner.presses(owner.last(), "🚪 remove after 6 hours");

    assertThat(rules().removeAfter()).isEqualTo(Duration.ofHours(6));
    assertThat(rules().action()).isEqualTo(EnforcementRules.Action.MUTE_THEN_REMOVE);
    assertThat(owner.lastText()).contains("after 6 hours");

    owner.presses(owner.last(), "messages deleted");

    assertThat(rules().action()).isEqualTo(EnforcementRules.Action.DELETE);
    assertThat(MenuDriver.labels(owner.last())).noneMatch(l -> l.contains("remove after"));
    owner.presses(owner.last(), "⬅️ Back");
    assertThat(MenuDriver.labels(owner.last())).contains("🛡️ Non-subscribers: messages deleted");
  }

  @Test
  void theFailurePolicyIsChosenAndTheHoldLimitOfferedOnlyForHold() {
    openGroupMenu(owner);
    owner.presses(owner.last(), "⚠️ If I can't check: let through");

    assertThat(MenuDriver.labels(owner.last())).containsExactly("• let through", "held", "⬅️ Back");

    owner.presses(owner.last(), "held");

    assertThat(rules().onCheckFailure()).isEqualTo(EnforcementRules.CheckFailure.HOLD);
    assertThat(MenuDriver.labels(owner.last()))
        .contains("• held", "• ⏳ hold at most 10 minutes", "⏳ hold at most 1 hour");

    owner.presses(owner.last(), "⏳ hold at most 1 hour");

    assertThat(rules().holdLimit()).isEqualTo(Duration.ofHours(1));
    assertThat(owner.lastText()).contains("never held longer than 1 hour");
  }

  @Test
  void aForgedDurationOutOfRangeChangesNothing() {
    SentMessage menu = openGroupMenu(owner);
    String forged =
        MenuCallback.of(
                MenuCallback.Action.SET_HOLD_LIMIT, group(), MenuCallback.number(3 * 86_400))
            .encode();

    world.handle(owner.pressData(menu, forged));

    assertThat(rules().holdLimit()).isEqualTo(EnforcementRules.DEFAULTS.holdLimit());
    assertThat(answerText()).isNotEmpty();
  }

  @Test
  void theTrustListShowsTheTrustedAndAPressChecksOneAgain() {
    world.handle(world.commandReplying(GROUP, ADMIN, ALICE, "trust"));
    world.handle(world.commandReplying(GROUP, ADMIN, BOB, "trust"));
    openGroupMenu(owner);

    owner.presses(owner.last(), "🤝 Trusted members");

    assertThat(owner.lastText()).startsWith("🤝 Trusted members of Fans (2)");
    assertThat(MenuDriver.labels(owner.last())).contains("✖ @alice", "✖ @bob", "⬅️ Back");

    owner.presses(owner.last(), "✖ @alice");

    assertThat(world.repos.trustList().isTrusted(group(), ALICE.id())).isFalse();
    assertThat(world.repos.trustList().isTrusted(group(), BOB.id())).isTrue();
    assertThat(answerText()).isEqualTo("@alice is checked again");
    assertThat(owner.lastText()).startsWith("🤝 Trusted members of Fans (1)");
    assertThat(MenuDriver.labels(owner.last())).doesNotContain("✖ @alice").contains("✖ @bob");
    assertThat(world.repos.audit().page(group(), 0, 20).entries())
        .anyMatch(e -> e.action() == AuditEntry.Action.UNTRUSTED);
  }

  @Test
  void anEmptyTrustListSaysHowToAddSomeone() {
    openGroupMenu(owner);

    owner.presses(owner.last(), "🤝 Trusted members");

    assertThat(owner.lastText()).startsWith("🤝 Nobody is trusted in Fans.").contains("/trust");
  }

  @Test
  void anOldTrustListButtonOfSomeoneAlreadyUntrustedOnlyShowsTheListAgain() {
    world.handle(world.commandReplying(GROUP, ADMIN, ALICE, "trust"));
    openGroupMenu(owner);
    owner.presses(owner.last(), "🤝 Trusted members");
    SentMessage list = owner.last();
    world.handle(world.commandReplying(GROUP, ADMIN, ALICE, "untrust"));
    long untrustedBefore = untrustedEntries();

    owner.presses(list, "✖ @alice");

    assertThat(untrustedEntries()).isEqualTo(untrustedBefore);
    assertThat(owner.lastText()).startsWith("🤝 Nobody is trusted in Fans.");
  }

  @Test
  void aMemberWhoIsNoLongerAnAdminCannotTakeSomeoneOffTheList() {
    world
        .repos
        .trustList()
        .trust(new TrustedMember(group(), BOB.id(), "@bob", ADMIN.id(), world.clock.instant()));
    MenuDriver adam = new MenuDriver(world, ADMIN);
    adam.sends("start", new DeepLink(DeepLink.Target.SETTINGS, group()).payload());
    adam.presses(adam.last(), "🤝 Trusted members");
    SentMessage list = adam.last();
    world.telegram.setStatus(GROUP.id(), ADMIN, MemberStatus.MEMBER);

    adam.presses(list, "✖ @bob");

    assertThat(world.repos.trustList().isTrusted(group(), BOB.id())).isTrue();
    assertThat(adam.lastText()).startsWith("⛔ Only admins of Fans");
  }

  private long untrustedEntries() {
    return world.repos.audit().page(group(), 0, 50).entries().stream()
        .filter(e -> e.action() == AuditEntry.Action.UNTRUSTED)
        .count();
  }
}
