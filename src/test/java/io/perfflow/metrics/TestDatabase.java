package io.perfflow.metrics;

import io.perfflow.demo.DemoCompany;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real PostgreSQL for plain JUnit tests: one embedded server per test JVM, migrated once into a
 * template database; {@link #fresh()} copies it ({@code CREATE DATABASE ... TEMPLATE ...}, much
 * faster than running the migrations again), {@link #withDemoEmployees()} adds the demo roster.
 */
public final class TestDatabase {
  private static final String TEMPLATE = "perfflow_template";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;
  private static boolean templateMigrated;

  public final DataSource dataSource;
  public final JdbcClient jdbc;
  public final TransactionTemplate transaction;

  private TestDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** A new database with the schema and seeded configuration, and no employees. */
  public static synchronized TestDatabase fresh() {
    String name = "perfflow_test_" + DATABASES.incrementAndGet();
    JdbcClient.create(server().getPostgresDatabase()).sql("CREATE DATABASE " + name + " TEMPLATE " + template()).update();
    return new TestDatabase(server().getDatabase("postgres", name));
  }

  /**
   * This database with the application's search path (perfflow, public), for classes that read
   * their tables by their plain names, as the app does (its data source sets the same path).
   */
  public TestDatabase withAppSearchPath() {
    String name = jdbc.sql("SELECT current_database()").query(String.class).single();
    jdbc.sql("ALTER DATABASE " + name + " SET search_path = perfflow, public").update();
    return this;
  }

  /** A new database with the demo company's employees (the rows their data refers to). */
  public static TestDatabase withDemoEmployees() {
    TestDatabase db = fresh();
    db.insertDemoEmployees();
    return db;
  }

  // The template is only read by CREATE DATABASE, never connected to after its migration (a copy
  // fails while anyone is connected to the template); the data source opens no pooled connections.
  private static String template() {
    if (!templateMigrated) {
      JdbcClient.create(server().getPostgresDatabase()).sql("CREATE DATABASE " + TEMPLATE).update();
      Flyway.configure().dataSource(server().getDatabase("postgres", TEMPLATE)).schemas("perfflow", "demo")
          .defaultSchema("perfflow").load().migrate();
      templateMigrated = true;
    }
    return TEMPLATE;
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  // Managers come before their reports in the roster, so the manager_id references resolve.
  private void insertDemoEmployees() {
    for (DemoCompany.DemoEmployee e : DemoCompany.EMPLOYEES) {
      jdbc.sql("""
              INSERT INTO perfflow.employee (id, name, email, role, team, manager_id, store_id, hired_on, level, base_pay, password_hash)
              VALUES (:id, :name, :email, :role, :team, :manager, :store, :hired, :level, :pay, 'test')""")
          .param("id", e.id()).param("name", e.name()).param("email", e.email()).param("role", e.role())
          .param("team", e.team()).param("manager", e.managerId()).param("store", e.storeId())
          .param("hired", e.hiredOn()).param("level", e.level()).param("pay", e.basePay())
          .update();
    }
  }
}
