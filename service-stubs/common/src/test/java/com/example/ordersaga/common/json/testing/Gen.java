package com.example.ordersaga.common.json.testing;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A source of test inputs drawn from a seeded {@link Random}: the same seed, the same inputs, so a
 * failing try can be replayed. Just the few combinators the request-parsing properties need.
 */
@FunctionalInterface
public interface Gen<T> {

  T next(Random random);

  default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
    return random -> mapper.apply(next(random));
  }

  static <T> Gen<T> just(T value) {
    return random -> value;
  }

  /** One of the values, each as likely. */
  static <T> Gen<T> of(List<T> values) {
    return random -> values.get(random.nextInt(values.size()));
  }

  /** One of the generators, each as likely. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... choices) {
    return random -> choices[random.nextInt(choices.length)].next(random);
  }

  /** {@code first} {@code weight} times in {@code outOf}, else {@code otherwise}. */
  static <T> Gen<T> mostly(
      int weight, int outOf, Gen<? extends T> first, Gen<? extends T> otherwise) {
    return random -> random.nextInt(outOf) < weight ? first.next(random) : otherwise.next(random);
  }

  /** An int in [min, max]. */
  static Gen<Integer> between(int min, int max) {
    return random -> min + random.nextInt(max - min + 1);
  }

  /** Up to {@code maxSize} bytes, each any of the 256. */
  static Gen<byte[]> bytes(int maxSize) {
    return random -> {
      byte[] bytes = new byte[random.nextInt(maxSize + 1)];
      random.nextBytes(bytes);
      return bytes;
    };
  }

  /**
   * Up to {@code maxLength} chars, any of the 65536 UTF-16 code units (so surrogates, paired or
   * not, and controls among them), one in four drawn from the edges that break parsers.
   */
  static Gen<String> anyChars(int maxLength) {
    char[] edges = {0, 0x1f, 0x7f, '"', '\\', 0xe9, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfeff, 0xfffe};
    return random -> {
      char[] text = new char[random.nextInt(maxLength + 1)];
      for (int i = 0; i < text.length; i++) {
        text[i] =
            random.nextInt(4) == 0 ? edges[random.nextInt(edges.length)] : (char) random.nextInt();
      }
      return new String(text);
    };
  }
}
