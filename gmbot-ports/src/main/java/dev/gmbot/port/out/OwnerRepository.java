package dev.gmbot.port.out;

import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.UserId;
import java.util.Optional;

/** Owners of protected groups. */
public interface OwnerRepository {
  Optional<Owner> find(UserId owner);

  /** Inserts or replaces. */
  void save(Owner owner);
}
