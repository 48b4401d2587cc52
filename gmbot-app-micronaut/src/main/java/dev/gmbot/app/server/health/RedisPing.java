package dev.gmbot.app.server.health;

import dev.gmbot.adapter.redis.RedisConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * A Redis PING for /health on a short-lived connection of its own (RESP over a socket), so that the
 * probe tells whether Redis answers now, independently of the shared-state adapter's fallbacks.
 */
public final class RedisPing {
  private final RedisConfig config;

  public RedisPing(RedisConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** True when Redis answered PONG within the configured connect timeout. */
  public boolean ping() {
    int timeout = (int) Math.max(100, config.connectTimeout().toMillis() * 2);
    try (Socket socket = open(timeout)) {
      socket.setSoTimeout(timeout);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      if (config.password().isPresent()) {
        List<String> auth = new ArrayList<>();
        auth.add("AUTH");
        config.username().ifPresent(auth::add);
        auth.add(config.password().get());
        out.write(command(auth));
        if (!readLine(in).startsWith("+OK")) {
          return false;
        }
      }
      out.write(command(List.of("PING")));
      out.flush();
      return readLine(in).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private Socket open(int timeout) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(config.host(), config.port()), timeout);
    if (!config.tls()) {
      return socket;
    }
    return ((SSLSocketFactory) SSLSocketFactory.getDefault())
        .createSocket(socket, config.host(), config.port(), true);
  }

  private static byte[] command(List<String> parts) {
    StringBuilder resp = new StringBuilder("*").append(parts.size()).append("\r\n");
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      resp.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
    }
    return resp.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
      if (line.length() > 512) {
        break;
      }
    }
    return line.toString();
  }
}
