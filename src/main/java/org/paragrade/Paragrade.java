package org.paragrade;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;

/**
 * Entry point. With no datasource URL configured it first starts the embedded PostgreSQL
 * (data under {@code paragrade.data-dir}) and hands its URL to Quarkus, so one command
 * gives a working server; with a URL configured it starts nothing of its own.
 */
@QuarkusMain
public class Paragrade {

    public static void main(String... args) throws Exception {
        EmbeddedDatabase embedded = null;
        Path dataDir = Path.of(setting("paragrade.data-dir", "data")).toAbsolutePath();
        if (setting("quarkus.datasource.jdbc.url", null) == null) {
            embedded = EmbeddedDatabase.start(dataDir.resolve("postgres"));
            System.setProperty("quarkus.datasource.jdbc.url", embedded.jdbcUrl());
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "");
            System.setProperty("paragrade.embedded-database", "true");
        }
        if (setting("quarkus.http.auth.session.encryption-key", null) == null) {
            // Sessions survive a restart; the key lives only in the server's own data dir.
            System.setProperty("quarkus.http.auth.session.encryption-key", SessionKey.loadOrCreate(dataDir));
        }
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        if (embedded != null) {
            // On SIGTERM the JVM runs its hooks while Quarkus shuts down (gradings give their jobs back,
            // writing to the database): the database stops only after that, or after a bound.
            EmbeddedDatabase db = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stopped.await(90, java.util.concurrent.TimeUnit.SECONDS);
                    db.close();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }, "paragrade-embedded-db-stop"));
        }
        EmbeddedDatabase db = embedded;
        // Quarkus calls the exit handler once the application has stopped (also on SIGTERM, from
        // inside its shutdown hook's sequence): only then may the database go.
        Quarkus.run(Server.class, (exitCode, failure) -> {
            try {
                if (db != null) {
                    db.close();
                }
            } catch (Exception e) {
                System.err.println("Embedded PostgreSQL did not stop cleanly: " + e);
            } finally {
                stopped.countDown();
            }
            if (failure != null) {
                failure.printStackTrace();
            }
            System.exit(exitCode);
        }, args);
    }

    /** A setting as Quarkus would read it before it runs: system property, then environment variable. */
    static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    public static class Server implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
