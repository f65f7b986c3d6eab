package org.skillshelf.app.drills;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Who owns which partitions in a consumer group right now, as the group coordinator tells it: the
 * outside view of how instances share the work.
 */
record GroupAssignments(String group, Map<String, Set<TopicPartition>> byMember) {

  static GroupAssignments of(Admin admin, String group) throws ExecutionException, InterruptedException {
    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
    return new GroupAssignments(group, description.members().stream().collect(Collectors.toMap(
        MemberDescription::consumerId, m -> Set.copyOf(m.assignment().topicPartitions()))));
  }

  /** Every member holds at least one partition. */
  boolean everyMemberWorks() {
    return !byMember.isEmpty() && byMember.values().stream().noneMatch(Set::isEmpty);
  }

  int members() {
    return byMember.size();
  }

  Set<TopicPartition> all() {
    Set<TopicPartition> all = new HashSet<>();
    byMember.values().forEach(all::addAll);
    return all;
  }

  @Override
  public String toString() {
    return group + byMember.values().stream().map(Set::size).toList() + " partitions per member";
  }
}
