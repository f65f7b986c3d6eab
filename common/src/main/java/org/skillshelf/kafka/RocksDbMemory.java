package org.skillshelf.kafka;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Puts every RocksDB store of one Streams app on one memory budget. Left to its defaults, Kafka
 * Streams gives each store of each partition its own 50 MB block cache and up to three 16 MB
 * memtables, outside the Java heap: with a dozen stores over six partitions, resident memory grew
 * by about 100 MB per thousand resources in the soak while the heap stayed flat. Here all stores
 * share one block cache, and their memtables count against it, so the app's RocksDB memory stays
 * within {@link Budget#BYTES}. Each store also keeps at most {@link #MAX_OPEN_FILES} files open
 * (RocksDB's default keeps every table file open, so file descriptors grow with the data).
 *
 * <p>Streams creates this setter by class name for each store; the budget it applies travels in
 * the app's settings under {@link #BUDGET} ({@link StreamsApp} puts it there and closes it).
 */
public final class RocksDbMemory implements RocksDBConfigSetter {
  /** The settings key under which the app's {@link Budget} is found. */
  public static final String BUDGET = "skillshelf.rocksdb.budget";
  /**
   * Files one store keeps open; RocksDB keeps ten of them for itself and the rest for table files,
   * reopening a table that fell out. A store here holds a few table files of a few megabytes each.
   */
  public static final int MAX_OPEN_FILES = 64;

  /** One app's shared block cache and memtable allowance. Closed after the app's stores are. */
  public static final class Budget implements AutoCloseable {
    /** Block cache, index and filter blocks, and memtables of all the app's stores together. */
    static final long BYTES = 64L * 1024 * 1024;
    /** The memtables' share of it: when they reach it, the largest is flushed. */
    static final long MEMTABLE_BYTES = 24L * 1024 * 1024;

    static {
      RocksDB.loadLibrary(); // before the first native object; Streams loads it only when a store opens
    }

    private final Cache cache = new LRUCache(BYTES);
    private final WriteBufferManager memtables = new WriteBufferManager(MEMTABLE_BYTES, cache);

    @Override
    public void close() {
      memtables.close();
      cache.close();
    }
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    if (!(configs.get(BUDGET) instanceof Budget budget)) {
      return; // a Streams app built without one (tests with the TopologyTestDriver): RocksDB's defaults
    }
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(budget.cache);
    // Index and filter blocks in the shared cache too, or they are held per store outside it.
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(budget.memtables);
    options.setMaxOpenFiles(MAX_OPEN_FILES);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared: the budget's owner closes them.
  }
}
