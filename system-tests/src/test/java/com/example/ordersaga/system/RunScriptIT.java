package com.example.ordersaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.system.RunScript.Result;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The main command: {@code ./run.sh} brings the stack up, keeps it up, and takes it down. */
@TestMethodOrder(OrderAnnotation.class)
class RunScriptIT {

  @TempDir static Path dataDir;
  private static List<String> processes;
  private static RunScript runSh;
  private static Result firstStart;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startStack() throws Exception {
    processes = RunScript.processNames();
    runSh = new RunScript(dataDir);
    long started = System.nanoTime();
    firstStart = runSh.run();
    System.out.printf(
        "run.sh started the stack in %d ms:%n%s%n",
        (System.nanoTime() - started) / 1_000_000, firstStart.output());
  }

  @AfterAll
  static void stopStack() throws Exception {
    runSh.run("stop");
  }

  @Test
  @Order(1)
  void startsEveryProcessAndReturnsWhenReady() {
    assertThat(firstStart.exitCode()).as(firstStart.output()).isZero();
    assertThat(firstStart.output()).contains("Stack ready");
    processes.forEach(name -> assertThat(firstStart.output()).contains(name + " ready"));
    assertThat(firstStart.output())
        .contains("http://localhost:" + runSh.port("LRA_COORDINATOR_PORT") + "/lra-coordinator")
        .contains("localhost:" + runSh.port("KAFKA_PORT"));
  }

  @Test
  @Order(2)
  void coordinatorStartsLras() throws Exception {
    HttpResponse<String> response = startLra();

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).isPresent();
  }

  @Test
  @Order(3)
  void kafkaBrokerProducesAndConsumes() throws Exception {
    String topic = "smoke-" + UUID.randomUUID();
    String bootstrap = "localhost:" + runSh.port("KAFKA_PORT");
    // The broker creates no topic on first use (auto.create.topics.enable=false): create it.
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    Properties producerConfig = new Properties();
    producerConfig.putAll(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class.getName()));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
      producer.send(new ProducerRecord<>(topic, "order-1", "hello")).get();
    }

    Properties consumerConfig = new Properties();
    consumerConfig.putAll(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "smoke",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class.getName()));
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, String>> received = new java.util.ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return !received.isEmpty();
              });
      assertThat(received).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("hello"));
    }
  }

  @Test
  @Order(4)
  void statusReportsEveryProcessReady() throws Exception {
    Result status = runSh.run("status");

    assertThat(status.exitCode()).as(status.output()).isZero();
    processes.forEach(
        name ->
            assertThat(status.output())
                .containsPattern(name + "\\s+\\d+\\s+\\d+\\s+\\d+\\s+ready"));
  }

  @Test
  @Order(5)
  void rerunRestartsOnlyTheCrashedProcess() throws Exception {
    long kafka = runSh.pid("kafka").orElseThrow();
    long coordinator = runSh.pid("lra-coordinator").orElseThrow();
    ProcessHandle.of(coordinator).orElseThrow().destroyForcibly();
    await().until(() -> !RunScript.alive(coordinator));

    Result rerun = runSh.run();

    assertThat(rerun.exitCode()).as(rerun.output()).isZero();
    assertThat(rerun.output()).contains("kafka already running (pid " + kafka + ")");
    assertThat(runSh.pid("kafka")).hasValue(kafka);
    long restarted = runSh.pid("lra-coordinator").orElseThrow();
    assertThat(restarted).isNotEqualTo(coordinator);
    assertThat(RunScript.alive(restarted)).isTrue();
    assertThat(startLra().statusCode()).isEqualTo(201);
  }

  @Test
  @Order(6)
  void refusesToStartOnATakenPort() throws Exception {
    long coordinator = runSh.pid("lra-coordinator").orElseThrow();
    ProcessHandle.of(coordinator).orElseThrow().destroyForcibly();
    await().until(() -> !RunScript.alive(coordinator));
    int port = runSh.port("LRA_COORDINATOR_PORT");

    Result rerun;
    try (ServerSocket squatter = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      rerun = runSh.run();
    }

    assertThat(rerun.exitCode()).isNotZero();
    assertThat(rerun.output()).contains("port " + port + " is in use");
  }

  @Test
  @Order(7)
  void failedStartExitsNonZeroWithTheProcessLog() throws Exception {
    Result broken = runSh.with("LRA_COORDINATOR_JAVA_OPTS", "-Xmx1k").run();

    assertThat(broken.exitCode()).isNotZero();
    assertThat(broken.output())
        .contains("lra-coordinator exited during start-up")
        .contains("Too small maximum heap");
    runSh.with("LRA_COORDINATOR_JAVA_OPTS", "-Xmx192m");
  }

  @Test
  @Order(8)
  void stopLeavesNoProcessBehind() throws Exception {
    assertThat(runSh.run().exitCode()).isZero();
    List<Long> pids = new java.util.ArrayList<>();
    for (String name : processes) {
      pids.add(runSh.pid(name).orElseThrow());
    }

    Result stop = runSh.run("stop");

    assertThat(stop.exitCode()).as(stop.output()).isZero();
    processes.forEach(name -> assertThat(stop.output()).contains(name + " stopped"));
    assertThat(pids).noneMatch(RunScript::alive);
    assertThat(runSh.run("status").exitCode()).isNotZero();
  }

  private HttpResponse<String> startLra() throws Exception {
    URI start =
        URI.create(
            "http://localhost:" + runSh.port("LRA_COORDINATOR_PORT") + "/lra-coordinator/start");
    return http.send(
        HttpRequest.newBuilder(start).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
