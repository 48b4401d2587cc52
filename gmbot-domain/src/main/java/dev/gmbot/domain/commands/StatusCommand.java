package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.MemberDeadline;
import dev.gmbot.port.model.MemberSweep;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberDeadlines;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.MemberSweeps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * /status: in a group, for its admins only (like the other admin commands), its channels, whether
 * protection is active or paused (and why), the member counts and the progress of its member
 * sweeps; in private, the groups the sender owns.
 */
final class StatusCommand implements Command {
  private final GroupRepository groups;
  private final MemberRepository members;
  private final AdminAccess access;
  private final Supplier<Optional<Instant>> checksFailingSince;
  private final MemberDeadlines deadlines;
  private final MemberSweeps sweeps;
  private final Clock clock;

  StatusCommand(GroupRepository groups, MemberRepository members, AdminAccess access) {
    this(groups, members, access, Optional::empty, MemberDeadlines.NONE);
  }

  /**
   * @param checksFailingSince since when this instance's membership checks fail (issue 16)
   * @param deadlines where held joiners are counted
   */
  StatusCommand(
      GroupRepository groups,
      MemberRepository members,
      AdminAccess access,
      Supplier<Optional<Instant>> checksFailingSince,
      MemberDeadlines deadlines) {
    this(
        groups,
        members,
        access,
        checksFailingSince,
        deadlines,
        MemberSweeps.NONE,
        Clock.systemUTC());
  }

  /**
   * @param sweeps where the member sweeps' progress is read (a line per sweep that ran)
   */
  StatusCommand(
      GroupRepository groups,
      MemberRepository members,
      AdminAccess access,
      Supplier<Optional<Instant>> checksFailingSince,
      MemberDeadlines deadlines,
      MemberSweeps sweeps,
      Clock clock) {
    this.sweeps = Objects.requireNonNull(sweeps, "sweeps");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.checksFailingSince = Objects.requireNonNull(checksFailingSince, "checksFailingSince");
    this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.members = Objects.requireNonNull(members, "members");
    this.access = Objects.requireNonNull(access, "access");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    if (request.chat().type() == ChatType.PRIVATE) {
      return inPrivate(request);
    }
    if (!request.chat().type().isGroup()) {
      return List.of(new Note("ignored: /status outside a group"));
    }
    return switch (access.check(request)) {
      case AdminAccess.Outcome.Refused refused -> request.reply(refused.reply());
      case AdminAccess.Outcome.Granted granted -> {
        ProtectedGroup g = granted.group();
        String status =
            request.texts().groupStatus(g.pause(), g.channels(), members.counts(g.id()));
        Optional<Instant> failing = checksFailingSince.get();
        if (failing.isPresent()) {
          status +=
              "\n"
                  + request
                      .texts()
                      .checksFailing(
                          failing.get(),
                          g.settings().enforcement().onCheckFailure(),
                          deadlines.count(g.id(), MemberDeadline.Kind.HOLD));
        }
        Instant now = clock.instant();
        for (MemberSweep.Kind kind : MemberSweep.Kind.values()) {
          Optional<MemberSweep> sweep =
              sweeps.find(g.id(), kind).filter(s -> s.startedAt().isPresent());
          if (sweep.isPresent()) {
            status += "\n" + request.texts().sweepProgress(sweep.get(), now);
          }
        }
        yield request.reply(status);
      }
    };
  }

  private List<Decision> inPrivate(CommandRequest request) {
    CommandTexts texts = request.texts();
    if (!(request.sender() instanceof Sender.User u)) {
      return List.of(new Note("ignored"));
    }
    List<ProtectedGroup> mine =
        groups.ownedBy(u.user().id()).stream().filter(ProtectedGroup::enabled).toList();
    return request.reply(mine.isEmpty() ? texts.noOwnedGroups() : texts.ownedGroups(mine));
  }
}
