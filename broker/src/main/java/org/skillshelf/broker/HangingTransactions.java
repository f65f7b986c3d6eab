package org.skillshelf.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts "hanging" transactions when the embedded broker starts: transactions still open on a
 * partition that the transaction coordinator no longer knows as in progress there. In the
 * all-in-one mode the broker dies with the application on {@code kill -9}; the crash drill found
 * restarts where a partition kept such a transaction open, so the stream apps' read-committed
 * consumers waited on it for ever and the process never became ready. Nothing else would close
 * it (the coordinator only aborts what it knows), so this does what {@code kafka-transactions.sh
 * find-hanging} and {@code abort} would. It runs before any client of ours is connected.
 *
 * <p>It must never abort a transaction the coordinator is still completing: a commit whose
 * markers are written to some partitions and aborted on others breaks its atomicity (the crash
 * drill lost an acknowledged suggestion that way: its status said "enriching" while its
 * enrichment request had been aborted). Right after start the coordinator may still be loading
 * its log or writing the markers of commits the crash interrupted, so a transaction counts as
 * hanging only when it is open and unknown to the coordinator on two looks {@link #GRACE} apart,
 * both taken after the coordinator has no commit or abort in preparation. A failure here is
 * logged and start-up goes on.
 */
final class HangingTransactions {
  private static final Logger LOG = LoggerFactory.getLogger(HangingTransactions.class);
  private static final Set<TransactionState> IN_PROGRESS =
      Set.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT);
  private static final Set<TransactionState> PREPARING = Set.of(TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT);
  /** How long a suspect must stay open and unknown to the coordinator before it is aborted. */
  static final Duration GRACE = Duration.ofSeconds(5);

  /** An open transaction of one producer on one partition. */
  record Open(TopicPartition partition, long producerId, int producerEpoch, int coordinatorEpoch) {}

  private HangingTransactions() {}

  /** Finds and aborts the hanging transactions; returns how many it aborted. */
  static int abortAll(String bootstrapServers, Duration timeout) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "skillshelf-broker-recovery");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    try (Admin admin = Admin.create(props)) {
      long deadline = System.nanoTime() + timeout.toNanos();
      List<Open> suspects = hanging(admin, deadline);
      if (suspects.isEmpty()) {
        return 0;
      }
      // Nothing announces that the coordinator has finished recovering, so look again later.
      Thread.sleep(GRACE.toMillis());
      List<Open> hanging = stillHanging(suspects, hanging(admin, deadline));
      for (Open open : hanging) {
        admin.abortTransaction(new AbortTransactionSpec(open.partition(), open.producerId(), (short) open.producerEpoch(),
            open.coordinatorEpoch())).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (!hanging.isEmpty()) {
        LOG.warn("Aborted {} transaction(s) left open by a crash, of producer(s) {}, on {}", hanging.size(),
            hanging.stream().map(Open::producerId).distinct().toList(), hanging.stream().map(Open::partition).toList());
      }
      return hanging.size();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.warn("Could not look for transactions left open by a crash: {}", e.toString());
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** One look: the open transactions unknown to the coordinator once it has nothing in preparation. */
  private static List<Open> hanging(Admin admin, long deadline) throws ExecutionException, InterruptedException, TimeoutException {
    Duration timeout = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    Map<Long, Set<TopicPartition>> inProgress = settledInProgress(admin, deadline);
    return hanging(openTransactions(admin, timeout), inProgress);
  }

  /** The open transactions the coordinator does not list as in progress on their partition. */
  static List<Open> hanging(Collection<Open> open, Map<Long, Set<TopicPartition>> inProgress) {
    return open.stream()
        .filter(o -> !inProgress.getOrDefault(o.producerId(), Set.of()).contains(o.partition()))
        .toList();
  }

  /** The suspects of a first look that a later look found exactly as before: same partition, producer and epoch. */
  static List<Open> stillHanging(Collection<Open> first, Collection<Open> later) {
    Set<Open> again = Set.copyOf(later);
    return first.stream().filter(again::contains).toList();
  }

  /**
   * The coordinator's transactions in progress, read once it prepares no commit or abort: those it
   * is still completing would otherwise look hanging on the partitions whose markers it has not
   * yet written.
   */
  private static Map<Long, Set<TopicPartition>> settledInProgress(Admin admin, long deadline)
      throws ExecutionException, InterruptedException, TimeoutException {
    while (true) {
      Duration timeout = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      Collection<TransactionListing> listings = admin.listTransactions().all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      boolean preparing = listings.stream().anyMatch(l -> PREPARING.contains(l.state()));
      if (!preparing) {
        return inProgress(admin, listings, timeout);
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("the transaction coordinator kept commits or aborts in preparation");
      }
      // Polled: the coordinator offers no notification when it has written its markers.
      Thread.sleep(200);
    }
  }

  private static List<Open> openTransactions(Admin admin, Duration timeout) throws ExecutionException, InterruptedException, TimeoutException {
    Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    List<TopicPartition> partitions = new ArrayList<>();
    admin.describeTopics(topics).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .forEach((name, topic) -> topic.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
    Map<TopicPartition, PartitionProducerState> states = admin.describeProducers(partitions).all()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    List<Open> open = new ArrayList<>();
    states.forEach((partition, state) -> {
      for (ProducerState producer : state.activeProducers()) {
        if (producer.currentTransactionStartOffset().isPresent()) {
          open.add(new Open(partition, producer.producerId(), producer.producerEpoch(), producer.coordinatorEpoch().orElse(-1)));
        }
      }
    });
    return open;
  }

  private static Map<Long, Set<TopicPartition>> inProgress(Admin admin, Collection<TransactionListing> listings, Duration timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    Set<String> ids = listings.stream().filter(l -> IN_PROGRESS.contains(l.state()))
        .map(TransactionListing::transactionalId).collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, TransactionDescription> described = admin.describeTransactions(ids).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return described.values().stream().filter(d -> IN_PROGRESS.contains(d.state()))
        .collect(Collectors.toMap(TransactionDescription::producerId, TransactionDescription::topicPartitions, (a, b) -> a));
  }
}
