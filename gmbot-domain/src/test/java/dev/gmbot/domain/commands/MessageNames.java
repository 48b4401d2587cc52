package dev.gmbot.domain.commands;

import dev.gmbot.port.model.Language;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A catalogue ({@link CommandTexts}, {@link MenuTexts}) that answers each message with its own name
 * in guillemets ({@code «groupScreen»}) and remembers which messages were asked for: a text made of
 * such names only was built from the catalogue, with no words of its own.
 */
final class MessageNames<T> {
  private static final Pattern NAMES = Pattern.compile("(«[a-zA-Z]+»\\s*)+");

  private final Set<String> asked = new TreeSet<>();
  private final T texts;

  private MessageNames(Class<T> type) {
    this.texts =
        type.cast(
            Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> {
                  if (method.getName().equals("language")) {
                    return Language.ENGLISH;
                  }
                  asked.add(method.getName());
                  return "«" + method.getName() + "»";
                }));
  }

  static <T> MessageNames<T> of(Class<T> type) {
    return new MessageNames<>(type);
  }

  /** The catalogue, in every language. */
  T texts() {
    return texts;
  }

  /** The names of the messages asked for so far. */
  Set<String> asked() {
    return asked;
  }

  /** Whether the text is made of message names only. */
  static boolean onlyNames(String text) {
    return NAMES.matcher(text).matches();
  }
}
