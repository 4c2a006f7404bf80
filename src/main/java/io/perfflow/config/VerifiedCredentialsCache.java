package io.perfflow.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic sends the password with every API call, and checking it with BCrypt costs tens of
 * milliseconds of CPU each time (on 2 cores: about 25 calls per second). This provider checks a
 * username/password pair with BCrypt once and then trusts the same pair for a short time
 * ({@code perfflow.security.credentials-cache-ttl}, default 60 s; PT0S turns it off).
 *
 * <p>What is kept: a SHA-256 of a per-process random salt, the username and the password, never
 * the password; the authenticated result (with the groups as they were then, so a group change
 * takes effect within the TTL). A wrong password is never cached. At most {@value #MAX_ENTRIES}
 * entries; when full, the cache is cleared.
 */
public class VerifiedCredentialsCache implements AuthenticationProvider {
  static final int MAX_ENTRIES = 10_000;

  private record Entry(Authentication authentication, Instant expires) {}

  private final DaoAuthenticationProvider delegate;
  private final Duration ttl;
  private final Clock clock;
  private final byte[] salt = new byte[32];
  private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

  public VerifiedCredentialsCache(DaoAuthenticationProvider delegate, Duration ttl, Clock clock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.clock = clock;
    new SecureRandom().nextBytes(salt);
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    if (ttl.isZero() || ttl.isNegative() || authentication.getCredentials() == null) {
      return delegate.authenticate(authentication);
    }
    String key = digest(authentication.getName(), authentication.getCredentials().toString());
    Instant now = clock.instant();
    Entry hit = verified.get(key);
    if (hit != null && hit.expires().isAfter(now)) {
      return hit.authentication();
    }
    Authentication result = delegate.authenticate(authentication);
    if (verified.size() >= MAX_ENTRIES) {
      verified.clear();
    }
    verified.put(key, new Entry(result, now.plus(ttl)));
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** Forgets every verified pair (e.g. after a password change). */
  public void clear() {
    verified.clear();
  }

  private String digest(String username, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(username.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
