package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.NotifyOwner;
import dev.gmbot.domain.protection.Decision.PauseGroup;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.out.ChatAccessException.Problem;
import dev.gmbot.testkit.fake.InMemoryRepositories;
import dev.gmbot.testkit.fake.MutableClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The policy alone: a refusal and the stored group in, decisions out; nothing is changed. */
class BrokenGroupPolicyTest {
  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final InMemoryRepositories repos = new InMemoryRepositories();
  private final BrokenGroupPolicy policy = new BrokenGroupPolicy(repos.groups());

  BrokenGroupPolicyTest() {
    repos
        .groups()
        .protect(
            GROUP.groupId(),
            GROUP.title(),
            new Owner(OWNER.id(), OWNER.username(), true),
            List.of(GuardFixture.news()),
            clock.instant());
  }

  @Test
  void missingRightsPauseTheGroupAndTellTheOwnerWhichRightIsNeeded() {
    List<Decision> decisions =
        policy.onEnforcementRefused(
            GROUP.groupId(),
            Problem.NOT_ENOUGH_RIGHTS,
            "Bad Request: not enough rights to restrict/unrestrict chat member");

    assertThat(decisions)
        .containsExactly(
            new PauseGroup(
                GROUP.groupId(),
                new PauseReason(
                    PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS,
                    Optional.empty(),
                    "NOT_ENOUGH_RIGHTS: Bad Request: not enough rights to restrict/unrestrict chat"
                        + " member")),
            new NotifyOwner(
                GROUP.groupId(),
                "⚠️ WARNING: I can't protect “Fans” any more: I need to be an admin there with the rights"
                    + " to restrict members.\nProtection is temporarily disabled.\n\nPlease fix my admin"
                    + " rights; protection resumes by itself (or run /reactivate)."));
  }

  @Test
  void aBotThatIsNoLongerInTheGroupPausesItAsRemoved() {
    for (Problem problem :
        List.of(Problem.BOT_NOT_MEMBER, Problem.BOT_KICKED, Problem.CHAT_NOT_FOUND)) {
      List<Decision> decisions =
          policy.onEnforcementRefused(GROUP.groupId(), problem, "Forbidden: bot was kicked");

      assertThat(decisions).hasSize(2);
      assertThat(decisions.get(0))
          .isInstanceOfSatisfying(
              PauseGroup.class,
              p -> {
                assertThat(p.reason().kind()).isEqualTo(PauseReason.Kind.BOT_REMOVED_FROM_GROUP);
                assertThat(p.reason().detail()).isEqualTo(problem + ": Forbidden: bot was kicked");
              });
      assertThat(decisions.get(1))
          .isEqualTo(
              new NotifyOwner(
                  GROUP.groupId(),
                  "⚠️ I was removed from “Fans”. Protection there is off until you add me back as admin"
                      + " and run /reactivate."));
    }
  }

  @Test
  void aBasicGroupIsPausedWithTheAdviceToUpgradeIt() {
    List<Decision> decisions =
        policy.onEnforcementRefused(
            GROUP.groupId(),
            Problem.NOT_A_SUPERGROUP,
            "Bad Request: method is available only for supergroups");

    assertThat(decisions)
        .containsExactly(
            new PauseGroup(
                GROUP.groupId(),
                new PauseReason(
                    PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS,
                    Optional.empty(),
                    "the group is not a supergroup")),
            new NotifyOwner(
                GROUP.groupId(),
                "⚠️ “Fans” is a basic group: I can only mute members in supergroups. Protection is paused;"
                    + " upgrade the group to a supergroup, then run /reactivate."));
    assertThat(
            "⚠️ “Fans” is a basic group: I can only mute members in supergroups. Protection is paused;"
                + " upgrade the group to a supergroup, then run /reactivate.")
        .startsWith("⚠️ “Fans” is a basic group")
        .contains("/reactivate");
  }

  @Test
  void anAlreadyPausedGroupIsPausedOnlyOnce() {
    repos
        .groups()
        .pause(
            GROUP.groupId(),
            new PauseReason(PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS, Optional.empty(), "earlier"),
            clock.instant());

    List<Decision> decisions =
        policy.onEnforcementRefused(GROUP.groupId(), Problem.NOT_ENOUGH_RIGHTS, "again");

    assertThat(decisions)
        .containsExactly(new Note("cannot enforce in " + GROUP.groupId() + ": NOT_ENOUGH_RIGHTS"));
  }

  @Test
  void aGroupGmbotDoesNotKnowIsNotPaused() {
    List<Decision> decisions =
        policy.onEnforcementRefused(
            GuardFixture.OTHER_GROUP.groupId(), Problem.BOT_KICKED, "Forbidden");

    assertThat(decisions).singleElement().isInstanceOf(Note.class);
    assertThat(repos.groups().find(GROUP.groupId()).orElseThrow().isActive()).isTrue();
  }
}
