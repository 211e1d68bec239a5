package org.bangfu.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The case audit and the record of full ID numbers shown have no update or delete path in the application: no mapper
 * statement and no SQL anywhere in the sources changes or removes their rows. (On MySQL and MariaDB the database
 * refuses them too: SecurityIT, IdNumberRevealIT.)
 */
class AuditAppendOnlyTest {

  private static final Pattern CHANGE = Pattern.compile(
      "(?is)\\b(update\\s+(bf_case_audit|bf_id_number_reveal)\\b"
          + "|delete\\s+from\\s+(bf_case_audit|bf_id_number_reveal)\\b"
          + "|truncate\\s+(table\\s+)?(bf_case_audit|bf_id_number_reveal)\\b)");

  @Test
  void noSourceChangesOrRemovesAuditRows() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main")), Files.walk(Path.of("workers")))) {
      sources = files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".xml")).toList();
    }
    assertThat(sources).anyMatch(f -> f.endsWith("CaseFileMapper.xml"))
        .anyMatch(f -> f.endsWith("IdNumberRevealMapper.xml"));
    for (Path source : sources) {
      assertThat(CHANGE.matcher(Files.readString(source)).find()).as("%s changes an append-only table", source)
          .isFalse();
    }
    // the scan itself finds such a statement
    assertThat(CHANGE.matcher("<update id=\"x\">UPDATE bf_case_audit SET reason = ''</update>").find()).isTrue();
    assertThat(CHANGE.matcher("DELETE\n  FROM bf_case_audit WHERE id = 1").find()).isTrue();
    assertThat(CHANGE.matcher("update bf_id_number_reveal set reason = ''").find()).isTrue();
    assertThat(CHANGE.matcher("INSERT INTO bf_case_audit (case_id) VALUES (1)").find()).isFalse();
  }

  @Test
  void theAuditMapperOnlyInsertsAndSelects() throws IOException {
    String mapper = Files.readString(Path.of("src/main/resources/org/bangfu/casefile/CaseFileMapper.xml"));
    String auditStatements = Pattern.compile("(?s)<(update|delete)\\b.*?</\\1>").matcher(mapper).results()
        .map(m -> m.group()).filter(s -> s.contains("bf_case_audit")).reduce("", String::concat);
    assertThat(auditStatements).isEmpty();
    assertThat(mapper).contains("INSERT INTO bf_case_audit");
    String reveals = Files.readString(Path.of("src/main/resources/org/bangfu/household/IdNumberRevealMapper.xml"));
    assertThat(Pattern.compile("<(update|delete|select)\\b").matcher(reveals).find()).as("only an insert").isFalse();
    assertThat(reveals).contains("INSERT INTO bf_id_number_reveal");
  }
}
