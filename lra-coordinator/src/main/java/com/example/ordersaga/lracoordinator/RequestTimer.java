package com.example.ordersaga.lracoordinator;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Times every request to {@code /lra-coordinator} from before the token check to the answer, by
 * operation: start, join, leave, close, cancel, renew, read (any GET), recovery, other.
 */
@PreMatching
@Priority(1) // before the token filter: a refused call is timed too
public class RequestTimer implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = RequestTimer.class.getName() + ".started";

  private final CoordinatorMetrics metrics;

  RequestTimer(CoordinatorMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(STARTED) instanceof Long started) {
      String operation =
          operation(request.getMethod(), request.getUriInfo().getRequestUri().getPath());
      if (operation != null) {
        metrics.requestTook(operation, response.getStatus(), System.nanoTime() - started);
      }
    }
  }

  /** The operation of a coordinator request, or null outside {@code /lra-coordinator}. */
  static String operation(String method, String path) {
    String base = CoordinatorSettings.CONTEXT_PATH;
    if (!path.equals(base) && !path.startsWith(base + "/")) {
      return null;
    }
    String rest = path.substring(base.length()).replaceAll("/+$", "");
    if (rest.startsWith("/recovery")) {
      return "recovery";
    }
    if (method.equals("GET") || method.equals("HEAD")) {
      return "read";
    }
    if (rest.equals("/start")) {
      return "start";
    }
    int last = rest.lastIndexOf('/');
    String tail = last > 0 ? rest.substring(last + 1) : "";
    return switch (tail) {
      case "close" -> "close";
      case "cancel" -> "cancel";
      case "renew" -> "renew";
      case "remove" -> "leave";
      default -> method.equals("PUT") && last == 0 ? "join" : "other";
    };
  }
}
