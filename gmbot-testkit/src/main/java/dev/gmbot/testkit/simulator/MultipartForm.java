package dev.gmbot.testkit.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a multipart/form-data body as the Bot API accepts it: text fields become parameters (as a
 * form-urlencoded body's would), file parts become {@link UploadedFile} values.
 */
final class MultipartForm {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  private MultipartForm() {}

  static boolean isMultipart(String contentType) {
    return contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /**
   * Adds every part of the body to {@code into}.
   *
   * @throws IllegalArgumentException when the body is not a well-formed multipart body
   */
  static void parse(String contentType, byte[] body, Map<String, Object> into) {
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) {
      throw new IllegalArgumentException("multipart/form-data without a boundary");
    }
    byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw new IllegalArgumentException("multipart body without its boundary");
    }
    while (true) {
      int partStart = at + delimiter.length;
      if (startsWith(body, partStart, "--")) {
        return; // the closing delimiter
      }
      partStart = skipLineBreak(body, partStart);
      int next = indexOf(body, delimiter, partStart);
      if (next < 0) {
        throw new IllegalArgumentException("multipart body is not closed");
      }
      int partEnd = next;
      if (partEnd >= 2 && body[partEnd - 2] == '\r' && body[partEnd - 1] == '\n') {
        partEnd -= 2;
      }
      part(Arrays.copyOfRange(body, partStart, partEnd), into);
      at = next;
    }
  }

  private static void part(byte[] part, Map<String, Object> into) {
    int split = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (split < 0) {
      throw new IllegalArgumentException("multipart part without headers");
    }
    String headers = new String(part, 0, split, StandardCharsets.UTF_8);
    byte[] content = Arrays.copyOfRange(part, split + 4, part.length);
    Optional<String> disposition = header(headers, "content-disposition");
    Matcher name = NAME.matcher(disposition.orElse(""));
    if (!name.find()) {
      throw new IllegalArgumentException("multipart part without a name");
    }
    Matcher fileName = FILE_NAME.matcher(disposition.get());
    if (fileName.find()) {
      into.put(
          name.group(1),
          new UploadedFile(fileName.group(1), header(headers, "content-type").orElse(""), content));
    } else {
      into.put(name.group(1), new String(content, StandardCharsets.UTF_8));
    }
  }

  private static Optional<String> header(String headers, String wanted) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(wanted)) {
        return Optional.of(line.substring(colon + 1).trim());
      }
    }
    return Optional.empty();
  }

  private static int skipLineBreak(byte[] body, int at) {
    return startsWith(body, at, "\r\n") ? at + 2 : at;
  }

  private static boolean startsWith(byte[] body, int at, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
    if (at + p.length > body.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (body[at + i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= body.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (body[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
