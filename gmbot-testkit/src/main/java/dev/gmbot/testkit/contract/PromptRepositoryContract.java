package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.Prompt;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.PromptRepository;
import dev.gmbot.port.out.StorageUnavailableException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link PromptRepository} must have (see the port's javadoc). */
public abstract class PromptRepositoryContract extends RepositoryContractSupport {

  private PromptRepository prompts() {
    return store.prompts();
  }

  private static Prompt prompt(GroupId g, long message, Set<UserId> users, long posted, long ttl) {
    return new Prompt(g, MessageId.of(message), users, at(posted), at(posted + ttl));
  }

  @Test
  void savedPromptIsFoundWithItsUsers() {
    Prompt p = prompt(group(1), 10, Set.of(user(1), user(2)), 0, 60);

    prompts().save(p);

    assertThat(prompts().find(group(1), MessageId.of(10))).contains(p);
    assertThat(prompts().find(group(1), MessageId.of(11))).isEmpty();
  }

  @Test
  void saveReplacesUsersAndExpiry() {
    prompts().save(prompt(group(1), 10, Set.of(user(1), user(2)), 0, 60));
    Prompt replaced = prompt(group(1), 10, Set.of(user(2), user(3)), 0, 120);

    prompts().save(replaced);

    assertThat(prompts().find(group(1), MessageId.of(10))).contains(replaced);
    assertThat(prompts().naming(group(1), user(1))).isEmpty();
  }

  @Test
  void newestOpenIsTheLatestPromptNotYetExpired() {
    prompts().save(prompt(group(1), 10, Set.of(user(1)), 0, 600));
    prompts().save(prompt(group(1), 11, Set.of(user(2)), 100, 600));
    prompts().save(prompt(group(1), 12, Set.of(user(3)), 200, 10));
    prompts().save(prompt(group(2), 13, Set.of(user(4)), 300, 600));

    assertThat(prompts().newestOpen(group(1), at(250)).map(Prompt::message))
        .contains(MessageId.of(11));
    assertThat(prompts().newestOpen(group(1), at(205)).map(Prompt::message))
        .contains(MessageId.of(12));
    assertThat(prompts().newestOpen(group(1), at(210)).map(Prompt::message))
        .as("a prompt expiring exactly now is no longer open")
        .contains(MessageId.of(11));
    assertThat(prompts().newestOpen(group(1), at(5000))).isEmpty();
    assertThat(prompts().newestOpen(group(3), at(0))).isEmpty();
  }

  @Test
  void newestOpenMessageIsTheNewestOpenPromptsMessage() {
    prompts().save(prompt(group(1), 10, Set.of(user(1)), 0, 600));
    prompts().save(prompt(group(1), 11, Set.of(user(2)), 100, 600));
    prompts().save(prompt(group(1), 12, Set.of(user(3)), 200, 10));

    assertThat(prompts().newestOpenMessage(group(1), at(250))).contains(MessageId.of(11));
    assertThat(prompts().newestOpenMessage(group(1), at(205))).contains(MessageId.of(12));
    assertThat(prompts().newestOpenMessage(group(1), at(5000))).isEmpty();
    assertThat(prompts().newestOpenMessage(group(3), at(0))).isEmpty();
  }

  @Test
  void addUserNamesOneMoreUserAndMovesTheExpiry() {
    prompts().save(prompt(group(1), 10, Set.of(user(1), user(2)), 0, 60));
    prompts().save(prompt(group(2), 10, Set.of(user(1)), 0, 60));

    assertThat(prompts().addUser(group(1), MessageId.of(10), user(3), at(500))).isTrue();
    assertThat(prompts().addUser(group(1), MessageId.of(10), user(3), at(600)))
        .as("naming a user twice")
        .isTrue();

    assertThat(prompts().find(group(1), MessageId.of(10)))
        .contains(prompt(group(1), 10, Set.of(user(1), user(2), user(3)), 0, 600));
    assertThat(prompts().naming(group(1), user(3))).hasSize(1);
    assertThat(prompts().find(group(2), MessageId.of(10)).orElseThrow().users())
        .as("the other group's prompt with the same message id")
        .containsExactly(user(1));
  }

  @Test
  void addUserToAPromptThatIsGoneIsFalse() {
    assertThat(prompts().addUser(group(1), MessageId.of(10), user(3), at(500))).isFalse();
    prompts().save(prompt(group(1), 10, Set.of(user(1)), 0, 60));
    prompts().delete(group(1), MessageId.of(10));

    assertThat(prompts().addUser(group(1), MessageId.of(10), user(3), at(500))).isFalse();
    assertThat(prompts().naming(group(1), user(3))).isEmpty();
  }

  @Test
  void namingFindsTheGroupsPromptsThatNameTheUser() {
    Prompt first = prompt(group(1), 10, Set.of(user(1), user(2)), 0, 60);
    Prompt second = prompt(group(1), 11, Set.of(user(1)), 30, 60);
    prompts().save(second);
    prompts().save(first);
    prompts().save(prompt(group(1), 12, Set.of(user(2)), 40, 60));
    prompts().save(prompt(group(2), 10, Set.of(user(1)), 0, 60));

    assertThat(prompts().naming(group(1), user(1))).containsExactly(first, second);
    assertThat(prompts().naming(group(1), user(9))).isEmpty();
  }

  @Test
  void deleteRemovesOnlyThatPrompt() {
    prompts().save(prompt(group(1), 10, Set.of(user(1)), 0, 60));
    prompts().save(prompt(group(2), 10, Set.of(user(1)), 0, 60));

    prompts().delete(group(1), MessageId.of(10));
    prompts().delete(group(1), MessageId.of(99));

    assertThat(prompts().find(group(1), MessageId.of(10))).isEmpty();
    assertThat(prompts().naming(group(1), user(1))).isEmpty();
    assertThat(prompts().find(group(2), MessageId.of(10))).isPresent();
  }

  @Test
  void expiredListsPromptsOfEveryGroupOldestExpiryFirst() {
    prompts().save(prompt(group(1), 10, Set.of(user(1)), 0, 30));
    prompts().save(prompt(group(2), 11, Set.of(user(2)), 0, 10));
    prompts().save(prompt(group(1), 12, Set.of(user(3)), 0, 20));
    prompts().save(prompt(group(1), 13, Set.of(user(4)), 0, 500));

    assertThat(prompts().expired(at(30), 10))
        .extracting(Prompt::message)
        .containsExactly(MessageId.of(11), MessageId.of(12), MessageId.of(10));
    assertThat(prompts().expired(at(30), 2))
        .extracting(Prompt::message)
        .containsExactly(MessageId.of(11), MessageId.of(12));
    assertThat(prompts().expired(at(5), 10)).isEmpty();
  }

  @Test
  void theSameMessageIdInTwoGroupsIsTwoPrompts() {
    Prompt a = prompt(group(1), 10, Set.of(user(1)), 0, 60);
    Prompt b = prompt(group(2), 10, Set.of(user(2)), 5, 60);
    prompts().save(a);
    prompts().save(b);

    prompts().save(prompt(group(1), 10, Set.of(user(3)), 0, 90));

    assertThat(prompts().find(group(2), MessageId.of(10))).contains(b);
  }

  @Test
  void reserveIsACompareAndSetPerGroup() {
    assertThat(prompts().reserve(group(1), at(0), at(30))).isTrue();
    assertThat(prompts().reserve(group(1), at(1), at(31))).as("held by the first").isFalse();
    assertThat(prompts().reserve(group(2), at(1), at(31))).as("another group").isTrue();
    assertThat(prompts().reserve(group(1), at(30), at(60))).as("expired").isTrue();
  }

  @Test
  void usersWhoJoinedTheReservationAreNamedByThePostedPrompt() {
    prompts().reserve(group(1), at(0), at(30));
    assertThat(prompts().joinReservation(group(1), user(2), at(1))).isTrue();
    assertThat(prompts().joinReservation(group(1), user(3), at(2))).isTrue();
    assertThat(prompts().joinReservation(group(1), user(3), at(2))).as("joined twice").isTrue();

    Prompt stored = prompts().posted(group(1), at(0), prompt(group(1), 10, Set.of(user(1)), 3, 60));

    assertThat(stored.users()).containsExactlyInAnyOrder(user(1), user(2), user(3));
    assertThat(prompts().find(group(1), MessageId.of(10))).contains(stored);
    assertThat(prompts().newestOpen(group(1), at(4))).contains(stored);
    assertThat(prompts().joinReservation(group(1), user(4), at(5)))
        .as("posted: no reservation to join any more")
        .isFalse();
    assertThat(prompts().reserve(group(1), at(5), at(35))).isTrue();
  }

  @Test
  void aReservationIsNoPrompt() {
    prompts().reserve(group(1), at(0), at(30));
    prompts().joinReservation(group(1), user(2), at(1));

    assertThat(prompts().newestOpen(group(1), at(1))).isEmpty();
    assertThat(prompts().naming(group(1), user(2))).isEmpty();
    assertThat(prompts().expired(at(1000), 10)).isEmpty();
    assertThat(prompts().joinReservation(group(1), user(3), at(30))).as("expired").isFalse();
  }

  @Test
  void theNextHolderOfAReleasedReservationInheritsItsUsers() {
    prompts().reserve(group(1), at(0), at(30));
    prompts().joinReservation(group(1), user(2), at(1));

    prompts().release(group(1), at(0));

    assertThat(prompts().joinReservation(group(1), user(5), at(2))).isFalse();
    assertThat(prompts().reserve(group(1), at(2), at(32))).isTrue();
    Prompt stored = prompts().posted(group(1), at(2), prompt(group(1), 11, Set.of(user(3)), 3, 60));
    assertThat(stored.users()).containsExactlyInAnyOrder(user(2), user(3));
  }

  @Test
  void aPromptPostedUnderALostReservationIsSavedAloneAndLeavesTheNewHolding() {
    prompts().reserve(group(1), at(0), at(30));
    prompts().reserve(group(1), at(40), at(70));
    prompts().joinReservation(group(1), user(2), at(41));

    Prompt late = prompt(group(1), 12, Set.of(user(1)), 42, 60);
    assertThat(prompts().posted(group(1), at(0), late)).isEqualTo(late);

    assertThat(prompts().reserve(group(1), at(43), at(73))).as("still held").isFalse();
    assertThat(prompts().joinReservation(group(1), user(3), at(43))).isTrue();
  }

  @Test
  void aPromptPostedAfterAMigrationLivesInTheNewGroup() {
    prompts().reserve(group(1), at(0), at(30));
    prompts().joinReservation(group(1), user(2), at(1));

    Prompt stored = prompts().posted(group(1), at(0), prompt(group(2), 13, Set.of(user(1)), 2, 60));

    assertThat(stored.group()).isEqualTo(group(2));
    assertThat(stored.users()).containsExactlyInAnyOrder(user(1), user(2));
    assertThat(prompts().find(group(2), MessageId.of(13))).contains(stored);
    assertThat(prompts().reserve(group(1), at(3), at(33))).isTrue();
  }

  @Test
  void aStoreThatIsDownFailsWithStorageUnavailable() {
    PromptRepository down = newUnavailableStore().prompts();

    assertThatThrownBy(() -> down.save(prompt(group(1), 10, Set.of(user(1)), 0, 60)))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.expired(at(0), 10))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.joinReservation(group(1), user(1), at(0)))
        .isInstanceOf(StorageUnavailableException.class);
  }
}
