package dev.gmbot.testkit.fake;

import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.testkit.contract.TelegramPortsContract;
import dev.gmbot.testkit.contract.TelegramWorld;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

class FakeTelegramContractTest extends TelegramPortsContract {

  @Override
  protected Subject newSubject() {
    FakeTelegram telegram = FakeTelegram.withDefaultBot();
    TelegramWorld world =
        new TelegramWorld() {
          private final AtomicLong ids = new AtomicLong(1_000);
          private final Map<GroupId, UserRef> creators = new HashMap<>();

          @Override
          public BotProfile bot() {
            return telegram.me();
          }

          @Override
          public GroupId supergroup(String title) {
            GroupId group = new GroupId(-1_001_000_000_000L - ids.incrementAndGet());
            telegram.addChat(ChatRef.group(group.value(), title));
            UserRef creator = user("Owner of " + title);
            telegram.setMember(
                group.chat(), new ChatMember(creator, MemberStatus.CREATOR, true, AdminRights.ALL));
            telegram.setBotRights(group.chat(), AdminRights.ALL);
            creators.put(group, creator);
            return group;
          }

          @Override
          public ChannelId publicChannel(String username) {
            ChannelId channel = new ChannelId(-1_002_000_000_000L - ids.incrementAndGet());
            telegram.addChat(ChatRef.channel(channel.value(), username, username));
            telegram.setBotRights(channel.chat(), AdminRights.ALL);
            return channel;
          }

          @Override
          public UserRef user(String firstName) {
            return UserRef.of(ids.incrementAndGet(), firstName);
          }

          @Override
          public void join(GroupId group, UserRef user) {
            telegram.setStatus(group.chat(), user, MemberStatus.MEMBER);
          }

          @Override
          public void subscribe(ChannelId channel, UserRef user) {
            telegram.setStatus(channel.chat(), user, MemberStatus.MEMBER);
          }

          @Override
          public UserRef creatorOf(GroupId group) {
            return creators.get(group);
          }
        };
    return new Subject(world, telegram, telegram, telegram, telegram, telegram);
  }
}
