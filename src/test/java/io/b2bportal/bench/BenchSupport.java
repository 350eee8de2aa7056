package io.b2bportal.bench;

import io.b2bportal.platform.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What every benchmark needs around its measurements: the machine's load, external commands, the pgbench reference. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** The load averages over 1, 5 and 15 minutes, as "1.52 / 1.75 / 3.46". */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The 1-minute load average, printed next to every row. */
    static String load1() {
        return load().split(" ")[0];
    }

    static long totalMemoryGiB() {
        try {
            String memTotal = Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("[^0-9]", "");
            return Math.round(Long.parseLong(memTotal) / 1024.0 / 1024.0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Runs a command to its end and returns what it printed; a non-zero exit is an error with that output. */
    static String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    static boolean pgbenchInstalled(Consumer<String> line) {
        if (Files.isExecutable(Path.of("/usr/bin/pgbench"))) {
            return true;
        }
        line.accept("");
        line.accept("pgbench: not installed (apt-get install -y postgresql-client), skipped.");
        return false;
    }

    /**
     * pgbench select-only (1 and 2 clients) against the same embedded server, in its own database (scale 10), with the
     * latencies of each transaction from its log in {@code logs}; one table row per run.
     */
    static void pgbenchSelectOnly(EmbeddedPostgresServer server, Path logs, Consumer<String> line)
            throws IOException, InterruptedException {
        if (!pgbenchInstalled(line)) {
            return;
        }
        server.jdbcUrl("pgbench");
        String port = Integer.toString(server.port());
        Files.createDirectories(logs);
        exec(List.of("pgbench", "-h", "localhost", "-p", port, "-U", "postgres", "-i", "-s", "10", "-q", "pgbench"));
        line.accept("");
        line.accept("pgbench select-only (`pgbench -S`, scale 10, same server, TCP on localhost; latency per "
                + "transaction from `-l`):");
        line.accept("");
        line.accept("| run | transactions | tps | p50 ms | p95 ms | p99 ms | max ms | load 1 min |");
        line.accept("|---|---:|---:|---:|---:|---:|---:|---|");
        for (String[] run : new String[][] {{"1", "15"}, {"2", "30"}}) {
            try (var old = Files.list(logs)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            String loadBefore = load1();
            String output = exec(List.of("pgbench", "-h", "localhost", "-p", port, "-U", "postgres", "-S", "-c", run[0],
                    "-j", run[0], "-T", run[1], "-l", "--log-prefix=" + logs.resolve("log"), "pgbench"));
            List<Long> micros = new ArrayList<>();
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    for (String entry : Files.readAllLines(file)) {
                        micros.add(Long.parseLong(entry.split(" ")[2]));
                    }
                }
            }
            long[] sorted = micros.stream().mapToLong(us -> us * 1000).sorted().toArray();
            line.accept("| `pgbench -S -c %s -j %s -T %s` | %,d | %s | %.3f | %.3f | %.3f | %.2f | %s→%s |".formatted(
                    run[0], run[0], run[1], sorted.length, tps(output), millis(sorted, 0.50), millis(sorted, 0.95),
                    millis(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, loadBefore,
                    load1()));
        }
    }

    /** The "tps = …" figure of a pgbench report. */
    static String tps(String output) {
        return output.lines().filter(l -> l.startsWith("tps")).findFirst().orElse("tps = ?")
                .replaceAll("tps = ([0-9.]+).*", "$1");
    }

    /** The nearest-rank quantile of sorted nanoseconds, in milliseconds. */
    static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1))] / 1e6;
    }
}
