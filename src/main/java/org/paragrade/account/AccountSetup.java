package org.paragrade.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.paragrade.ParagradeConfig;

/**
 * Creates the demo accounts in demo mode, and the first instructor of a production
 * deployment from {@code paragrade.initial-instructor.*} when no instructor exists yet.
 */
@ApplicationScoped
public class AccountSetup {
    private static final Logger LOG = Logger.getLogger(AccountSetup.class);

    private final ParagradeConfig config;

    public AccountSetup(ParagradeConfig config) {
        this.config = config;
    }

    @Transactional
    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent event) {
        if (config.demoMode()) {
            createIfMissing("instructor", "instructor", Role.INSTRUCTOR);
            createIfMissing("grader", "grader", Role.GRADER);
            createIfMissing("alice", "alice", Role.STUDENT);
            createIfMissing("bob", "bob", Role.STUDENT);
            LOG.info("Demo mode: accounts instructor/instructor, grader/grader, alice/alice, bob/bob");
        }
        var initial = config.initialInstructor();
        if (initial.username().isPresent() && initial.password().isPresent()
                && Account.countByRole(Role.INSTRUCTOR) == 0) {
            createIfMissing(initial.username().get(), initial.password().get(), Role.INSTRUCTOR);
            LOG.infof("Created the first instructor account '%s'", initial.username().get());
        }
    }

    private void createIfMissing(String username, String password, String role) {
        if (Account.findByUsername(username).isEmpty()) {
            Account.create(username, password, role);
        }
    }
}
