package org.skillshelf.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Versioned JSON for one event record type. Each event carries {@code "v"}; a record whose version
 * this build does not know, or that is not valid JSON for the type, fails deserialisation with a
 * {@link SerializationException} saying why, which sends it to the dead-letter topic.
 *
 * <pre>{@code
 * Serde<LinkHealth> serde = EventSerde.of(LinkHealth.class, LinkHealth.VERSION);
 * }</pre>
 */
public final class EventSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
  private final Class<T> type;
  private final int maxVersion;

  private EventSerde(Class<T> type, int maxVersion) {
    this.type = type;
    this.maxVersion = maxVersion;
  }

  public static <T> EventSerde<T> of(Class<T> type, int version) {
    return new EventSerde<>(type, version);
  }

  @Override
  public byte @Nullable [] serialize(String topic, @Nullable T data) {
    if (data == null) {
      return null;
    }
    try {
      return Json.mapper().writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new SerializationException("cannot write " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public @Nullable T deserialize(String topic, byte @Nullable [] data) {
    if (data == null) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(data);
      if (node == null || !node.isObject()) {
        throw new SerializationException(type.getSimpleName() + " on " + topic + " is not a JSON object");
      }
      JsonNode v = node.get("v");
      if (v == null || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > maxVersion) {
        throw new SerializationException(
            type.getSimpleName() + " on " + topic + " has unknown version " + v + " (this build reads 1.." + maxVersion + ")");
      }
      return Json.mapper().treeToValue(node, type);
    } catch (IOException e) {
      throw new SerializationException("malformed " + type.getSimpleName() + " on " + topic + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }
}
