package org.bangfu.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** "An open case" is said once: CaseStatus.OPEN, and the one SQL fragment every mapper includes. */
class CaseStatusTest {

  private static final Path MAPPERS = Path.of("src/main/resources/org/bangfu");

  @Test
  void theSqlFragmentListsTheOpenStatuses() throws IOException {
    String caseFiles = Files.readString(MAPPERS.resolve("casefile/CaseFileMapper.xml"));
    Matcher fragment = Pattern.compile("<sql id=\"openStatus\">\\(([^)]*)\\)</sql>").matcher(caseFiles);
    assertThat(fragment.find()).isTrue();
    List<String> listed = Arrays.stream(fragment.group(1).split(",")).map(s -> s.trim().replace("'", "")).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(CaseStatus.OPEN.stream().map(Enum::name).toList());
    assertThat(Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)).containsExactlyInAnyOrderElementsOf(
        CaseStatus.OPEN);
  }

  @Test
  void noMapperSpellsTheOpenStatusesItself() throws IOException {
    List<Path> mappers;
    try (Stream<Path> files = Files.walk(MAPPERS)) {
      mappers = files.filter(p -> p.toString().endsWith("Mapper.xml")).toList();
    }
    assertThat(mappers).hasSizeGreaterThan(5);
    for (Path mapper : mappers) {
      String sql = Files.readString(mapper).replaceAll("<sql id=\"openStatus\">[^<]*</sql>", "");
      assertThat(sql).as("%s lists case statuses itself; include openStatus", mapper)
          .doesNotContainPattern("IN\\s*\\(\\s*'IDENTIFYING'");
    }
  }
}
