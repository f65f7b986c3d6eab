package org.skillshelf.linkcheck.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.kafka.StreamsApp;
import org.skillshelf.linkcheck.schedule.LinkScheduleTopology;
import org.skillshelf.linkcheck.schedule.ScheduledLink;
import org.skillshelf.linkcheck.schedule.StoredHealth;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;

/** The operators' link-health API. */
public final class LinkHealthRoutes implements WebModule {
  private final StreamsApp schedule;
  private final CuratorAccounts operators;
  private final Clock clock;

  public LinkHealthRoutes(StreamsApp schedule, CuratorAccounts operators, Clock clock) {
    this.schedule = schedule;
    this.operators = operators;
    this.clock = clock;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/api/link-health", this::list);
    config.routes.get("/api/link-health/{resourceId}", this::one);
  }

  private void list(Context ctx) {
    operators.requireCurator(ctx);
    List<LinkHealth> items = LinkTable.read(schedule, clock.instant()).filtered(state(ctx.queryParam("state")), ctx.queryParam("host"));
    ctx.json(Map.of("total", items.size(), "items", items));
  }

  private void one(Context ctx) {
    operators.requireCurator(ctx);
    String id = ctx.pathParam("resourceId");
    LinkHealth health = StoredHealth.decode(schedule.<String, byte[]>store(LinkScheduleTopology.HEALTH_STORE).get(id));
    if (health != null) {
      ctx.json(health);
      return;
    }
    ScheduledLink link = schedule.<String, ScheduledLink>store(LinkScheduleTopology.SCHEDULE_STORE).get(id);
    if (link == null) {
      throw ApiException.notFound("A catalogue link for " + id);
    }
    ctx.json(LinkTable.unchecked(link));
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
