package dev.gmbot.testkit.sentry;

import dev.gmbot.testkit.simulator.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One envelope as Sentry's SDKs send it: a header line (JSON), then items, each a header line
 * (JSON, with {@code type} and optionally {@code length}) and a payload.
 *
 * @param project the project id of the URL it was posted to
 * @param bytes the envelope as received (decompressed when it was sent gzipped)
 * @param header the envelope header
 * @param items the items in order
 */
public record SentryEnvelope(
    String project, byte[] bytes, Map<String, Object> header, List<Item> items) {

  /** One item: its header and its payload. */
  public record Item(Map<String, Object> header, byte[] payload) {
    /** The item type: {@code event}, {@code session}, {@code client_report}, … */
    public String type() {
      return String.valueOf(header.get("type"));
    }

    /** The payload parsed as a JSON object (events are). */
    public Map<String, Object> json() {
      return Json.parseObject(new String(payload, StandardCharsets.UTF_8));
    }
  }

  public SentryEnvelope {
    Objects.requireNonNull(project, "project");
    bytes = bytes.clone();
    header = Map.copyOf(header);
    items = List.copyOf(items);
  }

  /** The envelope as text (UTF-8). */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Parses an envelope body. */
  public static SentryEnvelope parse(String project, byte[] body) {
    Reader reader = new Reader(body);
    Map<String, Object> header = Json.parseObject(reader.line());
    List<Item> items = new ArrayList<>();
    while (reader.more()) {
      String itemHeaderLine = reader.line();
      if (itemHeaderLine.isBlank()) {
        continue;
      }
      Map<String, Object> itemHeader = Json.parseObject(itemHeaderLine);
      Object length = itemHeader.get("length");
      byte[] payload = length instanceof Number n ? reader.bytes(n.intValue()) : reader.lineBytes();
      items.add(new Item(itemHeader, payload));
    }
    return new SentryEnvelope(project, body, header, items);
  }

  private static final class Reader {
    private final byte[] data;
    private int pos;

    Reader(byte[] data) {
      this.data = data;
    }

    boolean more() {
      return pos < data.length;
    }

    String line() {
      return new String(lineBytes(), StandardCharsets.UTF_8);
    }

    byte[] lineBytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      while (pos < data.length && data[pos] != '\n') {
        out.write(data[pos++]);
      }
      pos++; // the newline
      return out.toByteArray();
    }

    byte[] bytes(int n) {
      int end = Math.min(data.length, pos + n);
      byte[] out = Arrays.copyOfRange(data, pos, end);
      pos = end;
      if (pos < data.length && data[pos] == '\n') {
        pos++;
      }
      return out;
    }
  }
}
