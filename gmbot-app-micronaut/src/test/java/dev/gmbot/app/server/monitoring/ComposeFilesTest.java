package dev.gmbot.app.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose files, checked without Docker: the structure the Compose specification requires,
 * references that resolve (services, named volumes, files of the repository), the variables they
 * need documented in {@code .env.example}, and the monitoring and proxy layout docs/operations.md
 * describes. Where a {@code docker compose} CLI exists, {@code docker compose config} must accept
 * them too.
 */
class ComposeFilesTest {
  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Set<String> TOP_LEVEL =
      Set.of("services", "volumes", "networks", "configs", "secrets", "name", "include");
  private static final Set<String> SERVICE_KEYS =
      Set.of(
          "image",
          "build",
          "restart",
          "env_file",
          "environment",
          "depends_on",
          "ports",
          "expose",
          "volumes",
          "command",
          "entrypoint",
          "healthcheck",
          "profiles",
          "stop_grace_period",
          "user",
          "working_dir",
          "labels",
          "logging",
          "networks",
          "extra_hosts",
          "secrets",
          "configs",
          "deploy",
          "ulimits",
          "cap_add",
          "cap_drop",
          "read_only",
          "tmpfs");

  /** What the deployer creates next to the compose files (docs/operations.md says how). */
  private static final Set<String> DEPLOYER_FILES = Set.of("./certs");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?][^}]*)?}");
  private static final Pattern PORT =
      Pattern.compile("^((\\d{1,3}\\.){3}\\d{1,3}:)?(\\d{1,5}:)?\\d{1,5}(/(tcp|udp))?$");

  static Stream<Path> composeFiles() throws IOException {
    try (Stream<Path> files = Files.list(REPOSITORY)) {
      return files
          .filter(p -> p.getFileName().toString().matches("docker-compose.*\\.ya?ml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> load(Path file) throws IOException {
    return new Yaml().load(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
    return (Map<String, Map<String, Object>>) compose.getOrDefault("services", Map.of());
  }

  @Test
  void thereAreTheProductionTheDevelopmentAndTheSelfSignedFiles() throws IOException {
    assertThat(composeFiles().map(p -> p.getFileName().toString()))
        .contains("docker-compose.yml", "docker-compose.dev.yml", "docker-compose.selfsigned.yml");
  }

  @ParameterizedTest
  @MethodSource("composeFiles")
  @SuppressWarnings("unchecked")
  void followsTheComposeStructureAndEveryReferenceResolves(Path file) throws IOException {
    Map<String, Object> compose = load(file);
    Set<String> declaredVolumes =
        ((Map<String, Object>) Optional.ofNullable(compose.get("volumes")).orElse(Map.of()))
            .keySet();
    Map<String, Map<String, Object>> services = services(compose);
    boolean override =
        !file.getFileName().toString().equals("docker-compose.yml")
            && !file.getFileName().toString().equals("docker-compose.dev.yml");
    Set<String> known = new LinkedHashSet<>(services.keySet());
    if (override) {
      known.addAll(services(load(REPOSITORY.resolve("docker-compose.yml"))).keySet());
      declaredVolumes = new LinkedHashSet<>(declaredVolumes);
      declaredVolumes.addAll(
          ((Map<String, Object>) load(REPOSITORY.resolve("docker-compose.yml")).get("volumes"))
              .keySet());
    }

    assertThat(compose.keySet()).allMatch(k -> TOP_LEVEL.contains(k) || k.startsWith("x-"));
    assertThat(services).isNotEmpty();
    for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> service = entry.getValue();
      assertThat(service.keySet()).as(name).allMatch(SERVICE_KEYS::contains);
      if (!override) {
        assertThat(service.containsKey("image") || service.containsKey("build"))
            .as(name + " has an image or a build")
            .isTrue();
      }
      for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
        assertThat(port.toString()).as(name + " port").matches(PORT);
      }
      for (Object profile : (List<Object>) service.getOrDefault("profiles", List.of())) {
        assertThat(profile).as(name + " profile").isInstanceOf(String.class);
      }
      Object dependsOn = service.getOrDefault("depends_on", List.of());
      Iterable<String> dependencies =
          dependsOn instanceof Map<?, ?> m ? (Set<String>) m.keySet() : (List<String>) dependsOn;
      for (String dependency : dependencies) {
        assertThat(known).as(name + " depends on " + dependency).contains(dependency);
      }
      for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
        String source = volume.toString().split(":")[0];
        if (source.startsWith(".") || source.startsWith("/")) {
          if (source.startsWith(".") && !DEPLOYER_FILES.contains(source)) {
            assertThat(REPOSITORY.resolve(source).normalize())
                .as(name + " mounts a file of the repository")
                .exists();
          }
        } else {
          assertThat(declaredVolumes).as(name + " uses named volume " + source).contains(source);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("composeFiles")
  void everyRequiredVariableIsDocumentedInTheEnvExample(Path file) throws IOException {
    String text = Files.readString(file);
    String example = Files.readString(REPOSITORY.resolve(".env.example"));
    Matcher m = VARIABLE.matcher(text);
    List<String> missing = new ArrayList<>();
    while (m.find()) {
      String variable = m.group(1);
      if (!Pattern.compile("(?m)^#?\\s*" + variable + "=").matcher(example).find()) {
        missing.add(variable);
      }
    }
    assertThat(missing)
        .as("variables of " + file.getFileName() + " missing from .env.example")
        .isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void productionPutsCaddyInFrontAndMonitoringIsAProfile() throws IOException {
    Map<String, Map<String, Object>> services =
        services(load(REPOSITORY.resolve("docker-compose.yml")));

    assertThat(services).containsKeys("bot", "caddy", "postgres", "redis", "prometheus", "grafana");
    assertThat((List<Object>) services.get("caddy").get("ports")).contains("443:443", "80:80");
    assertThat(services.get("bot"))
        .as("the bot is reached through Caddy only")
        .doesNotContainKey("ports");
    for (String always : List.of("bot", "caddy", "postgres", "redis")) {
      assertThat(services.get(always)).as(always).doesNotContainKey("profiles");
    }
    for (String monitoring : List.of("prometheus", "grafana")) {
      assertThat((List<Object>) services.get(monitoring).get("profiles"))
          .as(monitoring)
          .containsExactly("monitoring");
      assertThat((List<Object>) services.get(monitoring).get("ports"))
          .as(monitoring + " listens on the host's loopback only")
          .allMatch(p -> p.toString().startsWith("127.0.0.1:"));
    }
    assertThat(String.join("\n", (List<String>) services.get("prometheus").get("volumes")))
        .contains("./gmbot-app-micronaut/monitoring/prometheus:/etc/prometheus");
    String prometheus = Files.readString(Tools.PROMETHEUS_CONFIG);
    assertThat(prometheus).contains("targets: [\"bot:8443\"]").contains("rules/*.yml");
  }

  @Test
  @SuppressWarnings("unchecked")
  void withoutADomainTheBotServesTlsItselfAndCaddyStaysOff() throws IOException {
    Map<String, Map<String, Object>> services =
        services(load(REPOSITORY.resolve("docker-compose.selfsigned.yml")));

    assertThat((List<Object>) services.get("caddy").get("profiles")).isNotEmpty();
    assertThat((List<Object>) services.get("bot").get("ports")).containsExactly("8443:8443");
    assertThat((List<Object>) services.get("bot").get("environment"))
        .contains("GMBOT_TLS_CERT=/certs/gmbot.pem", "GMBOT_TLS_KEY=/certs/gmbot.key");
    assertThat(Files.readString(REPOSITORY.resolve(".gitignore"))).contains("certs/");
  }

  @Test
  void theCaddyfileProxiesOnlyTheWebhookToTheBot() throws IOException {
    String caddyfile = Files.readString(Tools.MONITORING.resolve("caddy/Caddyfile"));

    assertThat(caddyfile)
        .contains("{$GMBOT_DOMAIN")
        .contains("handle {$GMBOT_WEBHOOK_PATH:/webhook}")
        .contains("reverse_proxy bot:8443")
        .contains("respond \"Not found\" 404");
    Optional<Path> caddy = Tools.find("caddy");
    if (caddy.isEmpty()) {
      System.err.println("(caddy is not installed: the Caddyfile is checked as text only)");
      return;
    }
    Tools.Run run =
        Tools.run(
            Tools.MONITORING,
            List.of(
                caddy.get().toString(),
                "validate",
                "--adapter",
                "caddyfile",
                "--config",
                Tools.MONITORING.resolve("caddy/Caddyfile").toString()));
    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  @Test
  void dockerComposeConfigAcceptsTheFilesWhereTheCliExists() throws IOException {
    List<String> cli = composeCli();
    if (cli.isEmpty()) {
      System.err.println(
          "(no docker compose CLI: the compose files are checked structurally only)");
      return;
    }
    Path project = Files.createTempDirectory("gmbot-compose");
    try {
      for (Path file : composeFiles().toList()) {
        Files.copy(file, project.resolve(file.getFileName()));
      }
      Files.writeString(
          project.resolve(".env"),
          Files.readString(REPOSITORY.resolve(".env.example"))
              + "\nDB_PASSWORD=x\nBOT_TOKEN=1:x\nGMBOT_DOMAIN=bot.example.org\n");
      List<List<String>> runs = new ArrayList<>();
      runs.add(List.of("-f", "docker-compose.yml"));
      runs.add(List.of("-f", "docker-compose.yml", "--profile", "monitoring"));
      runs.add(List.of("-f", "docker-compose.dev.yml"));
      if (Files.exists(project.resolve("docker-compose.selfsigned.yml"))) {
        runs.add(List.of("-f", "docker-compose.yml", "-f", "docker-compose.selfsigned.yml"));
      }
      for (List<String> args : runs) {
        List<String> command = new ArrayList<>(cli);
        command.addAll(args);
        command.addAll(List.of("config", "-q"));
        Tools.Run run = Tools.run(project, command);
        assertThat(run.exitCode()).as(command + ": " + run.output()).isZero();
      }
    } finally {
      try (Stream<Path> files = Files.list(project)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(project);
    }
  }

  /** {@code docker compose} (v2) or {@code docker-compose}, when one works here. */
  private static List<String> composeCli() {
    Optional<Path> docker = Tools.find("docker");
    if (docker.isPresent()
        && Tools.run(REPOSITORY, List.of(docker.get().toString(), "compose", "version")).exitCode()
            == 0) {
      return List.of(docker.get().toString(), "compose");
    }
    return Tools.find("docker-compose").map(p -> List.of(p.toString())).orElse(List.of());
  }
}
