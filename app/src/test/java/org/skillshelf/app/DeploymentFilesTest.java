package org.skillshelf.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skillshelf.config.Service;
import org.skillshelf.config.SkillshelfConfig;
import org.skillshelf.kafka.TopicProvisioner;
import org.skillshelf.kafka.Topics;

/**
 * No Docker engine runs where the tests run, so docker-compose.yml is kept true by reading it: every
 * service image is built from a module that exists and runs that module's service, every setting it
 * passes is one the code reads and accepts, and the topics' replication fits the Kafka cluster.
 */
class DeploymentFilesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Read with SnakeYAML, which resolves the anchors and merge keys compose files use. */
  private static JsonNode compose() throws IOException {
    Object tree = new org.yaml.snakeyaml.Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    return new ObjectMapper().valueToTree(tree);
  }

  @Test
  void everyServiceIsBuiltFromAModuleWithItsOwnLauncherAndRunsOnlyThatService() throws IOException {
    JsonNode services = compose().get("services");
    List<String> built = new ArrayList<>();
    services.properties().forEach(entry -> {
      JsonNode build = entry.getValue().get("build");
      if (build == null) {
        return;
      }
      String module = build.at("/args/SERVICE").asText();
      built.add(module);
      assertThat(ROOT.resolve(module).resolve("pom.xml")).as("module of %s", entry.getKey()).exists();
      String main = module.substring(0, 1).toUpperCase(Locale.ROOT) + module.substring(1) + "Main.java";
      assertThat(ROOT.resolve(module + "/src/main/java/org/skillshelf/" + module + "/" + main)).exists();
      assertThat(entry.getValue().at("/environment/SKILLSHELF_SERVICES").asText()).isEqualTo(module);
    });
    assertThat(built).containsExactlyInAnyOrder("ingest", "enrich", "linkcheck", "publish");
    assertThat(ROOT.resolve("Dockerfile")).content().contains("ARG SERVICE", "target/skillshelf-${SERVICE}.jar");
  }

  @Test
  void everySettingPassedToAServiceIsOneTheCodeReadsAndAccepts() throws IOException {
    JsonNode services = compose().get("services");
    for (Service service : Service.values()) {
      JsonNode env = services.get(service.id()).get("environment");
      Map<String, String> values = new HashMap<>();
      env.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
      assertThat(SkillshelfConfig.VARIABLES).as("settings of %s", service).containsAll(values.keySet());
      values.put("SKILLSHELF_CURATORS", "ada:secret"); // compose takes it from the operator's shell
      SkillshelfConfig config = SkillshelfConfig.fromEnvironment(values);
      assertThat(config.kafkaBootstrap()).isPresent();
      assertThat(config.services()).containsExactly(service);
    }
  }

  @Test
  void topicReplicationFitsTheThreeBrokerCluster() throws IOException {
    JsonNode services = compose().get("services");
    List<String> brokers = new ArrayList<>();
    services.properties().forEach(e -> {
      if (e.getValue().path("environment").has("KAFKA_NODE_ID")) {
        brokers.add(e.getKey());
      }
    });
    assertThat(brokers).hasSize(3);
    JsonNode kafkaEnv = services.get(brokers.getFirst()).get("environment");
    assertThat(kafkaEnv.get("KAFKA_MIN_INSYNC_REPLICAS").asInt()).isLessThan(brokers.size());
    Topics.all().forEach(topic -> {
      var created = TopicProvisioner.newTopic(topic.name(), topic.partitions(), (short) Math.min(3, brokers.size()), topic.config());
      assertThat((int) created.replicationFactor()).isLessThanOrEqualTo(brokers.size());
      assertThat(Integer.parseInt(created.configs().get("min.insync.replicas"))).isEqualTo(2);
    });
    String bootstrap = services.get("ingest").at("/environment/SKILLSHELF_KAFKA_BOOTSTRAP").asText();
    brokers.forEach(b -> assertThat(bootstrap).contains(b + ":9092"));
  }

  @Test
  void prometheusScrapesEveryServiceAndGrafanaShowsThePipelinesMetrics() throws IOException {
    String prometheus = Files.readString(ROOT.resolve("deploy/prometheus.yml"));
    for (Service service : Service.values()) {
      assertThat(prometheus).contains(service.id());
    }
    JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/dashboards/skillshelf.json").toFile());
    assertThat(dashboard.get("panels").findValuesAsText("expr"))
        .anyMatch(e -> e.contains("skillshelf_linkcheck_checks_total"))
        .anyMatch(e -> e.contains("skillshelf_linkcheck_links"))
        .anyMatch(e -> e.contains("skillshelf_linkcheck_backlog"))
        .anyMatch(e -> e.contains("skillshelf_enrich_resources_total"))
        .anyMatch(e -> e.contains("skillshelf_ingest_submissions_total"));
    JsonNode rules = YAML.readTree(ROOT.resolve("deploy/alert-rules.yml").toFile());
    assertThat(rules.findValuesAsText("alert")).contains("LinkChecksStalled", "BrokenShareJumped", "ConsumerLagGrows");
  }
}
