package org.paragrade.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives every {@code @QuarkusTest} a real PostgreSQL: the URL in {@code PARAGRADE_TEST_DB_URL} if set,
 * else a Testcontainers PostgreSQL when a Docker engine answers, else an embedded PostgreSQL.
 * Each run starts from an empty database.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedPostgres embedded;
    private AutoCloseable container;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("PARAGRADE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", env("PARAGRADE_TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", env("PARAGRADE_TEST_DB_PASSWORD", "postgres"));
        }
        if (dockerAvailable()) {
            try {
                var pg = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:17-alpine");
                pg.start();
                container = pg;
                return Map.of("quarkus.datasource.jdbc.url", pg.getJdbcUrl(),
                        "quarkus.datasource.username", pg.getUsername(),
                        "quarkus.datasource.password", pg.getPassword());
            } catch (Throwable e) {
                System.err.println("Testcontainers PostgreSQL did not start (" + e + "); using embedded PostgreSQL");
            }
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "");
        } catch (Exception e) {
            throw new IllegalStateException("No PostgreSQL for the tests: " + e, e);
        }
    }

    private static boolean dockerAvailable() {
        if (!Files.exists(Path.of("/var/run/docker.sock")) && System.getenv("DOCKER_HOST") == null) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    @Override
    public void stop() {
        try {
            if (embedded != null) {
                embedded.close();
            }
            if (container != null) {
                container.close();
            }
        } catch (Exception ignored) {
            // the JVM is ending anyway
        }
    }
}
