package dev.gmbot.testkit.fake;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.TrustedMember;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.TrustList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link TrustList} in memory, with the same contract as the database's. */
public final class InMemoryTrustList implements TrustList {
  private record Key(GroupId group, UserId user) {}

  private final Map<Key, TrustedMember> members = new LinkedHashMap<>();

  @Override
  public synchronized boolean isTrusted(GroupId group, UserId user) {
    return members.containsKey(new Key(group, user));
  }

  @Override
  public synchronized void trust(TrustedMember member) {
    members.put(new Key(member.group(), member.user()), member);
  }

  @Override
  public synchronized boolean untrust(GroupId group, UserId user) {
    return members.remove(new Key(group, user)) != null;
  }

  @Override
  public synchronized List<TrustedMember> list(GroupId group, int limit) {
    List<TrustedMember> out = new ArrayList<>();
    for (TrustedMember m : members.values()) {
      if (m.group().equals(group)) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(TrustedMember::at).thenComparing(m -> m.user().value()));
    return List.copyOf(out.subList(0, Math.min(Math.max(0, limit), out.size())));
  }

  @Override
  public synchronized int count(GroupId group) {
    return (int) members.keySet().stream().filter(k -> k.group().equals(group)).count();
  }
}
