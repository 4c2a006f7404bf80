package io.perfflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** BCrypt once per username/password pair and TTL; wrong passwords are checked every time. */
class VerifiedCredentialsCacheTest {
  final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
  final AtomicInteger checks = new AtomicInteger();
  final PasswordEncoder counting = new PasswordEncoder() {
    @Override
    public String encode(CharSequence raw) {
      return bcrypt.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      checks.incrementAndGet();
      return bcrypt.matches(raw, encoded);
    }
  };
  Instant now = Instant.parse("2026-12-03T07:00:00Z");

  VerifiedCredentialsCache cache(Duration ttl) {
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(
        new InMemoryUserDetailsManager(User.withUsername("oscar").password(bcrypt.encode("demo")).authorities("GROUP_x").build()));
    dao.setPasswordEncoder(counting);
    return new VerifiedCredentialsCache(dao, ttl, new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now; }
    });
  }

  static UsernamePasswordAuthenticationToken login(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }

  @Test
  void aVerifiedPairIsTrustedUntilTheTtlEnds() {
    VerifiedCredentialsCache cache = cache(Duration.ofSeconds(60));
    assertThat(cache.authenticate(login("oscar", "demo")).isAuthenticated()).isTrue();
    assertThat(cache.authenticate(login("oscar", "demo")).getAuthorities()).extracting(Object::toString).containsExactly("GROUP_x");
    assertThat(checks.get()).as("BCrypt checks").isEqualTo(1);
    now = now.plusSeconds(61);
    cache.authenticate(login("oscar", "demo"));
    assertThat(checks.get()).as("after the TTL: checked again").isEqualTo(2);
  }

  @Test
  void wrongPasswordsAreNeverCachedNorTrusted() {
    VerifiedCredentialsCache cache = cache(Duration.ofSeconds(60));
    cache.authenticate(login("oscar", "demo"));
    assertThatThrownBy(() -> cache.authenticate(login("oscar", "demo2"))).isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> cache.authenticate(login("oscar", "demo2"))).isInstanceOf(BadCredentialsException.class);
    assertThat(checks.get()).isEqualTo(3);
  }

  @Test
  void aZeroTtlTurnsItOff() {
    VerifiedCredentialsCache cache = cache(Duration.ZERO);
    cache.authenticate(login("oscar", "demo"));
    cache.authenticate(login("oscar", "demo"));
    assertThat(checks.get()).isEqualTo(2);
  }
}
