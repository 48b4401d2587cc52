package dev.gmbot.domain;

import dev.gmbot.domain.protection.ProtectionSettings;
import dev.gmbot.domain.scheduling.DirectScheduler;
import dev.gmbot.port.in.BotMemberChanged;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.ChannelMemberChanged;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.GroupMemberChanged;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.JoinRequested;
import dev.gmbot.port.in.MembersJoined;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.StatsChart;
import dev.gmbot.testkit.fake.FakeTelegram;
import dev.gmbot.testkit.fake.InMemoryAdministratorCache;
import dev.gmbot.testkit.fake.InMemoryMembershipCache;
import dev.gmbot.testkit.fake.InMemoryRepositories;
import dev.gmbot.testkit.fake.InMemoryUpdateLog;
import dev.gmbot.testkit.fake.MutableClock;
import dev.gmbot.testkit.fake.RecordingMetrics;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small world for domain tests: the supergroup "Fans" protected by the public channel @news, its
 * owner (creator of both), an admin, and a guard wired to the testkit fakes with a mutable clock
 * and the direct scheduler.
 */
public final class GuardFixture {
  public static final ChatRef GROUP = ChatRef.group(-1001000000001L, "Fans");
  public static final ChatRef OTHER_GROUP = ChatRef.group(-1001000000002L, "Other fans");
  public static final ChatRef BASIC_GROUP = ChatRef.group(-4000001L, "Basic");
  public static final ChatRef CHANNEL = ChatRef.channel(-1002000000001L, "News", "news");
  public static final ChatRef SECOND_CHANNEL = ChatRef.channel(-1002000000002L, "Extra", "extra");
  public static final UserRef OWNER = UserRef.of(10, "Olga", "olga");
  public static final UserRef ADMIN = UserRef.of(11, "Adam", "adam");
  public static final UserRef ALICE = UserRef.of(101, "Alice", "alice");
  public static final UserRef BOB = UserRef.of(102, "Bob", "bob");
  public static final UserRef HELPER_BOT =
      new UserRef(dev.gmbot.port.model.UserId.of(555), "Helper", Optional.of("helper_bot"), true);

  public final MutableClock clock = MutableClock.atEpochOfTests();
  public final FakeTelegram telegram = FakeTelegram.withDefaultBot();
  public final InMemoryRepositories repos = new InMemoryRepositories();
  public final InMemoryMembershipCache membershipCache = new InMemoryMembershipCache(clock);
  public final InMemoryAdministratorCache adminCache = new InMemoryAdministratorCache(clock);
  public final InMemoryUpdateLog updateLog = new InMemoryUpdateLog(clock);

  /** The pauses the guard waited for an update in progress elsewhere (no real time passes). */
  public final java.util.List<java.time.Duration> claimPauses = new java.util.ArrayList<>();

  /** Run during each such pause, with its number from 1: what another handler does meanwhile. */
  public java.util.function.IntConsumer duringClaimPause = n -> {};

  public final RecordingMetrics metrics = new RecordingMetrics();

  /** Every Bot API call the guard scheduled, with its priority, in order. */
  public final java.util.List<dev.gmbot.domain.scheduling.BotCall> scheduled =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public final Guard guard;
  private final AtomicLong updateIds = new AtomicLong(1);
  private final AtomicLong messageIds = new AtomicLong(1);

  public GuardFixture() {
    this((StatsChart) null);
  }

  /**
   * A world whose guard keeps daily figures (in {@link #repos}) and draws the /stats picture with
   * {@code chart}; without one (the default constructor), /stats answers with the audit figures.
   */
  public GuardFixture(StatsChart chart) {
    this(chart, ProtectionSettings.DEFAULTS);
  }

  /** A world whose guard has these protection settings (a join-request timeout, say). */
  public GuardFixture(ProtectionSettings protection) {
    this(null, protection);
  }

