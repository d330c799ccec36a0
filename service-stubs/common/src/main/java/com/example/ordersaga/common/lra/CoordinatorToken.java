package com.example.ordersaga.common.lra;

import java.net.http.HttpRequest;

/**
 * The credential the coordinator asks of every call that changes an LRA (start, join, close,
 * cancel): sent as {@code Authorization: Bearer <token>}. Without one the calls go bare, which a
 * coordinator without a token ({@code dev}) accepts; profile {@code prod} requires one.
 */
public final class CoordinatorToken {

  private final String value;

  private CoordinatorToken(String value) {
    this.value = value;
  }

  /**
   * @param value the token ({@code ordersaga.coordinator-token}); blank means none
   * @param required whether none is a configuration error ({@code prod})
   */
  public static CoordinatorToken of(String value, boolean required) {
    boolean none = value == null || value.isBlank();
    if (none && required) {
      throw new IllegalStateException(
          "LRA_COORDINATOR_TOKEN is required (profile prod): the coordinator refuses changes"
              + " without it");
    }
    return new CoordinatorToken(none ? null : value.strip());
  }

  public boolean present() {
    return value != null;
  }

  /** Adds the header when there is a token; returns the same builder. */
  public HttpRequest.Builder authorize(HttpRequest.Builder request) {
    return value == null ? request : request.header("Authorization", "Bearer " + value);
  }

  @Override
  public String toString() {
    return present() ? "CoordinatorToken[****]" : "CoordinatorToken[none]";
  }
}
