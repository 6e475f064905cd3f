package org.paragrade.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import org.paragrade.course.Course;
import org.paragrade.course.CourseRole;
import org.paragrade.course.Membership;
import org.paragrade.course.Offer;
import org.paragrade.submission.KeptSubmission;
import org.paragrade.submission.Submission;

/**
 * A course's grade book: one row per student of the course, one column per offered exercise (the kept
 * score of the submissions made in this course — best or latest as the exercise says, a grader's
 * override first, the late penalty applied) and their total. Every text cell is quoted against
 * formula injection ({@link GradeBook#cell}).
 */
@ApplicationScoped
@Transactional
public class CourseGradeBook {

    public String csv(Course course) {
        List<Offer> offers = Offer.ofCourse(course);
        StringBuilder out = new StringBuilder("student,name");
        offers.forEach(o -> out.append(',').append(GradeBook.cell(o.exercise.slug)));
        out.append(",total\n");
        for (Membership m : Membership.ofCourse(course)) {
            if (m.courseRole() != CourseRole.STUDENT) {
                continue;
            }
            out.append(GradeBook.cell(m.account.username)).append(',').append(GradeBook.cell(m.account.displayName));
            double total = 0;
            for (Offer o : offers) {
                Double kept = kept(o, m);
                out.append(',').append(kept == null ? "" : round(kept));
                total += kept == null ? 0 : kept;
            }
            out.append(',').append(round(total)).append('\n');
        }
        return out.toString();
    }

    /** The score kept for one student on one offer: best or latest of their graded submissions here. */
    static Double kept(Offer offer, Membership member) {
        List<Submission> mine = Submission.list("student = ?1 and exercise = ?2 and course = ?3 order by id desc",
                member.account, offer.exercise, offer.course);
        return KeptSubmission.of(mine, KeptSubmission.rule(offer.exercise)).map(GradeBook::effectiveScore).orElse(null);
    }

    private static String round(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
