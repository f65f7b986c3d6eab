package org.skillshelf.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every setting of a Skillshelf process, as the contract's table lists them. Read once at start with
 * {@link #fromEnvironment(Map)} and passed down explicitly.
 *
 * <pre>{@code
 * SkillshelfConfig config = SkillshelfConfig.fromEnvironment(System.getenv());
 * }</pre>
 *
 * @param kafkaBootstrap external cluster; absent means "start the embedded broker"
 * @param curators name → password; empty means "make one admin account with a random password"
 * @param linkcheckRobots whether link checks obey each host's robots.txt ({@code SKILLSHELF_LINKCHECK_ROBOTS}, default false)
 * @param submitRate submissions per window per client; 0 means unlimited
 * @param taggerMaxExamples approved records the skill tagger learns from, the most recent kept
 *     ({@code SKILLSHELF_TAGGER_MAX_EXAMPLES}, default 10,000; about 3.5 KB of heap each)
 * @param instanceId names this process among instances of the same service (transactional ids,
 *     client ids); {@code SKILLSHELF_INSTANCE_ID}, by default the host name
 */
public record SkillshelfConfig(
    String httpHost,
    int httpPort,
    Path dataDir,
    Optional<String> kafkaBootstrap,
    Set<Service> services,
    Map<String, String> curators,
    List<String> fetchAllowCidrs,
    Duration linkcheckInterval,
    int linkcheckBrokenAfter,
    Duration linkcheckBrokenMinSpan,
    boolean linkcheckRobots,
    Optional<Path> taxonomy,
    int submitRate,
    Duration submitRateWindow,
    int taggerMaxExamples,
    String instanceId) {

  /** Every variable this record reads. */
  public static final List<String> VARIABLES = List.of("SKILLSHELF_HTTP_HOST", "SKILLSHELF_HTTP_PORT",
      "SKILLSHELF_DATA_DIR", "SKILLSHELF_KAFKA_BOOTSTRAP", "SKILLSHELF_SERVICES", "SKILLSHELF_CURATORS",
      "SKILLSHELF_FETCH_ALLOW_CIDRS", "SKILLSHELF_LINKCHECK_INTERVAL", "SKILLSHELF_LINKCHECK_BROKEN_AFTER",
      "SKILLSHELF_LINKCHECK_BROKEN_MIN_SPAN", "SKILLSHELF_LINKCHECK_ROBOTS", "SKILLSHELF_TAXONOMY", "SKILLSHELF_SUBMIT_RATE",
      "SKILLSHELF_TAGGER_MAX_EXAMPLES", "SKILLSHELF_INSTANCE_ID");

  public SkillshelfConfig {
    services = Set.copyOf(services);
    curators = Map.copyOf(curators);
    fetchAllowCidrs = List.copyOf(fetchAllowCidrs);
  }

  /** Reads and validates the {@code SKILLSHELF_*} variables; throws naming the first bad one. */
  public static SkillshelfConfig fromEnvironment(Map<String, String> env) {
    var reader = new Reader(env);
    String[] rate = reader.text("SKILLSHELF_SUBMIT_RATE", "30/PT1M").split("/", 2);
    int rateCount = Reader.parseInt("SKILLSHELF_SUBMIT_RATE", rate[0], 0);
    Duration rateWindow = rate.length == 2
        ? Reader.parseDuration("SKILLSHELF_SUBMIT_RATE", rate[1]) : Duration.ofMinutes(1);
    return new SkillshelfConfig(
        reader.text("SKILLSHELF_HTTP_HOST", "127.0.0.1"),
        reader.integer("SKILLSHELF_HTTP_PORT", "8080", 0),
        Path.of(reader.text("SKILLSHELF_DATA_DIR", "./data")),
        reader.optional("SKILLSHELF_KAFKA_BOOTSTRAP"),
        reader.services(),
        reader.curators(),
        reader.list("SKILLSHELF_FETCH_ALLOW_CIDRS"),
        reader.duration("SKILLSHELF_LINKCHECK_INTERVAL", "P1D"),
        reader.integer("SKILLSHELF_LINKCHECK_BROKEN_AFTER", "3", 1),
        reader.duration("SKILLSHELF_LINKCHECK_BROKEN_MIN_SPAN", "P3D"),
        reader.flag("SKILLSHELF_LINKCHECK_ROBOTS", false),
        reader.optional("SKILLSHELF_TAXONOMY").map(Path::of),
        rateCount,
        rateWindow,
        reader.integer("SKILLSHELF_TAGGER_MAX_EXAMPLES", "10000", 1),
        reader.optional("SKILLSHELF_INSTANCE_ID").orElseGet(SkillshelfConfig::hostName));
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "skillshelf";
    }
  }

  public boolean runs(Service service) {
    return services.contains(service);
  }

  /** The same settings with some variables replaced; handy for tests and launchers. */
  public static SkillshelfConfig with(Map<String, String> base, Map<String, String> overrides) {
    var merged = new LinkedHashMap<>(base);
    merged.putAll(overrides);
    return fromEnvironment(merged);
  }

  private record Reader(Map<String, String> env) {
    String text(String name, String fallback) {
      String value = env.get(name);
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    Optional<String> optional(String name) {
      String value = env.get(name);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    int integer(String name, String fallback, int min) {
      return parseInt(name, text(name, fallback), min);
    }

    static int parseInt(String name, String value, int min) {
      try {
        int parsed = Integer.parseInt(value.trim());
        if (parsed < min) {
          throw new InvalidSettingException(name, value, "must be at least " + min);
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw new InvalidSettingException(name, value, "is not a whole number");
      }
    }

    Duration duration(String name, String fallback) {
      return parseDuration(name, text(name, fallback));
    }

    static Duration parseDuration(String name, String value) {
      try {
        Duration parsed = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        if (parsed.isNegative()) {
          throw new InvalidSettingException(name, value, "must not be negative");
        }
        return parsed;
      } catch (DateTimeParseException e) {
        throw new InvalidSettingException(name, value, "is not an ISO-8601 duration such as PT5S, PT10M or P1D");
      }
    }

    boolean flag(String name, boolean fallback) {
      String value = text(name, String.valueOf(fallback)).toLowerCase(Locale.ROOT);
      return switch (value) {
        case "true", "yes", "1", "on" -> true;
        case "false", "no", "0", "off" -> false;
        default -> throw new InvalidSettingException(name, value, "must be true or false");
      };
    }

    List<String> list(String name) {
      return optional(name).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
          .orElse(List.of());
    }

    Set<Service> services() {
      String raw = text("SKILLSHELF_SERVICES", "ingest,enrich,linkcheck,publish");
      EnumSet<Service> result = EnumSet.noneOf(Service.class);
      for (String part : raw.split(",")) {
        String id = part.trim().toUpperCase(Locale.ROOT);
        if (id.isEmpty()) {
          continue;
        }
        try {
          result.add(Service.valueOf(id));
        } catch (IllegalArgumentException e) {
          throw new InvalidSettingException("SKILLSHELF_SERVICES", raw, "'" + part.trim() + "' is not one of ingest, enrich, linkcheck, publish");
        }
      }
      if (result.isEmpty()) {
        throw new InvalidSettingException("SKILLSHELF_SERVICES", raw, "names no service");
      }
      return result;
    }

    Map<String, String> curators() {
      Map<String, String> result = new LinkedHashMap<>();
      for (String entry : list("SKILLSHELF_CURATORS")) {
        int colon = entry.indexOf(':');
        @Nullable String name = colon > 0 ? entry.substring(0, colon).trim() : null;
        if (name == null || name.isEmpty() || colon == entry.length() - 1) {
          // The value is never echoed: it holds passwords.
          throw new InvalidSettingException("SKILLSHELF_CURATORS", "(hidden)", "each entry must be name:password");
        }
        result.put(name, entry.substring(colon + 1));
      }
      return result;
    }
  }
}
