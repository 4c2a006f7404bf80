package io.perfflow.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfflow.metrics.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo seed's bulk insert: existing people stay as they are, each distinct password is hashed once. */
class OrganisationSeedTest {
  @Test
  void addsOnlyTheMissingPeopleAndHashesEachDistinctPasswordOnce() {
    TestDatabase db = TestDatabase.fresh().withAppSearchPath();
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    AtomicInteger hashed = new AtomicInteger();
    PasswordEncoder counting = new PasswordEncoder() {
      @Override
      public String encode(CharSequence raw) {
        hashed.incrementAndGet();
        return bcrypt.encode(raw);
      }

      @Override
      public boolean matches(CharSequence raw, String encoded) {
        return bcrypt.matches(raw, encoded);
      }
    };
    Organisation organisation = new Organisation(db.jdbc, counting);
    organisation.upsertAll(List.of(person("ada", "first-password")));
    hashed.set(0);

    int added = organisation.upsertAll(List.of(
        person("ada", "changed-password"), person("bo", "shared"), person("cy", "shared"), person("di", "other"), person("ed", null)));

    assertEquals(4, added, "bo, cy, di and ed are new; ada exists");
    assertEquals(2, hashed.get(), "'shared' and 'other', each once");
    assertTrue(bcrypt.matches("first-password", organisation.passwordHash("ada").orElseThrow()), "an existing account keeps its password");
    assertTrue(bcrypt.matches("shared", organisation.passwordHash("bo").orElseThrow()));
    assertTrue(bcrypt.matches("shared", organisation.passwordHash("cy").orElseThrow()));
    assertTrue(bcrypt.matches("other", organisation.passwordHash("di").orElseThrow()));
    assertFalse(bcrypt.matches("", organisation.passwordHash("ed").orElseThrow()), "no password: the account cannot log in");
  }

  private static NewEmployee person(String id, String password) {
    return new NewEmployee(id, id.toUpperCase(), id + "@example.com", "operations", "ops", null, null, LocalDate.of(2024, 1, 1),
        "P1", new BigDecimal("8000"), List.of(), password);
  }
}
