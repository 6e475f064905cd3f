package org.paragrade.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link PostgresResource} for every {@code @QuarkusTest} in the suite. */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
public final class UsesPostgres {
    private UsesPostgres() {
    }
}
