package org.paragrade.course;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.paragrade.account.Account;
import org.paragrade.account.Passwords;
import org.paragrade.account.Role;
import org.paragrade.audit.AuditAction;
import org.paragrade.audit.AuditTrail;

/**
 * A course instructor's roster import, for both faces: every line is checked first (nothing is stored
 * when one is wrong); new people get an account with a random initial password, good only for choosing
 * their own at first login and returned once, here; people who have an account are enrolled. The same
 * file imported again changes nothing. A new account's site role is always student, whatever its role in
 * the course: a site grader or instructor sees every course, and a roster speaks for one course only (its
 * staff rights there come from the membership, see {@link CourseAccess}).
 */
@ApplicationScoped
@Transactional
public class RosterImport {
    private static final Logger LOG = Logger.getLogger(RosterImport.class);
    static final int MAX_BYTES = 1024 * 1024;
    static final String TOO_LARGE = "The roster is over 1 MB; split it.";

    public record NewAccount(String username, String initialPassword) {
    }

    public record Imported(int created, int enrolled, List<NewAccount> accounts) {
    }

    /** Names listed in the trail's summary of one import; the rest are counted. */
    static final int NAMES_IN_SUMMARY = 20;

    private final CourseService courses;
    private final AuditTrail audit;

    public RosterImport(CourseService courses, AuditTrail audit) {
        this.courses = courses;
        this.audit = audit;
    }

    /** The roster as a face received it: a temporary file (null when the form had none), size checked first. */
    public Imported importRoster(String code, String instructor, java.nio.file.Path file) {
        if (file == null) {
            return importRoster(code, instructor, (byte[]) null);
        }
        try {
            if (java.nio.file.Files.size(file) > MAX_BYTES) {
                throw new CourseRefused(TOO_LARGE);
            }
            return importRoster(code, instructor, java.nio.file.Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            throw new CourseRefused("The upload could not be read; try again.");
        }
    }

    public Imported importRoster(String code, String instructor, byte[] csv) {
        Course course = courses.requireInstructor(code, instructor);
        RosterCsv.Parsed parsed = RosterCsv.parse(text(csv));
        if (!parsed.ok()) {
            throw new CourseRefused("The roster was not imported: " + parsed.errors().size() + " line(s) need "
                    + "fixing. Nothing was changed.", parsed.errors());
        }
        int enrolled = 0;
        List<NewAccount> created = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        for (RosterCsv.Row row : parsed.rows()) {
            Account account = Account.findByUsername(row.username()).orElse(null);
            if (account == null) {
                String password = Passwords.initial();
                account = newAccount(row, password);
                created.add(new NewAccount(row.username(), password));
            }
            String before = Membership.of(course, account).map(m -> m.role).orElse(null);
            if (courses.enrol(course, account, row.role())) {
                enrolled++;
                if (before == null) {
                    joined.add(row.username() + " (" + row.role().word() + ")");
                } else {
                    audit.record(instructor, course.id, AuditAction.MEMBER_ROLE, new AuditTrail.Subject(null, null,
                            row.username()), row.username() + "'s role in " + course.code + ": " + before + " → "
                            + row.role().word() + " (roster import).");
                }
            }
        }
        // never the initial passwords: the trail is read by more people, for longer, than the import's answer
        audit.record(instructor, course.id, AuditAction.ROSTER_IMPORT, AuditTrail.Subject.none(), "Roster of "
                + course.code + " imported: " + parsed.rows().size() + " line(s), " + created.size()
                + " account(s) created, " + enrolled + " enrolment(s) changed" + (joined.isEmpty() ? "."
                : "; enrolled: " + names(joined) + "."));
        LOG.infof("Roster of %s imported by %s: %d accounts created, %d enrolments changed", code, instructor,
                created.size(), enrolled);
        return new Imported(created.size(), enrolled, created);
    }

    private static String names(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(names.size(), NAMES_IN_SUMMARY)));
        return names.size() > NAMES_IN_SUMMARY ? shown + " and " + (names.size() - NAMES_IN_SUMMARY) + " more" : shown;
    }

    private static Account newAccount(RosterCsv.Row row, String password) {
        Account a = new Account();
        a.username = row.username();
        a.passwordHash = BcryptUtil.bcryptHash(password);
        a.role = Role.STUDENT;
        a.displayName = row.name();
        a.email = row.email();
        a.mustChangePassword = true;
        a.persist();
        return a;
    }

    private static String text(byte[] csv) {
        if (csv == null || csv.length == 0) {
            throw new CourseRefused("Choose the roster (a .csv file, one line per person: username,name,email,role).");
        }
        if (csv.length > MAX_BYTES) {
            throw new CourseRefused(TOO_LARGE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(csv)).toString();
        } catch (CharacterCodingException e) {
            throw new CourseRefused("The roster is not UTF-8 text; save it as CSV (UTF-8).");
        }
    }
}
