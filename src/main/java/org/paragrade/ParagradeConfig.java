package org.paragrade;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/** The settings every deployment needs (see the README's configuration table). */
@ConfigMapping(prefix = "paragrade")
public interface ParagradeConfig {

    /** Embedded database and other local state. */
    @WithName("data-dir")
    @WithDefault("data")
    String dataDir();

    /** Bundles imported at start. */
    @WithName("exercises-dir")
    @WithDefault("exercises")
    String exercisesDir();

    /** Demo accounts; unset means "on only with the embedded database". */
    Optional<Boolean> demo();

    /** Set by {@link Paragrade} when it started the embedded PostgreSQL itself. */
    @WithName("embedded-database")
    @WithDefault("false")
    boolean embeddedDatabase();

    /** Interpreter for student code; unset means the python3 found on PATH, resolved to its real binary. */
    Optional<String> python();

    /**
     * Further interpreters exercises may ask for by id ({@code benchmark.interpreters}): comma-separated
     * {@code id=path|label} entries, {@code ?} before an optional one (see {@code sandbox.InterpreterEntry}).
     */
    Optional<String> interpreters();

    /** Grading jobs this instance runs at once; 0 turns grading off (portal-only instance). */
    @WithDefault("1")
    int workers();

    /**
     * What this instance is: {@code all} (the portal, and a grading worker with {@link #workers} threads) or
     * {@code portal} (the pages and the API only, whatever {@code workers} says: it never starts the sandbox,
     * so it runs without the sandbox's rights; bundles it receives are validated by the workers).
     */
    @WithDefault("all")
    InstanceRole role();

    enum InstanceRole {
        ALL, PORTAL
    }

    /** This instance grades (and validates bundles): not a portal, and at least one worker thread. */
    default boolean grades() {
        return role() != InstanceRole.PORTAL && workers() > 0;
    }

    @WithName("initial-instructor")
    InitialInstructor initialInstructor();

    interface InitialInstructor {
        Optional<String> username();

        Optional<String> password();
    }

    /** Optional single sign-on through OpenID Connect (see {@code portal.SsoLogin}); off by default. */
    Sso sso();

    interface Sso {
        @WithDefault("false")
        boolean enabled();

        /** What the login page calls the provider: "Log in with ...". */
        @WithDefault("Single sign-on")
        String label();

        /** The token claim that holds the Paragrade user name. */
        @WithName("username-claim")
        @WithDefault("preferred_username")
        String usernameClaim();
    }

    default boolean demoMode() {
        return demo().orElse(embeddedDatabase());
    }
}
