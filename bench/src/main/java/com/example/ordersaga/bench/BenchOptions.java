package com.example.ordersaga.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line: {@code <mode> [--clients C] [--duration 30s] [--warmup 5s] [--rate R]
 * [--reject-share 0.1] [--users N] [--products N] [--joins J] [--postgres] [--data-dir DIR]
 * [--timeout 90s] [--no-audit] [--json out.json]}; {@code compare} takes JSON files instead.
 *
 * @param rate orders/s for an open loop, or null for a closed loop (each client waits for its
 *     answer before it sends the next order)
 * @param joins participants per LRA in coordinator mode, or null for the saga's own count
 * @param dataDir where local and 2pc modes keep their H2 files, or null for a fresh temp dir
 */
public record BenchOptions(
    Mode mode,
    int clients,
    Duration duration,
    Duration warmup,
    Double rate,
    double rejectShare,
    int users,
    int products,
    Integer joins,
    boolean postgres,
    Path dataDir,
    Duration timeout,
    boolean audit,
    Path json,
    List<Path> inputs) {

  /** What the bench measures; {@code compare} measures nothing and reads earlier JSON reports. */
  public enum Mode {
    SAGA,
    COORDINATOR,
    LOCAL,
    TWO_PC,
    COMPARE;

    public String label() {
      return this == TWO_PC ? "2pc" : name().toLowerCase(Locale.ROOT);
    }

    static Mode parse(String text) {
      for (Mode mode : values()) {
        if (mode.label().equals(text)) {
          return mode;
        }
      }
      throw new IllegalArgumentException("unknown mode '" + text + "'");
    }
  }

  public static final String USAGE =
      """
      usage: java -jar bench-all.jar <saga|coordinator|local|2pc> [options]
             java -jar bench-all.jar compare <report.json>...
        --clients C         concurrent clients (default 8)
        --duration 30s      measured time, after the warm-up (ms, s, m)
        --warmup 5s         time run but not measured
        --rate R            open loop at R orders/s, latency from each order's intended send time
                            (default: closed loop)
        --reject-share 0.1  share of orders that ask for more points than the user has (409)
        --users N           distinct users (default 100); as many broke users for the rejections
        --products N        distinct products (default 20)
        --joins J           coordinator mode: participants per LRA (default: the saga's 5)
        --postgres          local/2pc: the local PostgreSQL instead of H2 files
        --data-dir DIR      local/2pc: where the H2 files go (default: a fresh temp dir, deleted)
        --timeout 90s       per-request HTTP timeout (saga, coordinator)
        --no-audit          saga: skip the invariant auditor after the run
        --json out.json     also write the report as JSON
      Endpoints: ORCHESTRATOR_URL, POINT_SERVICE_URL, PRODUCT_SERVICE_URL, LRA_COORDINATOR_URL (run.sh's
      defaults); RSS of the stack from run.sh's PID files in $SAGA_DATA_DIR/run for the processes in
      $SAGA_STACK_PROCESSES (defaults data/run, config/stack/processes: run from the repository
      root); --postgres reads POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD.
      """;

  public static BenchOptions parse(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("no mode given");
    }
    Mode mode = Mode.parse(args[0]);
    int clients = 8;
    Duration duration = Duration.ofSeconds(30);
    Duration warmup = Duration.ofSeconds(5);
    Double rate = null;
    double rejectShare = 0.1;
    int users = 100;
    int products = 20;
    Integer joins = null;
    boolean postgres = false;
    Path dataDir = null;
    Duration timeout = Duration.ofSeconds(90);
    boolean audit = true;
    Path json = null;
    List<Path> inputs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--clients" -> clients = positive(arg, Integer.parseInt(value(args, ++i, arg)));
        case "--duration" -> duration = duration(value(args, ++i, arg));
        case "--warmup" -> warmup = duration(value(args, ++i, arg));
        case "--rate" -> rate = (double) positive(arg, Double.parseDouble(value(args, ++i, arg)));
        case "--reject-share" -> rejectShare = share(Double.parseDouble(value(args, ++i, arg)));
        case "--users" -> users = positive(arg, Integer.parseInt(value(args, ++i, arg)));
        case "--products" -> products = positive(arg, Integer.parseInt(value(args, ++i, arg)));
        case "--joins" -> joins = positive(arg, Integer.parseInt(value(args, ++i, arg)));
        case "--postgres" -> postgres = true;
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
        case "--timeout" -> timeout = duration(value(args, ++i, arg));
        case "--no-audit" -> audit = false;
        case "--json" -> json = Path.of(value(args, ++i, arg));
        default -> {
          if (mode != Mode.COMPARE || arg.startsWith("--")) {
            throw new IllegalArgumentException("unknown option '" + arg + "'");
          }
          inputs.add(Path.of(arg));
        }
      }
    }
    if (mode == Mode.COMPARE && inputs.isEmpty()) {
      throw new IllegalArgumentException("compare needs report JSON files");
    }
    if (duration.isZero()) {
      throw new IllegalArgumentException("--duration must be more than 0");
    }
    return new BenchOptions(
        mode,
        clients,
        duration,
        warmup,
        rate,
        rejectShare,
        users,
        products,
        joins,
        postgres,
        dataDir,
        timeout,
        audit,
        json,
        List.copyOf(inputs));
  }

  /** {@code 500ms}, {@code 30s}, {@code 2m}; a bare number is seconds. */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    if (t.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    if (t.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    return Duration.ofSeconds(Long.parseLong(t));
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static <N extends Number> N positive(String option, N value) {
    if (value.doubleValue() <= 0) {
      throw new IllegalArgumentException(option + " must be more than 0");
    }
    return value;
  }

  private static double share(double value) {
    if (value < 0 || value > 1) {
      throw new IllegalArgumentException("--reject-share must be within 0..1");
    }
    return value;
  }
}
