package io.perfflow.config;

import io.perfflow.org.Organisation;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everyone logs in with their employee id (HTTP Basic for the API, a login form for the UI).
 * Authorities are the employee's groups as {@code GROUP_<id>}; HR administration needs
 * {@code GROUP_hr}. Health is readable without login.
 */
@Configuration
public class SecurityConfiguration {
  public static final String HR = "GROUP_hr";
  /** Service accounts that send the company systems' data ({@code POST /api/source/**}). */
  public static final String SOURCE_FEEDS = "GROUP_source-feeds";

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /** BCrypt once per username/password pair, then trusted for a short while (VerifiedCredentialsCache). */
  @Bean
  VerifiedCredentialsCache authenticationProvider(
      UserDetailsService users, PasswordEncoder passwords,
      @org.springframework.beans.factory.annotation.Value("${perfflow.security.credentials-cache-ttl:PT60S}") java.time.Duration ttl) {
    org.springframework.security.authentication.dao.DaoAuthenticationProvider dao =
        new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
    dao.setPasswordEncoder(passwords);
    return new VerifiedCredentialsCache(dao, ttl, java.time.Clock.systemUTC());
  }

  @Bean
  UserDetailsService users(Organisation organisation) {
    return username -> {
      String hash = organisation.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException(username));
      List<SimpleGrantedAuthority> authorities =
          organisation.get(username).groups().stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
      return User.withUsername(username).password(hash).authorities(authorities).build();
    };
  }

  /**
   * The API takes credentials in the Authorization header (HTTP Basic or an API token) and needs
   * no CSRF token then. A call that rides on the UI's session cookie instead must carry the CSRF
   * token like the UI's forms, so a cross-site form post with a logged-in user's cookie is
   * refused (403). A call with neither is simply unauthenticated (401).
   */
  static final RequestMatcher API_WITHOUT_SESSION_COOKIE =
      request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
          && (request.getHeader("Authorization") != null || request.getRequestedSessionId() == null);

  /** No inline script or style anywhere in the UI; nothing framed, forms only to PerfFlow. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/login", "/language", "/css/**", "/js/**", "/error")
                    .permitAll()
                    // Moving the clock and reading everyone's mail (results included) is HR's.
                    .requestMatchers("/api/dev/**", "/mailbox").hasAuthority(HR)
                    .requestMatchers(HttpMethod.POST, "/api/employees", "/api/employees/import", "/api/employees/*/deactivate", "/api/employees/*/activate").hasAuthority(HR)
                    .requestMatchers(HttpMethod.PATCH, "/api/employees/*").hasAuthority(HR)
                    .requestMatchers(HttpMethod.PUT, "/api/scorecards/**", "/api/peak-seasons/**", "/api/campaigns/**", "/api/plan-templates/**", "/api/metrics/**").hasAuthority(HR)
                    .requestMatchers(HttpMethod.DELETE, "/api/peak-seasons/**").hasAuthority(HR)
                    .requestMatchers(HttpMethod.POST, "/api/metrics/import", "/api/cycles", "/api/cycles/*/restart", "/api/reviews/*/restart", "/api/reviews/*/retry").hasAuthority(HR)
                    .requestMatchers("/api/audit/**").hasAuthority(HR)
                    // A cycle's results with everyone's pay-relevant numbers: HR's.
                    .requestMatchers(HttpMethod.GET, "/api/cycles/*/results.csv").hasAuthority(HR)
                    // Wellbeing: signals and cases are HR's only.
                    .requestMatchers("/api/wellbeing/**").hasAuthority(HR)
                    // The company systems' data (attendance included): HR or a service account.
                    .requestMatchers(HttpMethod.POST, "/api/source/**").hasAnyAuthority(HR, SOURCE_FEEDS)
                    // Customer service (issue 13): the attribution report is HR's and the cs-leads', store rules HR's.
                    .requestMatchers(HttpMethod.GET, "/api/cs/attribution").hasAnyAuthority(HR, "GROUP_cs-leads")
                    .requestMatchers(HttpMethod.GET, "/api/cs/daily").hasAnyAuthority(HR, "GROUP_cs-leads")
                    .requestMatchers("/api/cs/attribution-rules/**").hasAuthority(HR)
                    .requestMatchers(HttpMethod.POST, "/api/bonus-pools").hasAuthority(HR)
                    .requestMatchers(HttpMethod.POST, "/api/supplier-delays/scan").hasAnyAuthority(HR, "GROUP_procurement-managers")
                    .anyRequest()
                    .authenticated())
        .httpBasic(Customizer.withDefaults())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        // POST only (with the CSRF token): a link or an image cannot log anyone out.
        .logout(logout -> logout.logoutRequestMatcher(new AntPathRequestMatcher("/logout", "POST")).logoutSuccessUrl("/login?logout"))
        .csrf(csrf -> csrf.ignoringRequestMatchers(API_WITHOUT_SESSION_COOKIE).csrfTokenRepository(new CookieCsrfTokenRepository()))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny()));
    return http.build();
  }
}
