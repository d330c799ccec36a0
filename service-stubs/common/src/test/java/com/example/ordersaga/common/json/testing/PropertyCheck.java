package com.example.ordersaga.common.json.testing;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Runs a property: {@code tries} inputs from a fixed seed, each given to a check that returns what
 * it observed (e.g. the status it answered) or throws. A failure names the try, the seed and the
 * input, so it can be replayed; the outcomes are counted and printed, so a run says what it tried.
 */
public final class PropertyCheck {

  private PropertyCheck() {}

  /** What the check does with one input; its outcome is counted. */
  @FunctionalInterface
  public interface Check<T> {
    Object apply(T input) throws Exception;
  }

  /** A request as a parser sees it. */
  public record Request(String contentType, byte[] body) {

    public static Gen<Request> of(Gen<String> contentTypes, Gen<byte[]> bodies) {
      return random -> new Request(contentTypes.next(random), bodies.next(random));
    }

    @Override
    public String toString() {
      return "Content-Type " + contentType + ", body " + describe(body);
    }
  }

  /** Every outcome and how often it came, in outcome order. */
  public static <T> Map<String, Integer> forAll(
      String name, long seed, int tries, Gen<T> inputs, Check<T> check) {
    Random random = new Random(seed);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int attempt = 1; attempt <= tries; attempt++) {
      T input = inputs.next(random);
      Object outcome;
      try {
        outcome = check.apply(input);
      } catch (Exception | AssertionError failure) {
        throw new AssertionError(
            name
                + " failed at try "
                + attempt
                + " of "
                + tries
                + " (seed "
                + seed
                + ") on "
                + input,
            failure);
      }
      outcomes.merge(String.valueOf(outcome), 1, Integer::sum);
    }
    System.out.println(name + ": " + tries + " tries, seed " + seed + ", outcomes " + outcomes);
    return outcomes;
  }

  /** Printable ASCII as is, every other byte as \xNN. */
  static String describe(byte[] bytes) {
    StringBuilder text = new StringBuilder("\"");
    for (byte b : bytes) {
      int value = b & 0xff;
      if (value >= 0x20 && value < 0x7f && value != '\\') {
        text.append((char) value);
      } else {
        text.append(String.format("\\x%02x", value));
      }
    }
    return text.append("\" (").append(bytes.length).append(" bytes)").toString();
  }
}
