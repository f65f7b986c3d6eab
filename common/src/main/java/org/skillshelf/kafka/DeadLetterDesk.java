package org.skillshelf.kafka;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;

/**
 * The operator's desk for {@link Topics#DEAD_LETTERS}: lists the records no stage could read with
 * why and where from, replays one to its source topic, or discards it. Both actions are written to
 * the dead-letter topic itself as a marker record naming the handled offset, so every instance sees
 * the same list and the log keeps who did what.
 *
 * <ul>
 *   <li>{@code GET /api/dead-letters} (curator): the unhandled records, oldest first
 *   <li>{@code POST /api/dead-letters/{partition}/{offset}/replay} (curator): re-sends the value to its source topic
 *   <li>{@code POST /api/dead-letters/{partition}/{offset}/discard} (curator): marks it handled
 * </ul>
 */
public final class DeadLetterDesk implements WebModule {
  /** Header on a marker record: {@code replay} or {@code discard}. */
  public static final String ACTION = "skillshelf.dead-letter.action";
  /** Header on a marker record: the handled record's {@code partition:offset}. */
  public static final String HANDLED = "skillshelf.dead-letter.handled";
  public static final String CURATOR = "skillshelf.dead-letter.curator";
  private static final int MAX_READ = 10_000;
  private static final int PREVIEW_CHARS = 500;
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final KafkaClients clients;
  private final CuratorAccounts curators;
  private final Clock clock;
  private final Counter replayed;
  private final Counter discarded;

  public DeadLetterDesk(KafkaClients clients, CuratorAccounts curators, MeterRegistry registry, Clock clock) {
    this.clients = clients;
    this.curators = curators;
    this.clock = clock;
    this.replayed = Counter.builder("skillshelf.deadletters.replayed").description("dead letters sent back to their source topic").register(registry);
    this.discarded = Counter.builder("skillshelf.deadletters.discarded").description("dead letters an operator discarded").register(registry);
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/api/dead-letters", this::list);
    config.routes.post("/api/dead-letters/{partition}/{offset}/replay", ctx -> handle(ctx, "replay"));
    config.routes.post("/api/dead-letters/{partition}/{offset}/discard", ctx -> handle(ctx, "discard"));
  }

  /** One unhandled dead letter as the API shows it. */
  public record Entry(int partition, long offset, @Nullable String key, String sourceTopic, @Nullable Integer sourcePartition,
      @Nullable Long sourceOffset, String reason, String exception, Instant at, int bytes, String preview) {}

  private void list(Context ctx) {
    curators.requireCurator(ctx);
    List<Entry> waiting = unhandled().values().stream().map(DeadLetterDesk::entry).toList();
    ctx.json(Map.of("total", waiting.size(), "items", waiting));
  }

  private void handle(Context ctx, String action) {
    String curator = curators.requireCurator(ctx);
    String id = number(ctx, "partition") + ":" + number(ctx, "offset");
    ConsumerRecord<String, byte[]> letter = unhandled().get(id);
    if (letter == null) {
      throw ApiException.notFound("An unhandled dead letter at " + id);
    }
    try (var producer = new KafkaProducer<>(clients.producer("skillshelf-dead-letter-desk"), new StringSerializer(), new ByteArraySerializer())) {
      if (action.equals("replay")) {
        String source = header(letter, DeadLetter.TOPIC);
        if (source.isEmpty()) {
          throw new ApiException(409, "NO_SOURCE", "This dead letter does not say which topic it came from, so it cannot be replayed.");
        }
        await(producer.send(new ProducerRecord<>(source, letter.key(), letter.value())));
      }
      var marker = new ProducerRecord<String, byte[]>(Topics.DEAD_LETTERS, letter.partition(), letter.key(), null);
      marker.headers().add(ACTION, bytes(action)).add(HANDLED, bytes(id)).add(CURATOR, bytes(curator));
      await(producer.send(marker));
    }
    (action.equals("replay") ? replayed : discarded).increment();
    ctx.status(202).json(Map.of("handled", id, "action", action, "by", curator, "at", clock.instant().toString()));
  }

  private static long number(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("INVALID_" + name.toUpperCase(java.util.Locale.ROOT), "The " + name + " must be a whole number.");
    }
  }

  /** The dead letters no marker has handled yet, by {@code partition:offset}, oldest first. */
  private Map<String, ConsumerRecord<String, byte[]>> unhandled() {
    Map<String, ConsumerRecord<String, byte[]>> letters = new LinkedHashMap<>();
    Map<String, Object> props = new HashMap<>(clients.reader("skillshelf-dead-letter-desk"));
    props.remove(org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTERS, WAIT).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WAIT);
      long deadline = System.nanoTime() + WAIT.toNanos();
      int read = 0;
      while (read < MAX_READ && System.nanoTime() < deadline
          && ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          read++;
          String handled = header(r, HANDLED);
          if (handled.isEmpty()) {
            letters.put(r.partition() + ":" + r.offset(), r);
          } else {
            letters.remove(handled);
          }
        }
      }
    }
    return letters;
  }

  private static Entry entry(ConsumerRecord<String, byte[]> r) {
    byte[] value = r.value() == null ? new byte[0] : r.value();
    String text = new String(value, StandardCharsets.UTF_8);
    return new Entry(r.partition(), r.offset(), r.key(), header(r, DeadLetter.TOPIC), integer(header(r, DeadLetter.PARTITION)),
        longValue(header(r, DeadLetter.OFFSET)), header(r, DeadLetter.REASON), header(r, "__streams.errors.exception"),
        Instant.ofEpochMilli(r.timestamp()), value.length, text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) : text);
  }

  private static void await(java.util.concurrent.Future<?> sent) {
    try {
      sent.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new ApiException(503, "UNAVAILABLE", "The event log did not take the record; nothing was marked handled. Try again shortly.", Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("Interrupted; try again.");
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static @Nullable Integer integer(String text) {
    try {
      return text.isEmpty() ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Long longValue(String text) {
    try {
      return text.isEmpty() ? null : Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
