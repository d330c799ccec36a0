package com.example.ordersaga.lracoordinator;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Every call that changes an LRA (start, join, leave, close, cancel, renew, recovery deletes: any
 * method but GET, HEAD and OPTIONS) must carry {@code Authorization: Bearer <token>}; otherwise 401
 * and nothing changes. Without it anyone who can reach the port could cancel someone's order
 * mid-saga. Reads stay open (the auditor and the README's curl examples use them).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CoordinatorTokenFilter implements ContainerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String BEARER = "Bearer ";

  private final byte[] expected;

  public CoordinatorTokenFilter(String token) {
    this.expected = (BEARER + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (READS.contains(request.getMethod())) {
      return;
    }
    String given = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    // Compared in constant time: the answer's timing tells nothing about the token.
    if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      request.abortWith(
          Response.status(Response.Status.UNAUTHORIZED)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lra-coordinator\"")
              .type(MediaType.APPLICATION_JSON)
              .entity(
                  "{\"error\":\"UNAUTHORIZED\",\"message\":\"changing an LRA needs the"
                      + " coordinator's bearer token\"}")
              .build());
    }
  }
}
