package dev.gmbot.testkit.simulator;

import java.util.Objects;

/**
 * A picture the bot sent with {@code sendPhoto}, kept with its bytes so that a test can check that
 * a real image arrived.
 *
 * @param chatId the chat
 * @param messageId the photo message's id
 * @param caption the caption ("" when none)
 * @param file the uploaded file
 */
public record SimPhoto(long chatId, long messageId, String caption, UploadedFile file) {
  public SimPhoto {
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(file, "file");
  }
}