  private GuardFixture(StatsChart chart, ProtectionSettings protection) {
    telegram
        .addChat(GROUP)
        .addChat(OTHER_GROUP)
        .addChat(BASIC_GROUP)
        .addChat(CHANNEL)
        .addChat(SECOND_CHANNEL)
        .setBotRights(GROUP.id(), AdminRights.ALL)
        .setBotRights(OTHER_GROUP.id(), AdminRights.ALL)
        .setBotRights(CHANNEL.id(), AdminRights.ALL)
        .setBotRights(SECOND_CHANNEL.id(), AdminRights.ALL)
        .setStatus(GROUP.id(), OWNER, MemberStatus.CREATOR)
        .setStatus(OTHER_GROUP.id(), OWNER, MemberStatus.CREATOR)
        .setStatus(BASIC_GROUP.id(), OWNER, MemberStatus.CREATOR)
        .setStatus(CHANNEL.id(), OWNER, MemberStatus.CREATOR)
        .setStatus(SECOND_CHANNEL.id(), OWNER, MemberStatus.CREATOR)
        .setMember(
            GROUP.id(), new ChatMember(ADMIN, MemberStatus.ADMINISTRATOR, true, AdminRights.ALL));
    Guard.Builder builder =
        Guard.builder()
            .telegram(telegram)
            .repositories(
                repos.groups(), repos.owners(), repos.members(), repos.prompts(), repos.audit())
            .conversations(repos.conversations())
            .cache(membershipCache, adminCache)
            .updateLog(updateLog)
            .clock(clock)
            .scheduler(recording(new DirectScheduler()))
            .metrics(metrics)
            .random(new Random(42))
            .trustList(repos.trustList())
            .deadlines(repos.deadlines())
            .claimWait(
                new ClaimWait(
                    ClaimWait.DEFAULT_BOUND,
                    pause -> {
                      claimPauses.add(pause);
                      clock.advance(pause);
                      duringClaimPause.accept(claimPauses.size());
                    }))
            .joinRequests(repos.joinRequests())
            .protection(protection)
            .sweeps(repos.sweeps(), dev.gmbot.domain.protection.SweepSettings.DEFAULTS);
    if (chart != null) {
      builder.dailyStatistics(repos.dailyStatistics()).chart(chart);
    }
    guard = builder.build();
  }

  /**
   * A second instance: another guard on the same Telegram, store and shared caches (as two servers
   * on one database and Redis), with its own in-process state.
   */
  public Guard anotherInstance() {
    return Guard.builder()
        .telegram(telegram)
        .repositories(
            repos.groups(), repos.owners(), repos.members(), repos.prompts(), repos.audit())
        .conversations(repos.conversations())
        .cache(membershipCache, adminCache)
        .updateLog(updateLog)
        .clock(clock)
        .scheduler(new DirectScheduler())
        .metrics(metrics)
        .random(new Random(43))
        .trustList(repos.trustList())
        .deadlines(repos.deadlines())
        .joinRequests(repos.joinRequests())
        .build();
  }

  /** The scheduler, noting each call in {@link #scheduled} before it runs. */
  private dev.gmbot.domain.scheduling.BotCallScheduler recording(DirectScheduler direct) {
    return new dev.gmbot.domain.scheduling.BotCallScheduler() {
      @Override
      public <T> dev.gmbot.domain.scheduling.Delivery<T> deliver(
          dev.gmbot.domain.scheduling.BotCall call,
          java.util.function.Function<dev.gmbot.port.model.ChatId, T> action) {
        scheduled.add(call);
        return direct.deliver(call, action);
      }

      @Override
      public <T> T submit(
          dev.gmbot.domain.scheduling.BotCall call, java.util.function.Supplier<T> action) {
        scheduled.add(call);
        return direct.submit(call, action);
      }
    };
  }

  // ---- state ----------------------------------------------------------------------------------

  public static EnforcedChannel news() {
    return new EnforcedChannel(CHANNEL.channelId(), "News", Optional.of("news"), Optional.empty());
  }

  public static EnforcedChannel extra() {
    return new EnforcedChannel(
        SECOND_CHANNEL.channelId(), "Extra", Optional.of("extra"), Optional.empty());
  }

  /** Protects GROUP with @news, owned by OWNER who can be reached in private. */
  public GuardFixture protectedGroup() {
    return protect(GROUP, news());
  }

  public GuardFixture protect(ChatRef group, EnforcedChannel... channels) {
    repos
        .groups()
        .protect(
            group.groupId(),
            group.title(),
            new Owner(OWNER.id(), OWNER.username(), true),
            List.of(channels),
            clock.instant());
    return this;
  }

  public ProtectedGroup group(ChatRef chat) {
    return repos.groups().find(chat.groupId()).orElseThrow();
  }

  public GuardFixture subscribe(UserRef user, ChatRef channel) {
    telegram.setStatus(channel.id(), user, MemberStatus.MEMBER);
    return this;
  }

  public HandlingResult handle(InboundEvent event) {
    return guard.handle(event);
  }

  public long sentTo(ChatId chat) {
    return telegram.count("sendMessage", c -> c.chat().equals(Optional.of(chat)));
  }

  public long mutes() {
    return telegram.count("restrictChatMember", c -> c.detail().equals("mute"));
  }

