package io.perfflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/data.md documents every source table, column, unit and key exactly as the ingestion checks
 * them: its generated part equals {@link SourceTablesDoc#markdown()}. On a difference the test
 * writes the expected file to target/data.md (copy it over docs/data.md).
 */
class SourceTablesDocTest {
  @Test
  void docsDataMdDescribesEverySourceTableAsTheIngestionChecksIt() throws Exception {
    String doc = Files.readString(Path.of("docs/data.md"));
    int begin = doc.indexOf(SourceTablesDoc.BEGIN);
    int end = doc.indexOf(SourceTablesDoc.END);
    assertThat(begin).as("generated section start").isNotNegative();
    assertThat(end).as("generated section end").isGreaterThan(begin);
    String current = doc.substring(begin, end + SourceTablesDoc.END.length() + 1);
    String expected = SourceTablesDoc.markdown();
    if (!current.equals(expected)) {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target/data.md"), doc.substring(0, begin) + expected + doc.substring(end + SourceTablesDoc.END.length() + 1));
    }
    assertThat(current).as("docs/data.md is out of date; the expected file is in target/data.md").isEqualTo(expected);
    for (SourceTable t : SourceTables.ALL) {
      assertThat(doc).contains("POST /api/source/" + t.name());
    }
  }

  @Test
  void everyDescriptorMatchesItsTableKeyAndColumns() {
    for (SourceTable t : SourceTables.ALL) {
      assertThat(t.key()).as(t.name()).isNotEmpty();
      t.key().forEach(k -> assertThat(t.column(k).required()).as(t.name() + " key " + k + " is required").isTrue());
      assertThat(t.columns().stream().map(SourceColumn::field).distinct().count()).isEqualTo(t.columns().size());
    }
  }
}
