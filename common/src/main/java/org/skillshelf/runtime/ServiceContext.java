package org.skillshelf.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.CuratorAccounts;

/** Everything a service needs from the process it runs in, passed down explicitly. */
public record ServiceContext(
    SkillshelfConfig config,
    KafkaClients kafka,
    EventPublisher publisher,
    CuratorAccounts curators,
    MeterRegistry registry,
    Clock clock,
    Taxonomy taxonomy) {}
