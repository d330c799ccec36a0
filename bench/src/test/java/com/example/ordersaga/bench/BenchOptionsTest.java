package com.example.ordersaga.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.bench.BenchOptions.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsAreAClosedLoop() {
    BenchOptions options = BenchOptions.parse("local");

    assertThat(options.mode()).isEqualTo(Mode.LOCAL);
    assertThat(options.rate()).isNull();
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void readsEveryOption() {
    BenchOptions options =
        BenchOptions.parse(
            "2pc",
            "--clients",
            "4",
            "--duration",
            "500ms",
            "--warmup",
            "2m",
            "--rate",
            "50",
            "--reject-share",
            "0.2",
            "--users",
            "7",
            "--products",
            "3",
            "--joins",
            "6",
            "--postgres",
            "--json",
            "out.json");

    assertThat(options.mode()).isEqualTo(Mode.TWO_PC);
    assertThat(options.clients()).isEqualTo(4);
    assertThat(options.duration()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.warmup()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.rate()).isEqualTo(50.0);
    assertThat(options.rejectShare()).isEqualTo(0.2);
    assertThat(options.users()).isEqualTo(7);
    assertThat(options.products()).isEqualTo(3);
    assertThat(options.joins()).isEqualTo(6);
    assertThat(options.postgres()).isTrue();
    assertThat(options.json()).isEqualTo(Path.of("out.json"));
  }

  @Test
  void compareTakesFiles() {
    assertThat(BenchOptions.parse("compare", "a.json", "b.json").inputs())
        .isEqualTo(List.of(Path.of("a.json"), Path.of("b.json")));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> BenchOptions.parse("fast")).hasMessageContaining("unknown mode");
    assertThatThrownBy(() -> BenchOptions.parse("saga", "--clients", "0"))
        .hasMessageContaining("--clients");
    assertThatThrownBy(() -> BenchOptions.parse("saga", "--reject-share", "1.5"))
        .hasMessageContaining("--reject-share");
    assertThatThrownBy(() -> BenchOptions.parse("saga", "--clients"))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> BenchOptions.parse("compare")).hasMessageContaining("JSON");
  }
}
