package dev.gmbot.testkit.simulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import javax.imageio.ImageIO;

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

  /**
   * The uploaded bytes decoded as a picture, so that a test sees a real image arrived.
   *
   * @throws IOException when the bytes are no image ImageIO can read
   */
  public BufferedImage image() throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.bytes()));
    if (image == null) {
      throw new IOException("not an image: " + file);
    }
    return image;
  }
}
