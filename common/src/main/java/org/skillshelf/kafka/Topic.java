package org.skillshelf.kafka;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with its value type and its deliberate settings. Keys are always UTF-8 strings (a {@code
 * resourceId} unless the topic says otherwise).
 */
public record Topic<V>(String name, Serde<V> serde, int partitions, Map<String, String> config) {}
