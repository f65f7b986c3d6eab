package org.skillshelf.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/** The one JSON mapping used for events and the HTTP API: ISO-8601 instants, unknown fields ignored. */
public final class Json {
  /**
   * Jackson keeps its working buffers in a thread-local by default, which a virtual thread (one per
   * link check, per request) never reuses: every event written allocated fresh buffers, an eighth of
   * all the link checker allocated. A small shared pool serves any thread.
   */
  private static final int BUFFER_POOL_SIZE = 64;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(JsonFactory.builder().recyclerPool(JsonRecyclerPools.newBoundedPool(BUFFER_POOL_SIZE)).build())
          .registerModule(new JavaTimeModule())
          .registerModule(new SimpleModule("skillshelf-instants").addDeserializer(Instant.class, new UtcInstantDeserializer()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS);

  private Json() {}

  /** The shared, thread-safe mapper. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
