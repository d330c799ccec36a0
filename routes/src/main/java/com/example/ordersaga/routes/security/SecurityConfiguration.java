package com.example.ordersaga.routes.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Two doors. The order API, its OpenAPI document, health and the LRA callbacks (authenticated by
 * their own HMAC token) are open and stateless, and so are the metrics in dev. Everything else
 * (Hawtio, Jolokia: remote JMX; the metrics in prod) needs a login, with CSRF protection for the
 * console's browser session.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain openApi(
      HttpSecurity http, @Value("${ordersaga.management.secured}") boolean managementSecured)
      throws Exception {
    List<String> open =
        new ArrayList<>(
            List.of(
                "/api/**",
                "/api-doc/**",
                "/lra-participant/**",
                "/actuator/health/**",
                "/actuator/info",
                // Boot's error page: what a failed API request is forwarded to (not a login).
                "/error"));
    if (!managementSecured) {
      // Open for Prometheus in dev; in prod it takes the console's login, as everything else.
      open.add("/actuator/prometheus");
    }
    return http.securityMatcher(open.toArray(String[]::new))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable()) // No cookies, no session: nothing for CSRF to ride on.
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain console(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .formLogin(withDefaults())
        .httpBasic(withDefaults())
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                    // A script or a remote Hawtio sends its credentials with each request (basic
                    // auth, no session cookie): a forged cross-site request cannot add them.
                    .ignoringRequestMatchers(SecurityConfiguration::sendsBasicCredentials))
        .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
        .build();
  }

  private static boolean sendsBasicCredentials(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }
}
