package dev.gmbot.testkit.contract;

import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.ChannelRepository;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.PromptRepository;
import java.util.Objects;

/** The repository ports of one store, as the repository contracts use them together. */
public record RepositoryStore(
    GroupRepository groups,
    ChannelRepository channels,
    OwnerRepository owners,
    MemberRepository members,
    PromptRepository prompts,
    AuditTrail audit) {
  public RepositoryStore {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(channels, "channels");
    Objects.requireNonNull(owners, "owners");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(prompts, "prompts");
    Objects.requireNonNull(audit, "audit");
  }
}
