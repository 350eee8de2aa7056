package io.b2bportal.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 18 server that the portal runs on when no external database is configured.
 *
 * <p>One server per data directory and JVM: a second Spring context in the same JVM (the test suite's
 * cached contexts) shares it, counted by references; a second process on the same directory is refused
 * by {@link DataDirectoryLock} with a message that says so, before PostgreSQL is touched.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final Path dataDirectory;
    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;
    private int references;

    private EmbeddedPostgresServer(Path dataDirectory, DataDirectoryLock lock, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * Starts the server on {@code dataDirectory} (creating the cluster on first use) or joins the one
     * this JVM already runs there.
     */
    public static synchronized EmbeddedPostgresServer acquire(Path dataDirectory, int port, boolean cleanOnStart) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        EmbeddedPostgresServer running = RUNNING.get(directory);
        if (running == null) {
            running = start(directory, port, cleanOnStart);
            RUNNING.put(directory, running);
        }
        running.references++;
        return running;
    }

    private static EmbeddedPostgresServer start(Path directory, int port, boolean cleanOnStart) {
        DataDirectoryLock lock = DataDirectoryLock.acquire(directory);
        try {
            if (cleanOnStart) {
                deleteRecursively(directory);
            }
            stopOrphanedPostmaster(directory);
            Files.createDirectories(directory);
            log.info("Starting embedded PostgreSQL in {}", directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // Spring closes us after the pool; see close()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", "on")
                    .setLocaleConfig("encoding", "UTF8");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedPostgresServer(directory, lock, postgres);
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * A portal killed without a chance to stop its database leaves the postmaster running on the
     * directory. We hold the directory lock, so no live portal owns it: stop the orphan before starting.
     */
    private static void stopOrphanedPostmaster(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isPresent()) {
            log.warn("Stopping a PostgreSQL server (pid {}) left running on {} by a portal that did not shut down",
                    postmaster.get().pid(), directory);
            postmaster.get().destroy();
            try {
                postmaster.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The orphaned PostgreSQL server (pid " + postmaster.get().pid()
                        + ") on " + directory + " did not stop; stop it by hand", e);
            }
        }
    }

    /** A JDBC URL for {@code database}, which is created if it does not exist yet. */
    public String jdbcUrl(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database \"" + database.replace("\"", "") + "\" encoding 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + database, e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Releases one reference; the last one stops PostgreSQL cleanly and frees the directory. */
    @Override
    public void close() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--references > 0) {
                return;
            }
            RUNNING.remove(dataDirectory);
            try {
                log.info("Stopping embedded PostgreSQL in {}", dataDirectory);
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lock.release();
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
