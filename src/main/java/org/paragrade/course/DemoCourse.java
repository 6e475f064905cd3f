package org.paragrade.course;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.paragrade.ParagradeConfig;
import org.paragrade.account.Account;
import org.paragrade.curriculum.Exercise;
import org.paragrade.curriculum.ExerciseCreated;

/**
 * Demo mode's course {@code demo}: it offers every exercise (imported at start or authored later),
 * alice and bob are its students, grader its grader, instructor its instructor, so the demo accounts
 * see and do what they did before courses existed. Its offers leave deadline and attempts empty: the
 * exercise's own settings apply.
 */
@ApplicationScoped
@Transactional
public class DemoCourse {
    private static final Logger LOG = Logger.getLogger(DemoCourse.class);
    public static final String CODE = "demo";

    private final ParagradeConfig config;
    private final CourseService courses;

    public DemoCourse(ParagradeConfig config, CourseService courses) {
        this.config = config;
        this.courses = courses;
    }

    // After the demo accounts (10) and the curriculum import (20).
    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (!config.demoMode()) {
            return;
        }
        Course course = course();
        enrol(course, "alice", CourseRole.STUDENT);
        enrol(course, "bob", CourseRole.STUDENT);
        enrol(course, "grader", CourseRole.GRADER);
        enrol(course, "instructor", CourseRole.INSTRUCTOR);
        Exercise.<Exercise>listAll().forEach(e -> offer(course, e));
        LOG.info("Demo mode: course 'demo' offers every exercise to alice and bob");
    }

    void onCreated(@Observes ExerciseCreated created) {
        if (config.demoMode()) {
            offer(course(), created.exercise());
        }
    }

    private Course course() {
        return Course.findByCode(CODE).orElseGet(() -> {
            Course c = new Course();
            c.code = CODE;
            c.title = "Demo course";
            c.createdBy = "demo";
            c.persist();
            return c;
        });
    }

    private void enrol(Course course, String username, CourseRole role) {
        Account.findByUsername(username).ifPresent(a -> courses.enrol(course, a, role));
    }

    private static void offer(Course course, Exercise exercise) {
        if (Offer.of(course, exercise).isEmpty()) {
            Offer o = new Offer();
            o.course = course;
            o.exercise = exercise;
            o.persist();
        }
    }
}
