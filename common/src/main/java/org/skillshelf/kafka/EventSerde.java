package org.skillshelf.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
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
  /**
   * The shared mapping, except that a number written as a string is not taken for a number: the
   * one-pass reading must not accept {@code "v": "1"}, which the checked reading refuses.
   */
  private static final ObjectMapper STRICT = strict();

  private final Class<T> type;
  private final int maxVersion;
  /** Reads the record in one pass; null for a type without an {@code int v} component. */
  private final @Nullable ObjectReader direct;
  private final @Nullable Method version;

  private EventSerde(Class<T> type, int maxVersion) {
    this.type = type;
    this.maxVersion = maxVersion;
    this.version = versionAccessor(type);
    this.direct = version == null ? null : STRICT.readerFor(type);
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

  /**
   * Reads the event in one pass when it is well-formed and of a known version (nearly always);
   * anything else is read again the checked way, which says what is wrong with it. The checked way
   * alone parses every event twice (a tree, then the record from the tree), and every link check
   * reads several events.
   */
  @Override
  public @Nullable T deserialize(String topic, byte @Nullable [] data) {
    if (data == null) {
      return null;
    }
    T fast = readDirectly(data);
    return fast != null ? fast : readChecked(topic, data);
  }

  private @Nullable T readDirectly(byte[] data) {
    if (direct == null || version == null) {
      return null;
    }
    try {
      T value = direct.readValue(data);
      if (value == null) {
        return null;
      }
      int v = (Integer) version.invoke(value);
      return v >= 1 && v <= maxVersion ? value : null;
    } catch (IOException | RuntimeException | ReflectiveOperationException e) {
      return null; // the checked reading says what is wrong
    }
  }

  private T readChecked(String topic, byte[] data) {
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

  private static ObjectMapper strict() {
    ObjectMapper strict = Json.mapper().copy();
    strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    return strict;
  }

  private static @Nullable Method versionAccessor(Class<?> type) {
    if (!type.isRecord()) {
      return null;
    }
    RecordComponent[] components = type.getRecordComponents();
    RecordComponent v = Arrays.stream(components).filter(c -> c.getName().equals("v") && c.getType() == int.class)
        .findFirst().orElse(null);
    if (v == null) {
      return null;
    }
    return v.getAccessor();
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
