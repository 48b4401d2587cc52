package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.Conversation;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.StorageUnavailableException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ConversationRepository} must have (see the port's javadoc). */
public abstract class ConversationRepositoryContract {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

  /** The repository under test; {@link #newRepository()} is called before each test. */
  protected ConversationRepository conversations;

  /** A fresh, empty repository. */
  protected abstract ConversationRepository newRepository();

  /** A repository whose storage cannot be reached: every operation fails. */
  protected abstract ConversationRepository newUnavailableRepository();

  @BeforeEach
  final void openRepository() {
    conversations = newRepository();
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static UserId user(long n) {
    return UserId.of(n);
  }

  private static GroupId group(long n) {
    return GroupId.of(-1_001_000_000_000L - n);
  }

  private static Conversation waiting(long user, long group, String subject, long until) {
    return new Conversation(user(user), group(group), subject, Optional.empty(), at(until));
  }

  @Test
  void aSavedConversationIsFoundUntilItExpires() {
    Conversation c = waiting(1, 1, "prompt_text", 60);
    conversations.save(c);

    assertThat(conversations.find(user(1), at(0))).contains(c);
    assertThat(conversations.find(user(1), at(59))).contains(c);
    assertThat(conversations.find(user(1), at(60))).isEmpty();
    assertThat(conversations.find(user(2), at(0))).isEmpty();
  }

  @Test
  void aPersonHasOneConversationTheLastSaved() {
    conversations.save(waiting(1, 1, "prompt_text", 60));
    Conversation later =
        waiting(1, 2, "verify_text", 120).withDraft("✅ Я подписался — \"проверить\"", at(300));
    conversations.save(later);

    assertThat(conversations.find(user(1), at(1))).contains(later);
    assertThat(conversations.find(user(1), at(1)).orElseThrow().draft())
        .contains("✅ Я подписался — \"проверить\"");
  }

  @Test
  void aLongDraftIsKeptWhole() {
    String text = "x".repeat(Conversation.MAX_DRAFT - 1) + "é";
    Conversation c = waiting(1, 1, "prompt_text", 60).withDraft(text, at(60));
    conversations.save(c);

    assertThat(conversations.find(user(1), at(0)).orElseThrow().draft()).contains(text);
  }

  @Test
  void endingForgetsOnlyThatPersonsConversation() {
    conversations.save(waiting(1, 1, "prompt_text", 60));
    conversations.save(waiting(2, 1, "join_text", 60));

    conversations.end(user(1));
    conversations.end(user(3));

    assertThat(conversations.find(user(1), at(0))).isEmpty();
    assertThat(conversations.find(user(2), at(0))).isPresent();
  }

  @Test
  void purgeDeletesTheExpiredOnes() {
    conversations.save(waiting(1, 1, "prompt_text", 10));
    conversations.save(waiting(2, 1, "prompt_text", 20));
    conversations.save(waiting(3, 1, "prompt_text", 30));

    assertThat(conversations.purgeExpired(at(20))).isEqualTo(2);
    assertThat(conversations.find(user(3), at(0))).isPresent();
    assertThat(conversations.purgeExpired(at(20))).isZero();
  }

  @Test
  void rememberedGroupsComeMostRecentlyOpenedFirstOncePerGroup() {
    conversations.rememberGroup(user(1), group(1), at(1));
    conversations.rememberGroup(user(1), group(2), at(2));
    conversations.rememberGroup(user(1), group(3), at(3));
    conversations.rememberGroup(user(1), group(1), at(4));
    conversations.rememberGroup(user(2), group(9), at(1));

    assertThat(conversations.rememberedGroups(user(1)))
        .containsExactly(group(1), group(3), group(2));
    assertThat(conversations.rememberedGroups(user(2))).containsExactly(group(9));
    assertThat(conversations.rememberedGroups(user(3))).isEmpty();
  }

  @Test
  void aForgottenGroupIsNoLongerListed() {
    conversations.rememberGroup(user(1), group(1), at(1));
    conversations.rememberGroup(user(1), group(2), at(2));
    conversations.rememberGroup(user(2), group(1), at(2));

    conversations.forgetGroup(user(1), group(1));
    conversations.forgetGroup(user(1), group(7));

    assertThat(conversations.rememberedGroups(user(1))).containsExactly(group(2));
    assertThat(conversations.rememberedGroups(user(2))).containsExactly(group(1));
  }

  @Test
  void aStoreThatIsDownFailsWithStorageUnavailable() {
    ConversationRepository down = newUnavailableRepository();

    assertThatThrownBy(() -> down.save(waiting(1, 1, "prompt_text", 60)))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.find(user(1), at(0)))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.end(user(1))).isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.purgeExpired(at(0)))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.rememberGroup(user(1), group(1), at(0)))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.rememberedGroups(user(1)))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.forgetGroup(user(1), group(1)))
        .isInstanceOf(StorageUnavailableException.class);
  }
}
