package dev.gmbot.adapter.postgres;

import dev.gmbot.port.config.ConfigurationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the persistence tasks alone, configured from the environment ({@code DATABASE_URL}, ...):
 * {@code migrate} applies the migrations; {@code import-env FILE} migrates, then imports a legacy
 * {@code .env} file. The apps' commands of the same names do the same through {@link #run}.
 */
public final class PersistenceCli {
  private PersistenceCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /**
   * Runs one command and returns the process exit code (0 ok, 1 failure, 2 usage or invalid
   * configuration). Failures are printed as one line, without stack trace.
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length == 0
        || !(args[0].equals("migrate") || (args[0].equals("import-env") && args.length == 2))) {
      err.println("usage: migrate | import-env <path/to/.env>");
      return 2;
    }
    try (Database db = Database.fromEnvironment(env)) {
      int applied = db.migrate();
      out.println(
          "database " + db.config().redactedUrl() + ": " + applied + " migration(s) applied");
      if (args[0].equals("import-env")) {
        LegacyEnvImporter.Result result =
            new LegacyEnvImporter(db.groups(), Clock.systemUTC()).importFile(Path.of(args[1]));
        out.println(
            "group "
                + result.group()
                + " "
                + result.outcome().name().toLowerCase(Locale.ROOT)
                + " with channels "
                + result.channels());
      }
      return 0;
    } catch (ConfigurationException e) {
      err.println(e.getMessage());
      return 2;
    } catch (DatabaseConfigurationException | LegacyEnvException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("cannot read " + args[1] + ": " + e.getMessage());
      return 1;
    }
  }
}
