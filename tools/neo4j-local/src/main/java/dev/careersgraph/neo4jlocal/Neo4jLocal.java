package dev.careersgraph.neo4jlocal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.fleetmanagement.FleetManagementSettings;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Transaction;

/**
 * Runs Neo4j Community embedded in this JVM, reachable only over Bolt on 127.0.0.1.
 *
 * <p>Protocol with the parent process (see src/database/local-neo4j.ts):
 * <ul>
 *   <li>stdout carries exactly two possible lines: {@code NEO4J_LOCAL_READY bolt://127.0.0.1:<port>}
 *       once Bolt accepts connections, and {@code NEO4J_LOCAL_STOPPED} after a clean shutdown.</li>
 *   <li>stderr carries one line starting with {@code neo4j-local: } when something goes wrong.
 *       Everything Neo4j itself prints, and full stack traces, go to
 *       {@code <data-dir>/logs/neo4j-local.log}; Neo4j's own debug log is {@code <data-dir>/logs/debug.log}.</li>
 *   <li>Exit status: 0 after a clean stop requested by the parent disappearing, 2 for bad arguments,
 *       1 when startup fails, and the JVM's usual 128+signal after SIGTERM/SIGINT.</li>
 * </ul>
 */
public final class Neo4jLocal {

    static final String READY_LINE = "NEO4J_LOCAL_READY";
    static final String STOPPED_LINE = "NEO4J_LOCAL_STOPPED";
    static final String LOOPBACK = "127.0.0.1";
    /** Neo4j's default for dbms.security.auth_minimum_password_length; checked up front so a short password is a usage error. */
    static final int MIN_PASSWORD_LENGTH = 8;
    /**
     * Only a guard against a hang: on a cold JVM the password statement's compilation can take
     * over a minute on a busy machine (seen with two test suites and a fault scenario on 2 cores,
     * which then failed a restart), and a start that fails there leaves nothing to retry.
     */
    static final Duration PASSWORD_TX_TIMEOUT = Duration.ofSeconds(300);

    // The real process streams, kept before System.out/err are pointed at the log file.
    private static final PrintStream STDOUT = System.out;
    private static final PrintStream STDERR = System.err;

    // Start-up and shutdown run on different threads (main vs. shutdown hook); this lock orders them,
    // so a SIGTERM that arrives while Neo4j is still starting waits for the start to finish and then stops it.
    private static final Object LIFECYCLE = new Object();
    private static DatabaseManagementService service; // guarded by LIFECYCLE
    /** Set by the shutdown hook before it waits for LIFECYCLE, so a start in progress never announces READY. */
    private static volatile boolean stopping;
    private static final CountDownLatch STOPPED = new CountDownLatch(1);

    private Neo4jLocal() {}

    /** Parsed command line; every field has a default except the data directory and the password. */
    record Options(
            int boltPort,
            Path dataDir,
            long pageCacheBytes,
            Duration txTimeout,
            Duration lockTimeout,
            long txMemoryMaxBytes,
            String txLogRetention,
            String password,
            long parentPid) {}

