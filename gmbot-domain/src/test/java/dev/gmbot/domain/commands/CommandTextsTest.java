package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BASIC_GROUP;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.protection.BotSelf;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.scheduling.DirectScheduler;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.model.ChatRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every text the commands say comes from the catalogue: with a catalogue that answers each message
 * with its own name, every reply is one such name and nothing else.
 */
class CommandTextsTest {
  private final GuardFixture world = new GuardFixture();
  private final MessageNames<CommandTexts> names = MessageNames.of(CommandTexts.class);
  private final DirectScheduler scheduler = new DirectScheduler();
  private final BotSelf self = new BotSelf(world.telegram, scheduler);
  private final CommandPolicy commands =
      new CommandPolicy(
          world.repos.groups(),
          world.repos.members(),
          world.repos.owners(),
          world.repos.audit(),
          world.repos.conversations(),
          new TelegramReads(world.telegram, world.telegram, scheduler, self),
          self,
          world.clock,
          language -> names.texts(),
          MenuTexts::of);

  @Test
  void everyReplyOfEveryCommandIsAMessageOfTheCatalogue() {
    ChatRef alicesChat = ChatRef.privateChat(ALICE);
    List<CommandIssued> unprotected =
        List.of(
            world.command(alicesChat, ALICE, "start"),
            world.command(GROUP, ALICE, "start"),
            world.command(alicesChat, ALICE, "help"),
            world.command(alicesChat, ALICE, "nonsense"),
            world.command(alicesChat, ALICE, "status"),
            world.command(alicesChat, ALICE, "protect", "@news"),
            world.command(GROUP, OWNER, "protect"),
            world.command(GROUP, OWNER, "protect", "bad!"),
            world.command(BASIC_GROUP, OWNER, "protect", "@news"),
            world.command(GROUP, ALICE, "protect", "@news"),
            world.command(GROUP, OWNER, "protect", "@nosuchchannel"),
            world.command(GROUP, OWNER, "protect", "@news"),
            world.command(GROUP, OWNER, "status"),
            world.command(GROUP, OWNER, "settings"));
    List<String> replies = new ArrayList<>();
    unprotected.forEach(c -> replies.addAll(repliesTo(c)));
    world.protectedGroup();
    List<CommandIssued> protectedGroup =
        List.of(
            world.command(GROUP, OWNER, "status"),
            world.command(ChatRef.privateChat(OWNER), OWNER, "status"),
            world.command(GROUP, OWNER, "settings"),
            world.command(GROUP, OWNER, "settings", "prompt_lifetime"),
            world.command(GROUP, OWNER, "settings", "colour", "red"),
            world.command(GROUP, OWNER, "settings", "prompt_lifetime", "15m"),
            world.command(GROUP, OWNER, "reactivate"),
            world.command(GROUP, OWNER, "stats"),
            world.command(GROUP, OWNER, "unprotect", "@extra"),
            world.command(GROUP, OWNER, "unprotect"));
    protectedGroup.forEach(c -> replies.addAll(repliesTo(c)));

    assertThat(replies).hasSizeGreaterThanOrEqualTo(24).allMatch(MessageNames::onlyNames);
    assertThat(names.asked())
        .contains(
            "start",
            "startInGroup",
            "help",
            "unknownCommand",
            "noOwnedGroups",
            "inGroupOnly",
            "protectUsage",
            "notAChannelName",
            "basicGroup",
            "adminsOnly",
            "channelNotFound",
            "protectChecksFailed",
            "protectionActivated",
            "notProtected",
            "groupStatus",
            "ownedGroups",
            "settings",
            "whichValue",
            "cannotSet",
            "settingsSaved",
            "protectionInOrder",
            "statistics",
            "notRequiredHere",
            "protectionDisabled");
  }

  private List<String> repliesTo(CommandIssued command) {
    return commands.decide(command).stream()
        .filter(d -> d instanceof Decision.Reply)
        .map(d -> ((Decision.Reply) d).message().text())
        .toList();
  }
}
