package org.skillshelf.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class RocksDbMemoryTest {

  @Test
  void aBudgetCanBeMadeBeforeAnyStoreLoadedRocksDb() {
    try (var budget = new RocksDbMemory.Budget()) {
      assertThat(budget).isNotNull();
    }
  }

  @Test
  void putsAStoreOnTheAppsBudget() {
    try (var budget = new RocksDbMemory.Budget(); var options = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
      new RocksDbMemory().setConfig("store", options, Map.of(RocksDbMemory.BUDGET, budget));

      assertThat(options.writeBufferManager()).isNotNull();
      assertThat(((BlockBasedTableConfig) options.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
      assertThat(options.maxOpenFiles()).isEqualTo(RocksDbMemory.MAX_OPEN_FILES);
    }
  }

  @Test
  void leavesRocksDbsDefaultsWithoutABudget() {
    try (var options = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
      new RocksDbMemory().setConfig("store", options, Map.of());

      assertThat(options.writeBufferManager()).isNull();
    }
  }
}
