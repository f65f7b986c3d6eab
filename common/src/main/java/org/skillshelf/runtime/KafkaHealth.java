package org.skillshelf.runtime;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.web.HealthCheck;

/** Whether the Kafka cluster answers, asked at most every few seconds. */
final class KafkaHealth implements HealthCheck, AutoCloseable {
  private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(3);

  private final Admin admin;
  private volatile long checkedAt;
  private volatile boolean up;
  private volatile int brokers;

  KafkaHealth(KafkaClients clients) {
    this.admin = Admin.create(clients.admin());
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public String state() {
    refresh();
    return up ? brokers + " broker(s)" : "UNREACHABLE";
  }

  @Override
  public boolean isUp() {
    refresh();
    return up;
  }

  private synchronized void refresh() {
    if (System.nanoTime() - checkedAt < CACHE_NANOS && checkedAt != 0) {
      return;
    }
    try {
      brokers = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
      up = brokers > 0;
    } catch (Exception e) {
      up = false;
    }
    checkedAt = System.nanoTime();
  }

  @Override
  public void close() {
    admin.close();
  }
}
