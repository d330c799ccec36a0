package com.example.ordersaga.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bootstrap address for a Kafka broker that is down until the test opens the gate: connections
 * are refused, then forwarded to the broker. Clients only bootstrap through it (the metadata they
 * get names the broker's own address), so opening it is all "the broker came back" needs.
 */
final class KafkaGate implements AutoCloseable {

  private final int port = freePort();
  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

  String address() {
    return "127.0.0.1:" + port;
  }

  /** From now on, connections to {@link #address()} reach {@code broker} (host:port). */
  void openTo(String broker) throws IOException {
    String host = broker.substring(0, broker.lastIndexOf(':'));
    int brokerPort = Integer.parseInt(broker.substring(broker.lastIndexOf(':') + 1));
    ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    open.add(server);
    daemon(
        () -> {
          while (!server.isClosed()) {
            Socket client = server.accept();
            Socket upstream = new Socket(host, brokerPort);
            open.add(client);
            open.add(upstream);
            daemon(() -> client.getInputStream().transferTo(upstream.getOutputStream()));
            daemon(() -> upstream.getInputStream().transferTo(client.getOutputStream()));
          }
        });
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  private interface Io {
    void run() throws IOException;
  }

  /** Runs until its socket closes; the test ends it by closing the gate. */
  private static void daemon(Io io) {
    Thread thread =
        new Thread(
            () -> {
              try {
                io.run();
              } catch (IOException closed) {
                // the gate or one side of the connection closed
              }
            },
            "kafka-gate");
    thread.setDaemon(true);
    thread.start();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
