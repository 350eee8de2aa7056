package io.b2bportal.platform.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database keeps its data across restarts and refuses a second process on its directory. */
class EmbeddedPostgresServerTests {

    @TempDir
    Path temp;

    @Test
    void keepsDataAcrossAStopAndAStart() throws Exception {
        Path directory = temp.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(directory, 0, false);
             Connection connection = DriverManager.getConnection(server.jdbcUrl("kept"), "postgres", "")) {
            connection.createStatement().execute("create table t (v text); insert into t values ('still here')");
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(directory, 0, false);
             Connection connection = DriverManager.getConnection(server.jdbcUrl("kept"), "postgres", "");
             ResultSet rs = connection.createStatement().executeQuery("select v, version() from t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(rs.getString(2)).startsWith("PostgreSQL 18.");
        }
    }

    @Test
    void refusesADirectoryThatAnotherProcessHolds() throws Exception {
        Path directory = temp.resolve("held");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), directory.toString())
                .redirectErrorStream(true).start();
        try (var output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(directory, 0, false))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("in use by another running portal")
                    .hasMessageContaining("PORTAL_DATA_DIR");
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theStartupFailureReportNamesTheCauseAndTheWayOut() {
        var analysis = new DataDirectoryInUseFailureAnalyzer().analyze(new IllegalStateException("wrapped",
                new DataDirectoryInUseException(Path.of("/data/postgres"), Path.of("/data/postgres.lock"))));

        assertThat(analysis.getDescription()).contains("/data/postgres is in use by another running portal");
        assertThat(analysis.getAction()).contains("Stop that portal first");
    }

    /** Runs in a separate JVM: takes the directory lock the way a running portal does, then waits. */
    static final class LockHolder {
        public static void main(String[] args) throws Exception {
            DataDirectoryLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
