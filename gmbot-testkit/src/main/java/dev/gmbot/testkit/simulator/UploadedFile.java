package dev.gmbot.testkit.simulator;

import java.util.Objects;

/**
 * A file part of a multipart/form-data request, as the simulator received it.
 *
 * @param fileName the part's {@code filename}
 * @param contentType the part's {@code Content-Type} ("" when none was given)
 * @param bytes the content
 */
public record UploadedFile(String fileName, String contentType, byte[] bytes) {
  public UploadedFile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The size and name, so that a call log shows what arrived without dumping the bytes. */
  @Override
  public String toString() {
    return fileName + " (" + contentType + ", " + bytes.length + " bytes)";
  }
}
