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
    Files.createDirectories(home);

    // Memory comes from neo4j/ctl.ts (neo4j/memory.ts: environment variables, else sized from the RAM).
    // The two transaction limits keep one query from starving the others: past db.memory.transaction.max a
    // transaction fails alone; dbms.memory.transaction.total.max bounds them all, below the heap.
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.allow_file_urls, false)
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
        .setConfig(GraphDatabaseSettings.pagecache_memory, bytes("MAILLAGE_NEO4J_PAGECACHE_BYTES", 256))
        .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, bytes("MAILLAGE_NEO4J_TX_TOTAL_MAX_BYTES", 384))
        .setConfig(GraphDatabaseSettings.memory_transaction_max_size, bytes("MAILLAGE_NEO4J_TX_MAX_BYTES", 192))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("maillage-neo4j: shutting down");
      dbms.shutdown();
      stopped.countDown();
    }, "maillage-neo4j-shutdown"));

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    try (Transaction tx = db.beginTx(); Result r = tx.execute("RETURN 1 AS ok")) {
      r.next();
      tx.commit();
    }
    // The one line scripts wait for; keep its wording stable.
    System.out.println("maillage-neo4j: ready on bolt://127.0.0.1:" + port + " (data in " + home + "; heap max "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MB)");
    System.out.flush();
    stopped.await();
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
