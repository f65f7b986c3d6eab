package org.skillshelf.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Kafka Streams topology with its metrics, its health for {@code /healthz} and typed
 * access to its key-value stores for the web layer.
 */
public final class StreamsApp implements HealthCheck, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final String name;
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics metrics;
  private final RocksDbMemory.Budget rocksDb = new RocksDbMemory.Budget();

  public StreamsApp(String name, Topology topology, Map<String, Object> settings, MeterRegistry registry) {
    this.name = name;
    Properties props = new Properties();
    props.putAll(settings);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbMemory.class);
    props.put(RocksDbMemory.BUDGET, rocksDb);
    this.streams = new KafkaStreams(topology, props);
    this.streams.setUncaughtExceptionHandler(e -> {
      LOG.error("Stream thread of {} failed, replacing it: {}", name, e.toString());
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    this.metrics = new KafkaStreamsMetrics(streams);
    this.metrics.bindTo(registry);
  }

  public void start() {
    streams.start();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String state() {
    return streams.state().name();
  }

  @Override
  public boolean isUp() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /**
   * A store for reading; answers 503 while the stream is still restoring or rebalancing, whether
   * when the store is looked up or when a read finds it moved ({@link MovableStore}).
   */
  public <K, V> ReadOnlyKeyValueStore<K, V> store(String storeName) {
    try {
      var parameters = StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<K, V>keyValueStore());
      return new MovableStore<>(streams.store(parameters), this::unavailable);
    } catch (InvalidStateStoreException e) {
      throw unavailable();
    }
  }

  /**
   * A key's value in the instances of a store that this process holds (see {@link LocalStores}):
   * for reads on a hot path. Answers 503 when the app is not running, and during a rebalance when
   * the key's instance is not held here (at start, while it is being restored): as an interactive
   * query would.
   */
  public <V> Optional<V> lookUp(LocalStores<V> stores, String key) {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING && (state != KafkaStreams.State.REBALANCING || !stores.holds(key))) {
      throw unavailable();
    }
    try {
      return stores.get(key);
    } catch (InvalidStateStoreException e) {
      throw unavailable();
    }
  }

  private ApiException unavailable() {
    return ApiException.unavailable("The " + name + " stage is starting or rebalancing; try again in a moment.");
  }

  @Override
  public void close() {
    // Leaving the group lets a restarted instance take its partitions back at once instead of
    // waiting for this member's session to expire.
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(10)));
    metrics.close();
    if (streams.state() == KafkaStreams.State.NOT_RUNNING) {
      rocksDb.close();
    } // else the stores may still be open after the timeout; their shared budget is left to the process's end
  }
}
