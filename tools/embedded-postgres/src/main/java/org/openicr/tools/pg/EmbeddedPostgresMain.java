package org.openicr.tools.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a real PostgreSQL server from the binaries on Maven Central until the process is stopped
 * (SIGTERM stops PostgreSQL cleanly). It exists so that the demo and the test suite need nothing
 * installed; a real deployment points the server at its own PostgreSQL instead.
 *
 * <p>Arguments: {@code --port N --data DIR --database NAME --user NAME --password SECRET}. The data
 * directory is kept between runs; the application's role and database are created when missing.
 */
public final class EmbeddedPostgresMain {

    private EmbeddedPostgresMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "28432"));
        Path data = Path.of(options.getOrDefault("data", "target/pgdata"));
        String database = options.getOrDefault("database", "openicr");
        String user = options.getOrDefault("user", "openicr");
        String password = options.get("password");
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("--password is required");
        }
        Files.createDirectories(data);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // zonky starts PostgreSQL with -F (fsync off); the record must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "2GB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("max_wal_size", "4GB")
                // Every commit is flushed before it returns. No commit_delay: waiting 0.2 ms to share a
                // flush was measured slower here (a flush costs about 0.1 ms on this disk, and commits
                // arriving while one flushes share the next flush anyway): docs/benchmarks.md.
                .setServerConfig("synchronous_commit", "on")
                // Background work in small steady steps rather than bursts that take a core for
                // seconds (on 2 cores a burst queues every request behind it): one autovacuum worker,
                // throttled to 50 cost units per 10 ms (about 40 MB/s of cached pages; at the
                // default 200 a pass over a grown ingestion table took up to a third of a core while
                // it ran), and checkpoints every 15 minutes instead of 5 (fewer surges of full-page
                // images in the WAL after each checkpoint starts): docs/decisions.md.
                .setServerConfig("autovacuum_max_workers", "1")
                .setServerConfig("autovacuum_vacuum_cost_delay", "10ms")
                .setServerConfig("autovacuum_vacuum_cost_limit", "50")
                .setServerConfig("checkpoint_timeout", "15min")
                // PostgreSQL's own log in files under <data>/log (the forwarding of its output to
                // this process's log stops after the first minutes): checkpoints, and every
                // autovacuum and autoanalyze with its duration, to match slow seconds under load.
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_checkpoints", "on")
                .setServerConfig("log_autovacuum_min_duration", "0")
                .start();
        createRoleAndDatabase(postgres, database, user, password);
        System.out.println("PostgreSQL ready on port " + port + ", database " + database + ", data in " + data);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void createRoleAndDatabase(EmbeddedPostgres postgres, String database, String user, String password)
            throws SQLException, IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", user)) {
                c.createStatement()
                        .execute("create role " + identifier(user) + " login password '" + password.replace("'", "''")
                                + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
                c.createStatement()
                        .execute("create database " + identifier(database) + " owner " + identifier(user)
                                + " encoding 'UTF8'");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            return ps.executeQuery().next();
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        return name;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
