package dev.gmbot.port.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** An inline keyboard button: opens a URL, or sends callback data (1-64 bytes) to the bot. */
public sealed interface Button {
  String text();

  record Url(String text, String url) implements Button {
    public Url {
      Objects.requireNonNull(text, "text");
      if (url == null
          || !(url.startsWith("https://")
              || url.startsWith("http://")
              || url.startsWith("tg://"))) {
        throw new IllegalArgumentException("a URL button needs an http(s):// or tg:// URL: " + url);
      }
    }
  }

  record Callback(String text, String data) implements Button {
    public Callback {
      Objects.requireNonNull(text, "text");
      int bytes = data == null ? 0 : data.getBytes(StandardCharsets.UTF_8).length;
      if (bytes < 1 || bytes > 64) {
        throw new IllegalArgumentException("callback data must be 1-64 bytes, got " + bytes);
      }
    }
  }
}
