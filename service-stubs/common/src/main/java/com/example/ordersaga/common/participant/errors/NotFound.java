package com.example.ordersaga.common.participant.errors;

/** A read of something that does not exist. Answered as 404. */
public class NotFound extends RuntimeException {

  public NotFound(String message) {
    super(message, null, false, false);
  }
}
