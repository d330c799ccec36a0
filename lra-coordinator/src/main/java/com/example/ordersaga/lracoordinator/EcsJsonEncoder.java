package com.example.ordersaga.lracoordinator;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * One Elastic Common Schema object per line, with the fields Spring Boot's {@code ecs} structured
 * logging writes for the other deployables, so a shipper reads every process of the stack alike.
 */
public class EcsJsonEncoder extends EncoderBase<ILoggingEvent> {

  private static final byte[] NONE = new byte[0];
  private final JsonFactory json = new JsonFactory();
  private final long pid = ProcessHandle.current().pid();
  private String serviceName = "lra-coordinator";

  public void setServiceName(String serviceName) {
    this.serviceName = serviceName;
  }

  @Override
  public byte[] headerBytes() {
    return NONE;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    try (JsonGenerator out = json.createGenerator(line)) {
      out.writeStartObject();
      out.writeStringField("@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      out.writeStringField("log.level", event.getLevel().toString());
      out.writeNumberField("process.pid", pid);
      out.writeStringField("process.thread.name", event.getThreadName());
      out.writeStringField("service.name", serviceName);
      out.writeStringField("log.logger", event.getLoggerName());
      out.writeStringField("message", event.getFormattedMessage());
      for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
        out.writeStringField(entry.getKey(), entry.getValue());
      }
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) {
        out.writeStringField("error.type", error.getClassName());
        out.writeStringField("error.message", error.getMessage());
        out.writeStringField("error.stack_trace", ThrowableProxyUtil.asString(error));
      }
      out.writeStringField("ecs.version", "8.11");
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    line.write('\n');
    return line.toByteArray();
  }

  @Override
  public byte[] footerBytes() {
    return NONE;
  }
}
