package io.perfflow.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL that keeps ./data/postgres is the company's only copy of its reviews:
 * it must run with PostgreSQL's durable settings, not zonky's test defaults (-F, synchronous_commit=off).
 */
class EmbeddedPostgresSettingsTest {
  @TempDir Path data;

  @Test
  void aKeptDataFolderRunsWithDurableSettingsOnLoopbackOnly() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start(data.resolve("pg").toString());
        Connection c = postgres.getPostgresDatabase().getConnection()) {
      assertThat(show(c, "fsync")).isEqualTo("on");
      assertThat(show(c, "synchronous_commit")).isEqualTo("on");
      assertThat(show(c, "full_page_writes")).isEqualTo("on");
      assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void aThrowAwayDatabaseKeepsTheFastTestSettings() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start("");
        Connection c = postgres.getPostgresDatabase().getConnection()) {
      assertThat(show(c, "fsync")).isEqualTo("off");
      assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
    }
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW " + setting)) {
      r.next();
      return r.getString(1);
    }
  }
}
