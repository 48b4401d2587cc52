package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {
  @Test
  void theListOfShippedMigrationsIsTheResourceFolders() throws Exception {
    for (String vendor : List.of("h2", "postgresql")) {
      List<String> onClasspath =
          Stream.concat(files("common").stream(), files(vendor).stream())
              .sorted((a, b) -> Integer.compare(version(a), version(b)))
              .toList();
      List<String> listed =
          SchemaHistory.MIGRATIONS.stream().map(m -> m.replace("{vendor}", vendor)).toList();

      assertThat(listed).as(vendor).isEqualTo(onClasspath);
    }
  }

  @Test
  void versionsAreReadFromTheFileNames() {
    assertThat(SchemaHistory.expected("postgresql"))
        .extracting(SchemaHistory.Entry::version)
        .containsExactly("1", "2", "20", "31", "50", "60", "70", "71");
    assertThat(SchemaHistory.expected("h2").get(1).checksum())
        .as("the vendor files differ, so do their checksums")
        .isNotEqualTo(SchemaHistory.expected("postgresql").get(1).checksum());
  }

  private static List<String> files(String folder) throws IOException, URISyntaxException {
    URL url = SchemaHistoryTest.class.getClassLoader().getResource("db/migration/" + folder);
    assertThat(url).as(folder).isNotNull();
    try (Stream<Path> list = Files.list(Path.of(url.toURI()))) {
      return list.map(p -> folder + "/" + p.getFileName()).filter(f -> f.endsWith(".sql")).toList();
    }
  }

  private static int version(String migration) {
    String file = migration.substring(migration.indexOf('/') + 2);
    return Integer.parseInt(file.substring(0, file.indexOf("__")));
  }
}
