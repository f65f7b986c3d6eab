package org.skillshelf.publish.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;
import org.skillshelf.kafka.RocksDbMemory;

/**
 * A small key-value store on disk for {@link ResourceTrail}: RocksDB (which Kafka Streams brings
 * along) with a small memtable and block cache, both outside the Java heap. Keys are a one-letter
 * kind and the resource id. No write-ahead log: the store is thrown away on close and rebuilt from
 * the topics at the next start. Not thread-safe on its own; {@link ResourceTrail} guards it.
 */
final class TrailStore implements AutoCloseable {
  /** A resource's events, as JSON. */
  static final char EVENTS = 'e';
  /** The last link state a resource's trail recorded, one byte. */
  static final char STATE = 's';

  static {
    RocksDB.loadLibrary();
  }

  private final Path folder;
  private final LRUCache cache = new LRUCache(8L << 20);
  private final Options options;
  private final WriteOptions writes = new WriteOptions().setDisableWAL(true);
  private final RocksDB db;

  TrailStore(Path folder) {
    this.folder = folder;
    this.options = new Options().setCreateIfMissing(true).setWriteBufferSize(4L << 20).setMaxWriteBufferNumber(2)
        .setCompressionType(CompressionType.LZ4_COMPRESSION).setMaxOpenFiles(RocksDbMemory.MAX_OPEN_FILES)
        .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setCacheIndexAndFilterBlocks(true));
    try {
      this.db = RocksDB.open(options, folder.toString());
    } catch (RocksDBException e) {
      options.close();
      throw new IllegalStateException("cannot open the resource trail store in " + folder, e);
    }
  }

  byte @Nullable [] get(char kind, String resourceId) {
    try {
      return db.get(key(kind, resourceId));
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot read the resource trail store", e);
    }
  }

  void put(char kind, String resourceId, byte[] value) {
    try {
      db.put(writes, key(kind, resourceId), value);
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot write the resource trail store", e);
    }
  }

  private static byte[] key(char kind, String resourceId) {
    return (kind + resourceId).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    db.close();
    writes.close();
    options.close();
    cache.close();
    try {
      IOUtils.rm(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