    static final String USAGE = "usage: Neo4jLocal --data-dir <path> [--bolt-port 7687] [--pagecache 128m]"
            + " [--tx-timeout 30s] [--lock-timeout 10s] [--tx-memory-max 256m]"
            + " [--tx-log-retention '128M size'] [--password <pw> | env NEO4J_PASSWORD]"
            + " [--parent-pid <pid>]";

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args, System.getenv("NEO4J_PASSWORD"));
        } catch (HelpRequested help) {
            STDOUT.println(USAGE);
            return;
        } catch (IllegalArgumentException e) {
            fail(2, e.getMessage() + " (--help shows usage)");
            return;
        }

        Path logFile = options.dataDir().resolve("logs").resolve("neo4j-local.log");
        try {
            Files.createDirectories(logFile.getParent());
            // From here on, anything written to System.out/err (by Neo4j, log4j's status logger, JVM
            // warnings printed from Java code, ...) lands in the log file, keeping stdout a clean protocol.
            PrintStream log = new PrintStream(new FileOutputStream(logFile.toFile(), true), true, StandardCharsets.UTF_8);
            System.setOut(log);
            System.setErr(log);
            log.println(Instant.now() + " neo4j-local starting: bolt 127.0.0.1:" + options.boltPort()
                    + ", data " + options.dataDir());
        } catch (IOException | RuntimeException e) {
            fail(1, "cannot use data directory " + options.dataDir() + ": " + oneLine(e));
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Neo4jLocal::shutdown, "neo4j-local-shutdown"));

        String failure = null;
        synchronized (LIFECYCLE) {
            if (stopping) {
                return; // signalled before we even began; the hook has nothing to stop
            }
            try {
                ensurePortFree(options.boltPort());
                service = start(options);
                setPassword(service, options.password());
                awaitBolt(options.boltPort(), Duration.ofSeconds(30));
                if (!stopping) {
                    STDOUT.println(READY_LINE + " bolt://" + LOOPBACK + ":" + options.boltPort());
                    STDOUT.flush();
                }
            } catch (Throwable t) {
                System.err.println(Instant.now() + " start-up failed:");
                t.printStackTrace(System.err);
                failure = describe(t) + " (details: " + logFile + ")";
                if (service != null) {
                    try {
                        service.shutdown();
                    } catch (Throwable ignored) {
                        // already failing; the original cause is what matters
                    }
                    service = null;
                }
            }
        }
        if (failure != null) {
            fail(1, failure); // outside the lock: System.exit runs the shutdown hook, which takes it
            return;
        }

        if (options.parentPid() > 0) {
            watchParent(options.parentPid());
        }
        try {
            STOPPED.await(); // Neo4j's own threads keep the JVM alive too; this just parks main tidily
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds and starts the embedded DBMS with every setting this launcher controls. */
    static DatabaseManagementService start(Options o) {
        Path home = o.dataDir();
        return new DatabaseManagementServiceBuilder(home)
                // The builder's directory is Neo4j's home: stores go to <home>/data/..., logs to <home>/logs/.
                .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs").toAbsolutePath())
                // Bolt on loopback only; no HTTP(S) connectors.
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, o.boltPort()))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, o.boltPort()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(LOOPBACK))
                // Nothing leaves the machine: no UDP fleet-discovery broadcasts, no usage reports, no Fleet Manager.
                .setConfig(BoltConnector.enable_discovery, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(FleetManagementSettings.fleet_manager_enabled, false)
                // Bolt's Netty event loops otherwise wait a 5 s "quiet period" (twice) on shutdown, making a
                // stop take ~12 s. This is an internal (unsupported) setting; nothing is in flight by then.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                // Memory and safety limits.
                .setConfig(GraphDatabaseSettings.pagecache_memory, o.pageCacheBytes())
                .setConfig(GraphDatabaseSettings.transaction_timeout, o.txTimeout())
                .setConfig(GraphDatabaseSettings.lock_acquisition_timeout, o.lockTimeout())
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, o.txMemoryMaxBytes())
                // Transaction logs are pruned to the retention policy at each checkpoint. Neo4j's defaults
                // (keep 2 days, rotate at 256 MB, checkpoint every 15 min or 250 MB of log) let a bulk import
                // leave several times the store's size in logs; this database is a local working copy with
                // no incremental backups to feed, so it keeps little and checkpoints by volume.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, o.txLogRetention())
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, TX_LOG_ROTATION_BYTES)
                .setConfig(GraphDatabaseSettings.check_point_interval_volume, TX_LOG_ROTATION_BYTES)
                // Clients must log in as neo4j with the configured password.
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .build();
    }

    /**
     * Makes the neo4j user's password the configured one, without the "must change" flag. Embedded
     * transactions run with full privileges, so the system database accepts the administration command.
     * On a restart with the same password Neo4j refuses to "change" it to the same value; that case is
     * exactly the state we want, so it is treated as success. A different password simply replaces the old one.
     */
    static void setPassword(DatabaseManagementService dbms, String password) {
        // Own timeout: the first Cypher query of a cold JVM can take longer than a short --tx-timeout.
        try (Transaction tx = dbms.database("system").beginTx(PASSWORD_TX_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            tx.execute("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password)).close();
            tx.commit();
        } catch (QueryExecutionException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase();
            if (!(message.contains("old password") && message.contains("same"))) {
                throw e;
            }
            System.err.println(Instant.now() + " password unchanged (already set)");
        }
    }

    /** Fails early, with a clear message, if something already listens on the Bolt port. */
    static void ensurePortFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // ignore TIME_WAIT leftovers from a previous run, like Neo4j does
            probe.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
        } catch (BindException e) {
            throw new PortInUseException(port, e);
        }
    }

    /** build() returns once the DBMS lifecycle has started; this double-checks Bolt really accepts connections. */
    static void awaitBolt(int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("Bolt is not accepting connections on " + LOOPBACK + ":" + port, e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** Polls every 2 s; when the parent process is gone, exits (which runs the shutdown hook). */
    static void watchParent(long pid) {
        Thread watcher = new Thread(() -> {
            while (true) {
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    System.err.println(Instant.now() + " parent process " + pid + " is gone; shutting down");
                    System.exit(0);
                    return;
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "neo4j-local-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Shutdown hook (SIGTERM, SIGINT, System.exit): stop Neo4j cleanly, then say so on stdout. */
    static void shutdown() {
        stopping = true;
        synchronized (LIFECYCLE) {
            if (service != null) {
                try {
                    service.shutdown();
                    STDOUT.println(STOPPED_LINE);
                } catch (Throwable t) {
                    t.printStackTrace(System.err);
                    STDERR.println("neo4j-local: error during shutdown: " + oneLine(t));
                } finally {
                    service = null;
                    STDOUT.flush();
                    STDERR.flush();
                }
            }
        }
        STOPPED.countDown();
    }

    // ---------------------------------------------------------------- argument parsing

    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static Options parse(String[] args, String envPassword) {
        int port = 7687;
        Path dataDir = null;
        long pageCache = bytes("--pagecache", "128m");
        Duration txTimeout = duration("--tx-timeout", "30s");
        Duration lockTimeout = duration("--lock-timeout", "10s");
        long txMemoryMax = bytes("--tx-memory-max", "256m");
        String txLogRetention = "128M size";
        String password = envPassword;
        long parentPid = 0;

        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) { // --flag=value
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else if (flag.equals("--help") || flag.equals("-h")) {
                throw new HelpRequested();
            } else if (i + 1 < args.length) { // --flag value
                value = args[++i];
            } else {
                throw new IllegalArgumentException(flag.startsWith("--")
                        ? "missing value for " + flag
                        : "unexpected argument '" + flag + "'");
            }
            switch (flag) {
                case "--bolt-port" -> port = (int) number(flag, value, 1, 65535);
                case "--data-dir" -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--data-dir must not be empty");
                    }
                    dataDir = Path.of(value).toAbsolutePath().normalize();
                }
                case "--pagecache" -> pageCache = bytes(flag, value);
                case "--tx-timeout" -> txTimeout = duration(flag, value);
                case "--lock-timeout" -> lockTimeout = duration(flag, value);
                case "--tx-memory-max" -> txMemoryMax = bytes(flag, value);
                case "--tx-log-retention" -> txLogRetention = retention(flag, value);
                case "--password" -> password = value;
                case "--parent-pid" -> parentPid = number(flag, value, 1, Long.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a password is required: pass --password or set NEO4J_PASSWORD");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (pageCache <= 0) {
            throw new IllegalArgumentException("--pagecache must be greater than zero");
        }
        return new Options(port, dataDir, pageCache, txTimeout, lockTimeout, txMemoryMax, txLogRetention, password, parentPid);
    }

    /** The forms db.tx_log.rotation.retention_policy accepts: true, false, or an amount and a unit. */
    private static final java.util.regex.Pattern RETENTION =
            java.util.regex.Pattern.compile("true|false|\\d+[kKmMgG]? (files|size|txs|entries|hours|days)");

    /** 64 MiB: the rotation size of the transaction logs, and the log volume between checkpoints. */
    static final long TX_LOG_ROTATION_BYTES = 64L * 1024 * 1024;

    private static String retention(String flag, String value) {
        String trimmed = value.trim();
        if (!RETENTION.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(flag + " takes true, false or '<amount> <files|size|txs|entries|hours|days>'"
                    + " (e.g. '128M size', '2 files'), not '" + value + "'");
        }
        return trimmed;
    }

    private static long number(String flag, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a number, got '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    /** Sizes use Neo4j's own syntax (e.g. 512k, 128m, 2g), parsed by Neo4j's parser so the rules match neo4j.conf. */
    private static long bytes(String flag, String value) {
        try {
            return SettingValueParsers.BYTES.parse(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(flag + " expects a size such as 128m or 1g, got '" + value + "'");
        }
    }

    /** Durations use Neo4j's syntax (e.g. 500ms, 30s, 2m); a bare number means seconds. */
    private static Duration duration(String flag, String value) {
        try {
            return SettingValueParsers.DURATION.parse(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(flag + " expects a duration such as 30s or 500ms, got '" + value + "'");
        }
    }

    // ---------------------------------------------------------------- error reporting

    static final class PortInUseException extends IOException {
        private static final long serialVersionUID = 1L;

        PortInUseException(int port, Throwable cause) {
            super("port " + LOOPBACK + ":" + port + " is already in use (is another Neo4j running?)", cause);
        }
    }

    /** One human line for a start-up failure: known causes get a plain sentence, others their innermost message. */
    static String describe(Throwable t) {
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PortInUseException) {
                return c.getMessage();
            }
            if (c instanceof BindException) {
                return "cannot listen on the Bolt port: " + oneLine(c);
            }
            root = c;
        }
        return "failed to start Neo4j: " + oneLine(root);
    }

    static String oneLine(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            message = trace.toString().lines().findFirst().orElse(t.getClass().getName());
        } else {
            message = t.getClass().getSimpleName() + ": " + message;
        }
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static void fail(int status, String message) {
        STDERR.println("neo4j-local: " + message);
        STDERR.flush();
        System.exit(status);
    }
}
