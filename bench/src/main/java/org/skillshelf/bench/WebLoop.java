package org.skillshelf.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The {@link SimulatedWeb}'s server: one thread, one selector for every host's listening socket and
 * connection, and a queue of answers by due time, so that an answer delayed 50 ms costs a read, a
 * write and a share of one wake-up instead of a thread. HTTP/1.1 requests without a body (what a
 * link checker sends), keep-alive unless the client asks to close; anything it does not understand
 * gets a 400 and the connection closed.
 *
 * <p>Hand-written on purpose, for this benchmark only: the simulated web shares the machine's two
 * cores with the checker it measures, and every general server tried costs several times more per
 * answer (the JDK's HttpServer and Jetty 12 with a non-blocking delayed handler both about 0.3 ms of
 * CPU per request, this loop about 0.06–0.09 ms), which the checker would then be charged for.
 */
final class WebLoop implements Runnable {
  private static final int MAX_REQUEST_HEAD = 16 * 1024;
  private static final byte[] BAD_REQUEST = ("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
      .getBytes(StandardCharsets.US_ASCII);

  private final Selector selector;
  private final long delayNanos;
  private final Consumer<SimulatedWeb.Host> received;
  private final PriorityQueue<Due> due = new PriorityQueue<>();
  private long sequence;

  /** One open connection: what it has read so far and what is still to be written. */
  private static final class Connection {
    final SimulatedWeb.Host host;
    final SocketChannel channel;
    final ByteBuffer in = ByteBuffer.allocate(MAX_REQUEST_HEAD);
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    boolean closeAfterWriting;

    Connection(SimulatedWeb.Host host, SocketChannel channel) {
      this.host = host;
      this.channel = channel;
    }
  }

  /** An answer to send once its time has come. */
  private record Due(long atNanos, long order, Connection connection, byte[] answer, boolean close) implements Comparable<Due> {
    @Override
    public int compareTo(Due other) {
      int byTime = Long.compare(atNanos, other.atNanos);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  WebLoop(Selector selector, Duration delay, Consumer<SimulatedWeb.Host> received) {
    this.selector = selector;
    this.delayNanos = delay.toNanos();
    this.received = received;
  }

  @Override
  public void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Due next = due.peek();
        if (next == null) {
          selector.select();
        } else {
          long wait = next.atNanos() - System.nanoTime();
          if (wait <= 0) {
            selector.selectNow();
          } else {
            selector.select(Math.max(1, (wait + 999_999) / 1_000_000));
          }
        }
        for (SelectionKey key : selector.selectedKeys()) {
          handle(key);
        }
        selector.selectedKeys().clear();
        answerDue();
      }
    } catch (IOException | ClosedSelectorException e) {
      System.err.println("the simulated web stopped: " + e);
    }
  }

  private void handle(SelectionKey key) {
    try {
      if (!key.isValid()) {
        return;
      }
      if (key.isAcceptable()) {
        accept(key);
        return;
      }
      Connection connection = (Connection) key.attachment();
      if (key.isReadable()) {
        read(key, connection);
      }
      if (key.isValid() && key.isWritable()) {
        flush(key, connection);
      }
    } catch (IOException e) {
      close(key);
    }
  }

  private void accept(SelectionKey key) throws IOException {
    SimulatedWeb.Host host = (SimulatedWeb.Host) key.attachment();
    SocketChannel channel;
    while ((channel = ((ServerSocketChannel) key.channel()).accept()) != null) {
      channel.configureBlocking(false);
      channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      channel.register(selector, SelectionKey.OP_READ, new Connection(host, channel));
    }
  }

  private void read(SelectionKey key, Connection connection) throws IOException {
    int read = connection.channel.read(connection.in);
    if (read < 0) {
      close(key);
      return;
    }
    for (int end = headEnd(connection.in); end >= 0; end = headEnd(connection.in)) {
      String head = new String(connection.in.array(), 0, end, StandardCharsets.ISO_8859_1);
      connection.in.flip().position(end + 4);
      connection.in.compact();
      request(key, connection, head);
      if (!key.isValid()) {
        return;
      }
    }
    if (!connection.in.hasRemaining()) {
      respondNow(key, connection, BAD_REQUEST); // a request head larger than any link checker sends
    }
  }

  /** Where the blank line ending the request head starts, or -1 while it has not arrived. */
  private static int headEnd(ByteBuffer in) {
    byte[] bytes = in.array();
    for (int i = 0; i + 3 < in.position(); i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void request(SelectionKey key, Connection connection, String head) throws IOException {
    String[] lines = head.split("\r\n");
    String[] start = lines[0].split(" ");
    String lower = head.toLowerCase(Locale.ROOT);
    if (start.length != 3 || !start[2].startsWith("HTTP/1.") || lower.contains("\r\ncontent-length:")
        || lower.contains("\r\ntransfer-encoding:")) {
      respondNow(key, connection, BAD_REQUEST); // a request with a body: not what a link checker sends
      return;
    }
    boolean close = lower.contains("\r\nconnection: close") || start[2].equals("HTTP/1.0");
    String target = start[1];
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    received.accept(connection.host);
    due.add(new Due(System.nanoTime() + delayNanos, sequence++, connection, SimulatedWeb.answer(start[0], path, close), close));
  }

  /** Sends every answer whose time has come; each is counted out of its host's in-flight requests first. */
  private void answerDue() {
    long now = System.nanoTime();
    while (!due.isEmpty() && due.peek().atNanos() <= now) {
      Due answer = due.poll();
      // Counted out before answering: once the client has the answer it may send its next request
      // before the count would otherwise drop, and that overlap is not two requests at once on the client's side.
      answer.connection().host.inFlight().decrementAndGet();
      SelectionKey key = answer.connection().channel.keyFor(selector);
      if (key == null || !key.isValid()) {
        continue; // the client went away meanwhile
      }
      answer.connection().closeAfterWriting |= answer.close();
      answer.connection().out.add(ByteBuffer.wrap(answer.answer()));
      try {
        flush(key, answer.connection());
      } catch (IOException e) {
        close(key);
      }
    }
  }

  private void respondNow(SelectionKey key, Connection connection, byte[] bytes) throws IOException {
    connection.closeAfterWriting = true;
    connection.out.add(ByteBuffer.wrap(bytes));
    flush(key, connection);
  }

  private void flush(SelectionKey key, Connection connection) throws IOException {
    while (!connection.out.isEmpty()) {
      ByteBuffer head = connection.out.peek();
      connection.channel.write(head);
      if (head.hasRemaining()) {
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        return;
      }
      connection.out.poll();
    }
    if (connection.closeAfterWriting) {
      close(key);
    } else if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  private static void close(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException ignored) {
      // closing a socket the client already dropped
    }
  }
}
