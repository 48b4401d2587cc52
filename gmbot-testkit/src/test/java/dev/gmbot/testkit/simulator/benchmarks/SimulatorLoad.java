package dev.gmbot.testkit.simulator.benchmarks;

import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load test of the Bot API simulator (a main, not a unit test). Measures start-up time and
 * requests/s for a mix of getChatMember / restrictChatMember / sendMessage from N concurrent
 * keep-alive clients.
 *
 * <p>Run: {@code ./mvnw -B -q -pl gmbot-testkit -am test-compile} then {@code java -cp
 * gmbot-testkit/target/test-classes:gmbot-testkit/target/classes
 * dev.gmbot.testkit.simulator.benchmarks.SimulatorLoad [clients] [seconds]}.
 */
public final class SimulatorLoad {
  private SimulatorLoad() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;

    // cold start (first in this JVM: class loading included)
    long t0 = System.nanoTime();
    TelegramSimulator first = TelegramSimulator.start();
    long coldNanos = System.nanoTime() - t0;
    first.close();
    long t1 = System.nanoTime();
    int warmStarts = 20;
    for (int i = 0; i < warmStarts; i++) {
      TelegramSimulator.start().close();
    }
    long warmNanos = (System.nanoTime() - t1) / warmStarts;
    System.out.printf(
        Locale.ROOT, "start: cold %.1f ms, warm %.2f ms%n", coldNanos / 1e6, warmNanos / 1e6);

    try (TelegramSimulator sim = TelegramSimulator.start()) {
      SimChat group = sim.newSupergroup("Load").withBotAsAdmin(AdminRights.guard());
      List<SimUser> users = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        SimUser u = sim.newUser("U" + i);
        users.add(u);
        group.withMembers(u);
      }
      String base = sim.baseUrl() + "/bot" + sim.token() + "/";
      LongAdder ok = new LongAdder();
      LongAdder failed = new LongAdder();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<?>> futures = new ArrayList<>();
      long warmupEnd = System.nanoTime() + 2_000_000_000L;
      long[] window = new long[2];
      long end = warmupEnd + seconds * 1_000_000_000L;
      for (int c = 0; c < clients; c++) {
        int seed = c;
        futures.add(
            pool.submit(
                () -> {
                  HttpClient http =
                      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                  long i = seed;
                  while (System.nanoTime() < end) {
                    SimUser u = users.get((int) (i % users.size()));
                    String body;
                    String method;
                    switch ((int) (i % 4)) {
                      case 0, 1 -> {
                        method = "getChatMember";
                        body = "{\"chat_id\":" + group.id() + ",\"user_id\":" + u.id() + "}";
                      }
                      case 2 -> {
                        method = "restrictChatMember";
                        body =
                            "{\"chat_id\":"
                                + group.id()
                                + ",\"user_id\":"
                                + u.id()
                                + ",\"permissions\":{\"can_send_messages\":"
                                + (i % 8 == 2)
                                + "}}";
                      }
                      default -> {
                        method = "sendMessage";
                        body = "{\"chat_id\":" + group.id() + ",\"text\":\"hello " + i + "\"}";
                      }
                    }
                    i += clients;
                    HttpRequest req =
                        HttpRequest.newBuilder(URI.create(base + method))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    try {
                      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                      if (System.nanoTime() > warmupEnd) {
                        (r.statusCode() == 200 ? ok : failed).increment();
                      }
                    } catch (Exception e) {
                      failed.increment();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      window[0] = ok.sum();
      window[1] = failed.sum();
      System.out.printf(
          Locale.ROOT,
          "load: %d clients, %d s measured: %d ok, %d failed, %.0f requests/s%n",
          clients,
          seconds,
          window[0],
          window[1],
          (window[0] + window[1]) / (double) seconds);
      System.out.printf(
          Locale.ROOT,
          "call log size %d, updates emitted %d%n",
          sim.calls().all().size(),
          sim.updates().size());
    }
  }
}
