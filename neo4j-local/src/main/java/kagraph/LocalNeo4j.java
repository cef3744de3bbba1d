package kagraph;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * kagraph's local Neo4j: Neo4j Community with its Bolt connector on 127.0.0.1, started by graph/neo4j_local.py.
 *
 * <p>Arguments: home folder, Bolt port, idle seconds. Neo4j settings of one's own go in home/neo4j.conf, read
 * first; the connector, authentication and memory settings below are kept whatever it says. The password of user neo4j comes from the environment
 * (KAGRAPH_NEO4J_PASSWORD), never the command line, which other users can read. Every Python process using
 * the server keeps a file named by its pid in home/clients; once no such process is alive for the idle
 * seconds, the server stops itself, so a CLI call reuses a warm server and nothing outlives its users for long.
 * SIGTERM shuts the databases down cleanly.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Duration idle = Duration.ofSeconds(Long.parseLong(args[2]));
        String password = System.getenv("KAGRAPH_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("KAGRAPH_NEO4J_PASSWORD must hold at least 8 characters");
            System.exit(2);
        }
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        Path settings = home.resolve("neo4j.conf");
        if (Files.exists(settings)) {
            builder.loadPropertiesFromFile(settings);
        }
        DatabaseManagementService dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(512))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));
        setPassword(dbms, password);
        System.out.println("kagraph-neo4j ready bolt://127.0.0.1:" + port);
        System.out.flush();
        stopWhenIdle(home.resolve("clients"), idle);
    }

    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException error) {
            if (!String.valueOf(error.getMessage()).contains("cannot be the same")) {
                throw error;
            }
        }
    }

    private static void stopWhenIdle(Path clients, Duration idle) throws InterruptedException, IOException {
        Files.createDirectories(clients);
        long lastUsed = System.nanoTime();
        while (true) {
            Thread.sleep(2000);
            if (anyClientAlive(clients)) {
                lastUsed = System.nanoTime();
            } else if (System.nanoTime() - lastUsed > idle.toNanos()) {
                System.out.println("kagraph-neo4j idle for " + idle.toSeconds() + " s: stopping");
                System.exit(0);
            }
        }
    }

    private static boolean anyClientAlive(Path clients) throws IOException {
        boolean alive = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(clients)) {
            for (Path entry : entries) {
                long pid;
                try {
                    pid = Long.parseLong(entry.getFileName().toString());
                } catch (NumberFormatException notAClient) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    alive = true;
                } else {
                    Files.deleteIfExists(entry);
                }
            }
        }
        return alive;
    }
}
