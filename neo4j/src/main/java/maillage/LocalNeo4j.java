package maillage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * Runs Neo4j Community embedded with Bolt on loopback, for Maillage's local default database.
 * Auth is off, so it binds to 127.0.0.1 only; file-URL CSV import is disabled as a second wall
 * behind the API's own read-only checks.
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(env("MAILLAGE_NEO4J_HOME", ".data/neo4j")).toAbsolutePath();
    int port = Integer.parseInt(env("MAILLAGE_NEO4J_PORT", "7687"));
    DatabaseManagementService dbms = null;
    try {
      Files.createDirectories(home);
      dbms = start(home, port);
    } catch (Throwable e) {
      // Neo4j's own threads are not daemons: a database that failed to start would leave this process alive,
      // silent, and neo4j/ctl.ts waiting for a ready line that never comes. Say why, and exit.
      System.out.println("maillage-neo4j: failed to start: " + causes(e));
      e.printStackTrace(System.out);
      System.out.flush();
      if (dbms != null) {
        try {
          dbms.shutdown();
        } catch (Throwable ignored) {
          // already failing: the first error is the one to read
        }
      }
      System.exit(1);
    }
    DatabaseManagementService started = dbms;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("maillage-neo4j: shutting down");
      started.shutdown();
      stopped.countDown();
    }, "maillage-neo4j-shutdown"));
    // The one line scripts wait for; keep its wording stable.
    System.out.println("maillage-neo4j: ready on bolt://127.0.0.1:" + port + " (data in " + home + "; heap max "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MB)");
    System.out.flush();
    stopped.await();
  }

  /** Starts the database and runs one query on it: the server is up only when the default database answers. */
  private static DatabaseManagementService start(Path home, int port) {
    // Memory and transaction logs come from neo4j/ctl.ts (neo4j/memory.ts: environment variables, else sized
    // from the RAM). The two transaction limits keep one query from starving the others: past
    // db.memory.transaction.max a transaction fails alone; dbms.memory.transaction.total.max bounds them all.
    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
    // Any other setting, for measuring (a query log, planner settings): a neo4j.conf-style file, read first so
    // that the settings below still win.
    String conf = System.getenv("MAILLAGE_NEO4J_CONF");
    if (conf != null && !conf.isBlank()) builder.loadPropertiesFromFile(Path.of(conf.trim()));
    DatabaseManagementService dbms = builder
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.allow_file_urls, false)
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
        .setConfig(GraphDatabaseSettings.pagecache_memory, bytes("MAILLAGE_NEO4J_PAGECACHE_BYTES", 256))
        .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, bytes("MAILLAGE_NEO4J_TX_TOTAL_MAX_BYTES", 384))
        .setConfig(GraphDatabaseSettings.memory_transaction_max_size, bytes("MAILLAGE_NEO4J_TX_MAX_BYTES", 192))
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, Boolean.parseBoolean(env("MAILLAGE_NEO4J_TX_LOG_PREALLOCATE", "true")))
        .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, bytes("MAILLAGE_NEO4J_TX_LOG_ROTATION_BYTES", 256))
        .setConfig(GraphDatabaseSettings.keep_logical_logs, env("MAILLAGE_NEO4J_TX_LOG_RETENTION", "1G size"))
        .setConfig(GraphDatabaseSettings.tx_state_memory_allocation,
            GraphDatabaseSettings.TransactionStateMemoryAllocation.valueOf(env("MAILLAGE_NEO4J_TX_STATE", "ON_HEAP")))
        .build();
    try {
      GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      try (Transaction tx = db.beginTx(); Result r = tx.execute("RETURN 1 AS ok")) {
        r.next();
        tx.commit();
      }
      return dbms;
    } catch (RuntimeException e) {
      dbms.shutdown();
      throw e;
    }
  }

  /** "message ← cause ← cause": the root cause (a full disk, a missing store file) is usually the last. */
  private static String causes(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (b.length() > 0) b.append(" <- ");
      b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    }
    return b.toString();
  }

  /** A size in bytes from the environment, or `fallbackMb` megabytes. */
  private static long bytes(String name, long fallbackMb) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallbackMb << 20 : Long.parseLong(v.trim());
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
