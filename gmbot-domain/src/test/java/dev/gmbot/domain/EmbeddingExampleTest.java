package dev.gmbot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.in.GroupMemberChanged;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.testkit.fake.FakeTelegram;
import dev.gmbot.testkit.fake.InMemoryAdministratorCache;
import dev.gmbot.testkit.fake.InMemoryMembershipCache;
import dev.gmbot.testkit.fake.InMemoryRepositories;
import dev.gmbot.testkit.fake.InMemoryUpdateLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The example of docs/embedding.md: the domain built by hand, no DI container. */
class EmbeddingExampleTest {

  @Test
  void embedsTheGuardWithoutAContainer() {
    // -- docs/embedding.md, from here --------------------------------------------------------
    Clock clock = Clock.systemUTC();
    FakeTelegram telegram = FakeTelegram.withDefaultBot(); // your Telegram client goes here
    InMemoryRepositories store = new InMemoryRepositories(); // your database goes here
    Guard guard =
        Guard.builder()
            .telegram(telegram) // or .telegram(lookup, directory, moderation, messaging, identity)
            .repositories(
                store.groups(), store.owners(), store.members(), store.prompts(), store.audit())
            .conversations(store.conversations())
            .cache(new InMemoryMembershipCache(clock), new InMemoryAdministratorCache(clock))
            .updateLog(new InMemoryUpdateLog(clock))
            .clock(clock)
            .build(); // scheduler: DirectScheduler unless you pass one

    ChatRef group = ChatRef.group(-1001234567890L, "My group");
    ChatRef channel = ChatRef.channel(-1009876543210L, "My channel", "mychannel");
    telegram.addChat(group).addChat(channel); // the fake's world: both chats exist
    store
        .groups()
        .protect(
            group.groupId(),
            group.title(),
            new Owner(UserRef.of(1, "Owner").id(), Optional.empty(), false),
            List.of(
                new EnforcedChannel(
                    channel.channelId(), "My channel", Optional.of("mychannel"), Optional.empty())),
            Instant.now(clock));

    UserRef alice = UserRef.of(42, "Alice");
    GroupMemberChanged join =
        new GroupMemberChanged(
            1,
            Instant.now(clock),
            group,
            alice,
            ChatMember.of(alice, MemberStatus.LEFT),
            ChatMember.of(alice, MemberStatus.MEMBER));

    List<Decision> decisions = guard.decide(join); // decisions only: act on them yourself, or
    HandlingResult result = guard.handle(join); // let the guard act (deduplicated by update id)
    // -- to here ------------------------------------------------------------------------------

    assertThat(decisions)
        .hasExactlyElementsOfTypes(
            Decision.Count.class, Decision.Restrict.class, Decision.Prompt.class);
    assertThat(result.effects()).anyMatch(line -> line.startsWith("restricted 42"));
    assertThat(telegram.count("restrictChatMember")).isEqualTo(1);
    assertThat(telegram.member(group.id(), alice.id()).orElseThrow().status())
        .isEqualTo(MemberStatus.RESTRICTED);
    assertThat(guard.handle(join).duplicate()).isTrue();
    assertThat(AdminRights.NONE.sufficientForGroup()).isFalse();
  }
}
