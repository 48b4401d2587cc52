package dev.gmbot.port.out;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.TrustedMember;
import dev.gmbot.port.model.UserId;
import java.util.List;

/**
 * Members exempt from the checks, per group (/trust, /untrust). Every operation is keyed by the
 * group (tenant isolation). {@link #isTrusted} is on the hot path: a caching implementation must
 * see a change made on any instance within one second. Failures of the store are {@link
 * StorageUnavailableException}.
 */
public interface TrustList {
  /** No trust list: nobody is trusted, and trusting is refused (an embedder without a store). */
  TrustList NONE =
      new TrustList() {
        @Override
        public boolean isTrusted(GroupId group, UserId user) {
          return false;
        }

        @Override
        public void trust(TrustedMember member) {
          throw new StorageUnavailableException("no trust list is configured", null);
        }

        @Override
        public boolean untrust(GroupId group, UserId user) {
          return false;
        }

        @Override
        public List<TrustedMember> list(GroupId group, int limit) {
          return List.of();
        }

        @Override
        public int count(GroupId group) {
          return 0;
        }
      };

  boolean isTrusted(GroupId group, UserId user);

  /** Trusts the member (replacing an earlier entry of theirs in the group). */
  void trust(TrustedMember member);

  /**
   * @return whether the member was trusted
   */
  boolean untrust(GroupId group, UserId user);

  /** The group's trusted members, oldest first, at most {@code limit}. */
  List<TrustedMember> list(GroupId group, int limit);

  /** How many members the group trusts. */
  int count(GroupId group);
}
