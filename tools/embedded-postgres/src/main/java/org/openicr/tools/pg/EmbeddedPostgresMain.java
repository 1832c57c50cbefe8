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
 * <p>Arguments: {@code --port N --data DIR --database NAME}. Credentials come from the environment
 * (never the command line, which every local user can read): ICR_PG_SUPERUSER_PASSWORD for the
 * superuser {@code postgres}; OPENICR_DB_OWNER_USER (default openicr) and OPENICR_DB_OWNER_PASSWORD
 * for the owner role, which owns the database and runs the migrations; OPENICR_DB_USER (default
 * openicr_app) and OPENICR_DB_PASSWORD for the application role the server connects as (issue 16).
 *
 * <p>Every connection authenticates with scram-sha-256, the superuser's included (pg_hba.conf is
 * written by this launcher). A data directory made by initdb (zonky's initdb trusts every local
 * connection) or by an older OpenICR is secured on its first start here: PostgreSQL is started once
 * as it is, only to give the superuser its password, stopped, and started again with password
 * authentication. The data directory is kept between runs; the roles and the database are created
 * when missing and the roles' passwords set to the given ones at every start.
 *
 * <p>ICR_PG_STAT_STATEMENTS=on loads PostgreSQL's pg_stat_statements (the integration tests set it).
 */
public final class EmbeddedPostgresMain {

    /** The first line of the pg_hba.conf this launcher writes: its presence means "secured". */
    static final String HBA_MARKER = "# OpenICR: every connection authenticates with scram-sha-256";

    private EmbeddedPostgresMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "28432"));
        Path data = Path.of(options.getOrDefault("data", "target/pgdata"));
        String database = options.getOrDefault("database", "openicr");
        String superuserPassword = required("ICR_PG_SUPERUSER_PASSWORD");
        String owner = env("OPENICR_DB_OWNER_USER", "openicr");
        String ownerPassword = required("OPENICR_DB_OWNER_PASSWORD");
        String app = env("OPENICR_DB_USER", "openicr_app");
        String appPassword = required("OPENICR_DB_PASSWORD");
        if (owner.equals(app)) {
            throw new IllegalArgumentException(
                    "OPENICR_DB_USER (the application role) must differ from the owner role " + owner);
        }
        Files.createDirectories(data);

        if (!secured(data)) {
            // Started as initdb left it (trust, localhost only) just long enough to set the
            // superuser's password, then stopped and secured.
            try (EmbeddedPostgres bootstrap = builder(port, data).start();
                    Connection c = bootstrap.getPostgresDatabase().getConnection()) {
                setPassword(c, "postgres", superuserPassword);
            }
            writeHba(data);
            System.out.println("Secured the data directory: scram-sha-256 for every connection.");
        }
        EmbeddedPostgres postgres = builder(port, data)
                .setConnectConfig("password", superuserPassword)
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            createRolesAndDatabase(c, database, owner, ownerPassword, app, appPassword);
        }
        System.out.println("PostgreSQL ready on port " + port + ", database " + database + ", data in " + data);
        System.out.flush();
        Thread.currentThread().join();
    }

    static boolean secured(Path data) throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER);
    }

    private static void writeHba(Path data) throws IOException {
        Files.writeString(
                data.resolve("pg_hba.conf"),
                HBA_MARKER + " (tools/embedded-postgres, issue 16).\n"
                        + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
                        + "local   all       all                 scram-sha-256\n"
                        + "host    all       all   127.0.0.1/32  scram-sha-256\n"
                        + "host    all       all   ::1/128       scram-sha-256\n");
    }

    private static EmbeddedPostgres.Builder builder(int port, Path data) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if ("on".equals(System.getenv("ICR_PG_STAT_STATEMENTS"))) {
            // PostgreSQL's own statement counter, for the statement budgets of the integration tests
            // (StatementBudgetIT) and for measuring by hand; off unless asked for (ICR_PG_STAT_STATEMENTS=on),
            // so that the demo and the benchmarks run as before. Top-level statements only, with
            // BEGIN and COMMIT (track_utility).
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "top")
                    .setServerConfig("pg_stat_statements.track_utility", "on");
        }
        return builder.setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("password_encryption", "scram-sha-256")
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
                // images in the WAL after each checkpoint starts): docs/decision-log.md, "Headroom under load".
                .setServerConfig("autovacuum_max_workers", "1")
                .setServerConfig("autovacuum_vacuum_cost_delay", "10ms")
                .setServerConfig("autovacuum_vacuum_cost_limit", "50")
                .setServerConfig("checkpoint_timeout", "15min")
                // PostgreSQL's own log in files under <data>/log (the forwarding of its output to
                // this process's log stops after the first minutes): checkpoints, and every
                // autovacuum and autoanalyze with its duration, to match slow seconds under load.
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_checkpoints", "on")
                .setServerConfig("log_autovacuum_min_duration", "0");
    }

    private static void createRolesAndDatabase(
            Connection c, String database, String owner, String ownerPassword, String app, String appPassword)
            throws SQLException {
        for (String role : new String[] {owner, app}) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
                c.createStatement().execute("create role " + identifier(role) + " login");
            }
        }
        // Neither may do more than its job: no superuser, no new roles or databases, no replication.
        setPassword(c, owner, ownerPassword);
        setPassword(c, app, appPassword);
        if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
            c.createStatement()
                    .execute("create database " + identifier(database) + " owner " + identifier(owner)
                            + " encoding 'UTF8'");
        }
    }

    private static void setPassword(Connection c, String role, String password) throws SQLException {
        String attributes =
                role.equals("postgres") ? "" : " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls";
        c.createStatement()
                .execute("alter role " + identifier(role) + attributes + " password '" + password.replace("'", "''")
                        + "'");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value;
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
