package org.paragrade.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

/** One line of the audit trail; only ever added, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public Instant at = Instant.now();
    /** The user name of who did it. */
    @Column(nullable = false)
    public String actor;
    /** The course it happened in; null: site-wide (an exercise's own settings). */
    @Column(name = "course_id")
    public Long courseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditAction action;
    @Column(name = "submission_id")
    public Long submissionId;
    /** The exercise's slug. */
    public String exercise;
    /** The student's user name. */
    public String student;
    /** What changed, in words, with before → after where it applies. */
    @Column(nullable = false)
    public String summary;
}