  public long lifts() {
    return telegram.count("restrictChatMember", c -> c.detail().equals("lift"));
  }

  // ---- events ---------------------------------------------------------------------------------

  public long nextUpdateId() {
    return updateIds.getAndIncrement();
  }

  public MessageId nextMessageId() {
    return MessageId.of(messageIds.getAndIncrement());
  }

  public GroupMemberChanged joins(ChatRef group, UserRef user) {
    return memberChange(
        group,
        user,
        ChatMember.of(user, MemberStatus.LEFT),
        ChatMember.of(user, MemberStatus.MEMBER));
  }

  public GroupMemberChanged leaves(ChatRef group, UserRef user) {
    return memberChange(
        group,
        user,
        ChatMember.of(user, MemberStatus.MEMBER),
        ChatMember.of(user, MemberStatus.LEFT));
  }

  public GroupMemberChanged memberChange(
      ChatRef group, UserRef user, ChatMember before, ChatMember after) {
    return new GroupMemberChanged(nextUpdateId(), clock.instant(), group, user, before, after);
  }

  public MembersJoined serviceJoin(ChatRef group, UserRef... users) {
    return new MembersJoined(
        nextUpdateId(), clock.instant(), group, nextMessageId(), users[0], List.of(users));
  }

  public MessagePosted writes(ChatRef group, UserRef user) {
    return posts(group, new Sender.User(user));
  }

  /** The user writes in a topic of the forum. */
  public MessagePosted writesInTopic(ChatRef group, UserRef user, long topic) {
    return new MessagePosted(
        nextUpdateId(),
        clock.instant(),
        group,
        nextMessageId(),
        new Sender.User(user),
        false,
        Optional.of(topic));
  }

  public MessagePosted posts(ChatRef group, Sender sender) {
    return new MessagePosted(
        nextUpdateId(), clock.instant(), group, nextMessageId(), sender, false);
  }

  public ButtonPressed presses(UserRef user, String data, Optional<MessageId> message) {
    return new ButtonPressed(
        nextUpdateId(),
        clock.instant(),
        "cb-" + updateIds.get(),
        user,
        Optional.of(GROUP),
        message,
        data);
  }

  public ButtonPressed pressesVerify(UserRef user) {
    return presses(user, "verify:" + user.id().value(), Optional.empty());
  }

  public ChannelMemberChanged channelChange(
      ChatRef channel, UserRef user, MemberStatus from, MemberStatus to) {
    return new ChannelMemberChanged(
        nextUpdateId(),
        clock.instant(),
        channel,
        ChatMember.of(user, from),
        ChatMember.of(user, to));
  }

  public BotMemberChanged botChange(ChatRef chat, ChatMember before, ChatMember after) {
    return new BotMemberChanged(nextUpdateId(), clock.instant(), chat, OWNER, before, after);
  }

  public ChatMember bot(MemberStatus status, AdminRights rights) {
    UserRef me =
        new UserRef(telegram.me().id(), "Guard", Optional.of(telegram.me().username()), true);
    return new ChatMember(me, status, true, rights);
  }

  public JoinRequested requestsToJoin(ChatRef group, UserRef user) {
    return new JoinRequested(nextUpdateId(), clock.instant(), group, user, user.id().privateChat());
  }

  public CommandIssued command(ChatRef chat, UserRef user, String name, String... args) {
    return command(chat, new Sender.User(user), name, Optional.empty(), args);
  }

  public CommandIssued command(
      ChatRef chat, Sender sender, String name, Optional<String> addressee, String... args) {
    return new CommandIssued(
        nextUpdateId(),
        clock.instant(),
        chat,
        nextMessageId(),
        sender,
        name,
        addressee,
        List.of(args));
  }

  /** A command replying to a message of {@code repliedTo} (/trust as a reply). */
  public CommandIssued commandReplying(
      ChatRef chat, UserRef user, UserRef repliedTo, String name, String... args) {
    return new CommandIssued(
        nextUpdateId(),
        clock.instant(),
        chat,
        nextMessageId(),
        new Sender.User(user),
        name,
        Optional.empty(),
        List.of(args),
        Optional.of(repliedTo));
  }

  /** Changes the group's enforcement rules (issue 16). */
  public GuardFixture enforcement(ChatRef group, dev.gmbot.port.model.EnforcementRules rules) {
    repos
        .groups()
        .updateSettings(
            group.groupId(), group(group).settings().withEnforcement(rules), clock.instant());
    return this;
  }

  public static ChannelId channelId(ChatRef channel) {
    return channel.channelId();
  }

  public static GroupId groupId(ChatRef group) {
    return group.groupId();
  }
}
