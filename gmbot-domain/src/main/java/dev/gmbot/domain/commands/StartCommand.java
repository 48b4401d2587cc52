package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.SaveOwner;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.out.OwnerRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * /start: the welcome with the setup steps in private (and a pointer to /protect in a group); with
 * the payload of a {@link DeepLink} (a group's /settings or /audit button), that group's menu or
 * log instead. Whoever starts the bot in private can be messaged there from then on.
 */
final class StartCommand implements Command {
  private final OwnerRepository owners;
  private final MenuEntrances menu;

  StartCommand(OwnerRepository owners, MenuEntrances menu) {
    this.owners = Objects.requireNonNull(owners, "owners");
    this.menu = Objects.requireNonNull(menu, "menu");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    CommandTexts texts = request.texts();
    if (request.chat().type() != ChatType.PRIVATE) {
      return request.reply(texts.startInGroup());
    }
    Optional<DeepLink> link =
        request.args().isEmpty() ? Optional.empty() : DeepLink.parse(request.args().get(0));
    List<Decision> decisions =
        new ArrayList<>(
            link.map(l -> menu.open(request, l)).orElseGet(() -> request.reply(texts.start())));
    if (request.sender() instanceof Sender.User u) {
      // Remember that this person can be messaged in private, whether or not they own a group
      // yet: someone who sends /start before /protect must still get the owner's warnings here.
      boolean known = owners.find(u.user().id()).map(Owner::reachableInPrivate).orElse(false);
      if (!known) {
        decisions.add(new SaveOwner(new Owner(u.user().id(), u.user().username(), true)));
      }
    }
    return decisions;
  }
}
