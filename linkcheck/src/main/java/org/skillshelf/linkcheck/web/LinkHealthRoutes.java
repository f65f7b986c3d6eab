package org.skillshelf.linkcheck.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.jspecify.annotations.Nullable;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.kafka.StreamsApp;
import org.skillshelf.linkcheck.schedule.LinkScheduleTopology;
import org.skillshelf.linkcheck.schedule.ScheduledLink;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;

/** The operators' link-health API. */
public final class LinkHealthRoutes implements WebModule {
  private final StreamsApp schedule;
  private final CuratorAccounts operators;

  public LinkHealthRoutes(StreamsApp schedule, CuratorAccounts operators) {
    this.schedule = schedule;
    this.operators = operators;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/api/link-health", this::list);
    config.routes.get("/api/link-health/{resourceId}", this::one);
  }

  private void list(Context ctx) {
    operators.requireCurator(ctx);
    LinkState wanted = state(ctx.queryParam("state"));
    List<LinkHealth> items = new ArrayList<>();
    ReadOnlyKeyValueStore<String, LinkHealth> health = schedule.store(LinkScheduleTopology.HEALTH_STORE);
    try (KeyValueIterator<String, LinkHealth> all = health.all()) {
      all.forEachRemaining(kv -> {
        if (wanted == null || kv.value.state() == wanted) {
          items.add(kv.value);
        }
      });
    }
    if (wanted == null || wanted == LinkState.UNCHECKED) {
      ReadOnlyKeyValueStore<String, ScheduledLink> links = schedule.store(LinkScheduleTopology.SCHEDULE_STORE);
      try (KeyValueIterator<String, ScheduledLink> all = links.all()) {
        all.forEachRemaining(kv -> {
          if (health.get(kv.key) == null) {
            items.add(unchecked(kv.value));
          }
        });
      }
    }
    items.sort(Comparator.comparing(LinkHealth::resourceId));
    ctx.json(Map.of("total", items.size(), "items", items));
  }

  private void one(Context ctx) {
    operators.requireCurator(ctx);
    String id = ctx.pathParam("resourceId");
    LinkHealth health = schedule.<String, LinkHealth>store(LinkScheduleTopology.HEALTH_STORE).get(id);
    if (health != null) {
      ctx.json(health);
      return;
    }
    ScheduledLink link = schedule.<String, ScheduledLink>store(LinkScheduleTopology.SCHEDULE_STORE).get(id);
    if (link == null) {
      throw ApiException.notFound("A catalogue link for " + id);
    }
    ctx.json(unchecked(link));
  }

  private static LinkHealth unchecked(ScheduledLink link) {
    return new LinkHealth(LinkHealth.VERSION, link.resourceId(), link.url(), LinkState.UNCHECKED, 0, null, null, null, null, List.of());
  }

  static @Nullable LinkState state(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LinkState.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("INVALID_PARAMETER", "'state' must be one of HEALTHY, DEGRADED, BROKEN, UNCHECKED.");
    }
  }
}
