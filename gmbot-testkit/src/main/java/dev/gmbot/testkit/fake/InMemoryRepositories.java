package dev.gmbot.testkit.fake;

import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.AuditPage;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.Conversation;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.MemberCounts;
import dev.gmbot.port.model.MemberSweep;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OffPeakHours;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.Prompt;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.ChannelRepository;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.MemberSweeps;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.PromptRepository;
import dev.gmbot.port.out.Repositories;
import dev.gmbot.port.out.StorageUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every repository port over one in-memory store guarded by one lock, so multi-row operations are
 * atomic as the ports require. {@link #setUnavailable(boolean)} makes every operation fail with
 * {@link StorageUnavailableException}, as a lost database connection would.
 */
public final class InMemoryRepositories implements Repositories {
  private record GroupRow(
      GroupId id,
      String title,
      UserId owner,
      boolean enabled,
      Optional<PauseReason> pause,
      GroupSettings settings,
      List<ChannelId> channels,
      Instant updatedAt) {}

  private record MemberKey(GroupId group, UserId user) {}

  private record PromptKey(GroupId group, MessageId message) {}

  /** A group's prompt reservation: the holder's token, its end, the users who joined it. */
  private record Reservation(Instant token, Instant until, Set<UserId> users) {}

  private final Object lock = new Object();
  private final Map<GroupId, GroupRow> groups = new HashMap<>();
  private final Map<ChannelId, EnforcedChannel> channels = new HashMap<>();
  private final Map<UserId, Owner> owners = new HashMap<>();
  private final Map<MemberKey, GroupMember> members = new HashMap<>();
  private final Map<PromptKey, Prompt> prompts = new HashMap<>();
  private final Map<GroupId, Reservation> reservations = new HashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final Map<UserId, Conversation> conversations = new HashMap<>();
  private final Map<UserId, Map<GroupId, Instant>> menuGroups = new HashMap<>();
  private volatile boolean unavailable;

  private final GroupRepository groupRepository = new Groups();
  private final ChannelRepository channelRepository = new Channels();
  private final OwnerRepository ownerRepository = new Owners();
  private final MemberRepository memberRepository = new Members();
  private final PromptRepository promptRepository = new Prompts();
  private final AuditTrail auditTrail = new Audit();
  private final ConversationRepository conversationRepository = new Conversations();
  private final InMemoryDailyStatistics dailyStatistics = new InMemoryDailyStatistics();

  @Override
  public GroupRepository groups() {
    return groupRepository;
  }

  public ChannelRepository channels() {
    return channelRepository;
  }

  @Override
  public OwnerRepository owners() {
    return ownerRepository;
  }

  @Override
  public MemberRepository members() {
    return memberRepository;
  }

  @Override
  public PromptRepository prompts() {
    return promptRepository;
  }

  @Override
  public AuditTrail audit() {
    return auditTrail;
  }

  // ---- enforcement policy (issue 16) ----
  private final InMemoryTrustList trustList = new InMemoryTrustList();
  private final InMemoryMemberDeadlines deadlines = new InMemoryMemberDeadlines();

  @Override
  public InMemoryTrustList trustList() {
    return trustList;
  }

  @Override
  public InMemoryMemberDeadlines deadlines() {
    return deadlines;
  }

  // ---- the join-request gate (ADR 0023) ----
  private final InMemoryPendingJoinRequests joinRequests = new InMemoryPendingJoinRequests();

  @Override
  public InMemoryPendingJoinRequests joinRequests() {
    return joinRequests;
  }

  public ConversationRepository conversations() {
    return conversationRepository;
  }

  // ---- background sweeps (issue 16, items 4-6) ----
  private final MemberSweeps sweepStore = new Sweeps();

  @Override
  public MemberSweeps sweeps() {
    return sweepStore;
  }

  private record SweepKey(GroupId group, MemberSweep.Kind kind) {}

  private record SweepRow(MemberSweep sweep, String owner, Instant leaseUntil) {}

  private final Map<SweepKey, SweepRow> sweepRows = new HashMap<>();
  private final Map<GroupId, OffPeakHours> offPeaks = new HashMap<>();

  /** The sweeps' rows in memory, with the contract of the database's (leases, positions). */
  private final class Sweeps implements MemberSweeps {
    @Override
    public List<GroupId> sweptGroups(int limit) {
      return locked(
          () ->
              groups.values().stream()
                  .filter(GroupRow::enabled)
                  .map(GroupRow::id)
                  .sorted(Comparator.comparingLong(GroupId::value))
                  .limit(limit)
                  .toList());
    }

    @Override
    public Optional<MemberSweep> find(GroupId group, MemberSweep.Kind kind) {
      return locked(
          () -> Optional.ofNullable(sweepRows.get(new SweepKey(group, kind))).map(SweepRow::sweep));
    }

    @Override
    public Optional<MemberSweep> claim(
        GroupId group, MemberSweep.Kind kind, String holder, Instant now, Duration lease) {
      return locked(
          () -> {
            SweepKey key = new SweepKey(group, kind);
            SweepRow row =
                sweepRows.computeIfAbsent(
                    key, k -> new SweepRow(MemberSweep.never(group, kind), null, null));
            boolean free =
                row.owner() == null || row.owner().equals(holder) || !row.leaseUntil().isAfter(now);
            if (!free) {
              return Optional.<MemberSweep>empty();
            }
            sweepRows.put(key, new SweepRow(row.sweep(), holder, now.plus(lease)));
            return Optional.of(row.sweep());
          });
    }

    @Override
    public boolean save(MemberSweep sweep, String holder, Instant now, Duration lease) {
      return locked(
          () -> {
            SweepKey key = new SweepKey(sweep.group(), sweep.kind());
            SweepRow row = sweepRows.get(key);
            if (row == null || !holder.equals(row.owner()) || !row.leaseUntil().isAfter(now)) {
              return false;
            }
            sweepRows.put(key, new SweepRow(sweep, holder, now.plus(lease)));
            return true;
          });
    }

    @Override
    public void release(GroupId group, MemberSweep.Kind kind, String holder) {
      lockedRun(
          () -> {
            SweepKey key = new SweepKey(group, kind);
            SweepRow row = sweepRows.get(key);
            if (row != null && holder.equals(row.owner())) {
              sweepRows.put(key, new SweepRow(row.sweep(), null, null));
            }
          });
    }

    private java.util.stream.Stream<GroupMember> restricted(
        GroupId group, MemberSweep.Position after) {
      return members.values().stream()
          .filter(m -> m.group().equals(group) && m.isRestricted())
          .filter(
              m ->
                  m.changedAt().isAfter(after.at())
                      || (m.changedAt().equals(after.at()) && m.user().value() > after.user()))
          .sorted(
              Comparator.comparing(GroupMember::changedAt)
                  .thenComparingLong(m -> m.user().value()));
    }

    @Override
    public List<GroupMember> restrictedAfter(GroupId group, MemberSweep.Position after, int limit) {
      return locked(() -> restricted(group, after).limit(limit).toList());
    }

    @Override
    public long countRestrictedAfter(GroupId group, MemberSweep.Position after) {
      return locked(() -> restricted(group, after).count());
    }

    private java.util.stream.Stream<GroupMember> seen(
        GroupId group, Instant since, long afterUser) {
      return members.values().stream()
          .filter(m -> m.group().equals(group) && !m.lastSeen().isBefore(since))
          .filter(m -> m.user().value() > afterUser)
          .sorted(Comparator.comparingLong(m -> m.user().value()));
    }

    @Override
    public List<GroupMember> seenSinceAfter(
        GroupId group, Instant since, long afterUser, int limit) {
      return locked(() -> seen(group, since, afterUser).limit(limit).toList());
    }

    @Override
    public long countSeenSinceAfter(GroupId group, Instant since, long afterUser) {
      return locked(() -> seen(group, since, afterUser).count());
    }

    @Override
    public OffPeakHours offPeak(GroupId group) {
      return locked(() -> offPeaks.getOrDefault(group, OffPeakHours.DEFAULT));
    }

    @Override
    public boolean setOffPeak(GroupId group, OffPeakHours hours) {
      lockedRun(() -> offPeaks.put(group, hours));
      return true;
    }
  }

  @Override
  public InMemoryDailyStatistics dailyStatistics() {
    return dailyStatistics;
  }

  /** While true every operation throws {@link StorageUnavailableException}. */
  public void setUnavailable(boolean unavailable) {
    this.unavailable = unavailable;
  }

  /** Every audit entry so far, oldest first. */
  public List<AuditEntry> auditEntries() {
    return locked(() -> List.copyOf(audit));
  }

  private <T> T locked(Supplier<T> action) {
    if (unavailable) {
      throw new StorageUnavailableException("in-memory store is set unavailable", null);
    }
    synchronized (lock) {
      return action.get();
    }
  }

  private void lockedRun(Runnable action) {
    locked(
        () -> {
          action.run();
          return null;
        });
  }

  private ProtectedGroup toGroup(GroupRow row) {
    List<EnforcedChannel> linked =
        row.channels().stream()
            .map(
                id ->
                    channels.getOrDefault(
                        id, new EnforcedChannel(id, "", Optional.empty(), Optional.empty())))
            .toList();
    return new ProtectedGroup(
        row.id(),
        row.title(),
        row.owner(),
        row.enabled(),
        row.pause(),
        row.settings(),
        linked,
        row.updatedAt());
  }

  private final class Groups implements GroupRepository {
    @Override
    public Optional<ProtectedGroup> find(GroupId group) {
      return locked(
          () -> Optional.ofNullable(groups.get(group)).map(InMemoryRepositories.this::toGroup));
    }

    @Override
    public ProtectedGroup protect(
        GroupId group, String title, Owner owner, List<EnforcedChannel> linked, Instant now) {
      return locked(
          () -> {
            owners.merge(
                owner.id(),
                owner,
                (old, neu) ->
                    new Owner(
                        neu.id(),
                        neu.username().or(old::username),
                        neu.reachableInPrivate() || old.reachableInPrivate()));
            linked.forEach(c -> channels.put(c.id(), c));
            GroupRow existing = groups.get(group);
            Set<ChannelId> ids = new LinkedHashSet<>();
            GroupSettings settings = GroupSettings.DEFAULTS;
            if (existing != null) {
              ids.addAll(existing.channels());
              settings = existing.settings();
            }
            linked.forEach(c -> ids.add(c.id()));
            GroupRow row =
                new GroupRow(
                    group,
                    title,
                    owner.id(),
                    true,
                    Optional.empty(),
                    settings,
                    List.copyOf(ids),
                    now);
            groups.put(group, row);
            return toGroup(row);
          });
    }

    @Override
    public Optional<ProtectedGroup> unlink(GroupId group, Set<ChannelId> removed, Instant now) {
      return locked(
          () -> {
            GroupRow row = groups.get(group);
            if (row == null) {
              return Optional.empty();
            }
            List<ChannelId> left =
                row.channels().stream().filter(c -> !removed.contains(c)).toList();
            GroupRow updated =
                new GroupRow(
                    group,
                    row.title(),
                    row.owner(),
                    row.enabled() && !left.isEmpty(),
                    row.pause(),
                    row.settings(),
                    left,
                    now);
            groups.put(group, updated);
            return Optional.of(toGroup(updated));
          });
    }

    @Override
    public Optional<ProtectedGroup> disable(GroupId group, Instant now) {
      return locked(
          () -> {
            GroupRow row = groups.get(group);
            if (row == null) {
              return Optional.empty();
            }
            GroupRow updated =
                new GroupRow(
                    group,
                    row.title(),
                    row.owner(),
                    false,
                    row.pause(),
                    row.settings(),
                    List.of(),
                    now);
            groups.put(group, updated);
            return Optional.of(toGroup(updated));
          });
    }

    @Override
    public void pause(GroupId group, PauseReason reason, Instant now) {
      lockedRun(
          () ->
              groups.computeIfPresent(
                  group,
                  (id, row) ->
                      new GroupRow(
                          id,
                          row.title(),
                          row.owner(),
                          row.enabled(),
                          Optional.of(reason),
                          row.settings(),
                          row.channels(),
                          now)));
    }

    @Override
    public void resume(GroupId group, Instant now) {
      lockedRun(
          () ->
              groups.computeIfPresent(
                  group,
                  (id, row) ->
                      new GroupRow(
                          id,
                          row.title(),
                          row.owner(),
                          row.enabled(),
                          Optional.empty(),
                          row.settings(),
                          row.channels(),
                          now)));
    }

    @Override
    public void updateSettings(GroupId group, GroupSettings settings, Instant now) {
      lockedRun(
          () ->
              groups.computeIfPresent(
                  group,
                  (id, row) ->
                      new GroupRow(
                          id,
                          row.title(),
                          row.owner(),
                          row.enabled(),
                          row.pause(),
                          settings,
                          row.channels(),
                          now)));
    }

    @Override
    public List<GroupId> linkedTo(ChannelId channel) {
      return locked(
          () ->
              groups.values().stream()
                  .filter(r -> r.enabled() && r.channels().contains(channel))
                  .map(GroupRow::id)
                  .sorted(Comparator.comparingLong(GroupId::value))
                  .toList());
    }

    @Override
    public List<ProtectedGroup> ownedBy(UserId owner) {
      return locked(
          () ->
              groups.values().stream()
                  .filter(r -> r.owner().equals(owner))
                  .sorted(Comparator.comparingLong(r -> r.id().value()))
                  .map(InMemoryRepositories.this::toGroup)
                  .toList());
    }

    @Override
    public void migrate(GroupId from, GroupId to, Instant now) {
      lockedRun(
          () -> {
            GroupRow row = groups.remove(from);
            if (row == null) {
              return;
            }
            groups.put(
                to,
                new GroupRow(
                    to,
                    row.title(),
                    row.owner(),
                    row.enabled(),
                    row.pause(),
                    row.settings(),
                    row.channels(),
                    now));
            for (MemberKey key : List.copyOf(members.keySet())) {
              if (key.group().equals(from)) {
                GroupMember m = members.remove(key);
                members.put(
                    new MemberKey(to, key.user()),
                    new GroupMember(to, m.user(), m.lastSeen(), m.restriction(), m.changedAt()));
              }
            }
            for (PromptKey key : List.copyOf(prompts.keySet())) {
              if (key.group().equals(from)) {
                Prompt p = prompts.remove(key);
                prompts.put(
                    new PromptKey(to, key.message()),
                    new Prompt(to, p.message(), p.users(), p.postedAt(), p.expiresAt()));
              }
            }
          });
    }

    @Override
    public long countActive() {
      return locked(
          () ->
              groups.values().stream()
                  .filter(r -> r.enabled() && r.pause().isEmpty() && !r.channels().isEmpty())
                  .count());
    }

    @Override
    public Map<PauseReason.Kind, Long> countPaused() {
      return locked(
          () -> {
            Map<PauseReason.Kind, Long> counts = new EnumMap<>(PauseReason.Kind.class);
            for (var r : groups.values()) {
              if (r.enabled() && r.pause().isPresent()) {
                counts.merge(r.pause().get().kind(), 1L, Long::sum);
              }
            }
            return Map.copyOf(counts);
          });
    }
  }

  private final class Channels implements ChannelRepository {
    @Override
    public Optional<EnforcedChannel> find(ChannelId channel) {
      return locked(() -> Optional.ofNullable(channels.get(channel)));
    }

    @Override
    public void save(EnforcedChannel channel) {
      lockedRun(() -> channels.put(channel.id(), channel));
    }
  }

  private final class Owners implements OwnerRepository {
    @Override
    public Optional<Owner> find(UserId owner) {
      return locked(() -> Optional.ofNullable(owners.get(owner)));
    }

    @Override
    public void save(Owner owner) {
      lockedRun(() -> owners.put(owner.id(), owner));
    }
  }

  private final class Members implements MemberRepository {
    @Override
    public Optional<GroupMember> find(GroupId group, UserId user) {
      return locked(() -> Optional.ofNullable(members.get(new MemberKey(group, user))));
    }

    @Override
    public void recordActivity(GroupId group, UserId user, Instant at) {
      lockedRun(
          () ->
              members.merge(
                  new MemberKey(group, user),
                  new GroupMember(group, user, at, RestrictionState.FREE, at),
                  (old, neu) ->
                      at.isAfter(old.lastSeen())
                          ? new GroupMember(group, user, at, old.restriction(), old.changedAt())
                          : old));
    }

    @Override
    public void setRestriction(GroupId group, UserId user, RestrictionState state, Instant at) {
      lockedRun(
          () ->
              members.merge(
                  new MemberKey(group, user),
                  new GroupMember(group, user, at, state, at),
                  (old, neu) -> new GroupMember(group, user, old.lastSeen(), state, at)));
    }

    @Override
    public void remove(GroupId group, UserId user) {
      lockedRun(() -> members.remove(new MemberKey(group, user)));
    }

    @Override
    public List<GroupMember> findInGroups(UserId user, Collection<GroupId> among) {
      return locked(
          () ->
              among.stream()
                  .distinct()
                  .map(g -> members.get(new MemberKey(g, user)))
                  .filter(m -> m != null)
                  .toList());
    }

    @Override
    public List<UserId> restricted(GroupId group, int limit) {
      return locked(
          () ->
              members.values().stream()
                  .filter(m -> m.group().equals(group) && m.isRestricted())
                  .sorted(Comparator.comparing(GroupMember::changedAt))
                  .limit(limit)
                  .map(GroupMember::user)
                  .toList());
    }

    @Override
    public MemberCounts counts(GroupId group) {
      return locked(
          () -> {
            long free = 0;
            long restricted = 0;
            for (GroupMember m : members.values()) {
              if (m.group().equals(group)) {
                if (m.isRestricted()) {
                  restricted++;
                } else {
                  free++;
                }
              }
            }
            return new MemberCounts(free, restricted);
          });
    }
  }

  private final class Prompts implements PromptRepository {
    @Override
    public void save(Prompt prompt) {
      lockedRun(() -> prompts.put(new PromptKey(prompt.group(), prompt.message()), prompt));
    }

    @Override
    public Optional<Prompt> find(GroupId group, MessageId message) {
      return locked(() -> Optional.ofNullable(prompts.get(new PromptKey(group, message))));
    }

    @Override
    public Optional<Prompt> newestOpen(GroupId group, Instant now) {
      return locked(
          () ->
              prompts.values().stream()
                  .filter(p -> p.group().equals(group) && now.isBefore(p.expiresAt()))
                  .max(
                      Comparator.comparing(Prompt::postedAt)
                          .thenComparingLong(p -> p.message().value())));
    }

    @Override
    public List<Prompt> naming(GroupId group, UserId user) {
      return locked(
          () ->
              prompts.values().stream()
                  .filter(p -> p.group().equals(group) && p.names(user))
                  .sorted(Comparator.comparing(Prompt::postedAt))
                  .toList());
    }

    @Override
    public void delete(GroupId group, MessageId message) {
      lockedRun(() -> prompts.remove(new PromptKey(group, message)));
    }

    @Override
    public List<Prompt> expired(Instant now, int limit) {
      return locked(
          () ->
              prompts.values().stream()
                  .filter(p -> !now.isBefore(p.expiresAt()))
                  .sorted(Comparator.comparing(Prompt::expiresAt))
                  .limit(limit)
                  .toList());
    }

    @Override
    public boolean reserve(GroupId group, Instant now, Instant until) {
      return locked(
          () -> {
            Reservation held = reservations.get(group);
            if (held != null && now.isBefore(held.until())) {
              return false;
            }
            Set<UserId> joined = held == null ? Set.of() : held.users();
            reservations.put(group, new Reservation(now, until, joined));
            return true;
          });
    }

    @Override
    public boolean joinReservation(GroupId group, UserId user, Instant now) {
      return locked(
          () -> {
            Reservation held = reservations.get(group);
            if (held == null || !now.isBefore(held.until())) {
              return false;
            }
            Set<UserId> users = new HashSet<>(held.users());
            users.add(user);
            reservations.put(group, new Reservation(held.token(), held.until(), Set.copyOf(users)));
            return true;
          });
    }

    @Override
    public Prompt posted(GroupId reservedIn, Instant reservedAt, Prompt prompt) {
      return locked(
          () -> {
            Prompt stored = prompt;
            Reservation held = reservations.get(reservedIn);
            if (held != null && held.token().equals(reservedAt)) {
              reservations.remove(reservedIn);
              Set<UserId> users = new HashSet<>(prompt.users());
              users.addAll(held.users());
              stored =
                  new Prompt(
                      prompt.group(),
                      prompt.message(),
                      users,
                      prompt.postedAt(),
                      prompt.expiresAt());
            }
            prompts.put(new PromptKey(stored.group(), stored.message()), stored);
            return stored;
          });
    }

    @Override
    public void release(GroupId group, Instant reservedAt) {
      lockedRun(
          () -> {
            Reservation held = reservations.get(group);
            if (held != null && held.token().equals(reservedAt)) {
              reservations.put(group, new Reservation(held.token(), held.token(), held.users()));
            }
          });
    }
  }

  private final class Audit implements AuditTrail {
    @Override
    public void record(AuditEntry entry) {
      lockedRun(() -> audit.add(entry));
    }

    @Override
    public List<AuditEntry> recent(GroupId group, int limit) {
      return locked(() -> newestFirst(group).stream().limit(Math.max(0, limit)).toList());
    }

    @Override
    public AuditPage page(GroupId group, int page, int size) {
      if (page < 0 || size < 1) {
        throw new IllegalArgumentException("page " + page + " of size " + size);
      }
      return locked(
          () -> {
            List<AuditEntry> mine = newestFirst(group);
            List<AuditEntry> slice = mine.stream().skip((long) page * size).limit(size).toList();
            return new AuditPage(slice, page, size, mine.size());
          });
    }

    @Override
    public int purgeBefore(Instant cutoff) {
      return locked(
          () -> {
            int before = audit.size();
            audit.removeIf(e -> e.at().isBefore(cutoff));
            return before - audit.size();
          });
    }

    /** The group's entries, newest first; entries of one instant newest recorded first. */
    private List<AuditEntry> newestFirst(GroupId group) {
      List<AuditEntry> mine = new ArrayList<>();
      for (int i = audit.size() - 1; i >= 0; i--) {
        if (audit.get(i).group().equals(group)) {
          mine.add(audit.get(i));
        }
      }
      // A stable sort keeps the recording order among entries of the same instant.
      mine.sort(Comparator.comparing(AuditEntry::at).reversed());
      return mine;
    }
  }

  private final class Conversations implements ConversationRepository {
    @Override
    public void save(Conversation conversation) {
      lockedRun(() -> conversations.put(conversation.user(), conversation));
    }

    @Override
    public Optional<Conversation> find(UserId user, Instant now) {
      return locked(
          () -> Optional.ofNullable(conversations.get(user)).filter(c -> !c.expiredAt(now)));
    }

    @Override
    public void end(UserId user) {
      lockedRun(() -> conversations.remove(user));
    }

    @Override
    public int purgeExpired(Instant now) {
      return locked(
          () -> {
            int before = conversations.size();
            conversations.values().removeIf(c -> c.expiredAt(now));
            return before - conversations.size();
          });
    }

    @Override
    public void rememberGroup(UserId user, GroupId group, Instant at) {
      lockedRun(() -> menuGroups.computeIfAbsent(user, u -> new HashMap<>()).put(group, at));
    }

    @Override
    public List<GroupId> rememberedGroups(UserId user) {
      return locked(
          () ->
              menuGroups.getOrDefault(user, Map.of()).entrySet().stream()
                  .sorted(
                      Map.Entry.<GroupId, Instant>comparingByValue()
                          .reversed()
                          .thenComparing(e -> e.getKey().value()))
                  .map(Map.Entry::getKey)
                  .toList());
    }

    @Override
    public void forgetGroup(UserId user, GroupId group) {
      lockedRun(
          () -> {
            Map<GroupId, Instant> mine = menuGroups.get(user);
            if (mine != null) {
              mine.remove(group);
            }
          });
    }
  }
}
