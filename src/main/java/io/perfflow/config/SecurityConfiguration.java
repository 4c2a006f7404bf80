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

/**
 * Everyone logs in with their employee id (HTTP Basic for the API, a login form for the UI).
 * Authorities are the employee's groups as {@code GROUP_<id>}; HR administration needs
 * {@code GROUP_hr}. Health is readable without login.
 */
@Configuration
public class SecurityConfiguration {
  public static final String HR = "GROUP_hr";

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
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

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/login", "/css/**", "/js/**", "/error")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/employees").hasAuthority(HR)
                    .requestMatchers(HttpMethod.PUT, "/api/scorecards/**", "/api/peak-seasons/**").hasAuthority(HR)
                    .requestMatchers(HttpMethod.DELETE, "/api/peak-seasons/**").hasAuthority(HR)
                    .requestMatchers(HttpMethod.POST, "/api/metrics/import", "/api/cycles", "/api/cycles/*/restart", "/api/reviews/*/restart", "/api/reviews/*/retry").hasAuthority(HR)
                    .requestMatchers("/api/audit/**").hasAuthority(HR)
                    .requestMatchers(HttpMethod.POST, "/api/supplier-delays/scan").hasAnyAuthority(HR, "GROUP_procurement-managers")
                    .anyRequest()
                    .authenticated())
        .httpBasic(Customizer.withDefaults())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutRequestMatcher(new AntPathRequestMatcher("/logout")).logoutSuccessUrl("/login?logout"))
        // The JSON API is for HTTP Basic clients (no cookies to ride on); the UI's forms carry a token.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**").csrfTokenRepository(new CookieCsrfTokenRepository()));
    return http.build();
  }
}
