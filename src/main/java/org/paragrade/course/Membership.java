package org.paragrade.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.paragrade.account.Account;

/** One person in one course, with their role there. */
@Entity
@Table(name = "course_member")
@IdClass(Membership.Key.class)
public class Membership extends PanacheEntityBase {
    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    public Course course;
    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;
    @Column(nullable = false)
    public String role;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    public static class Key implements Serializable {
        public Long course;
        public Long account;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(course, k.course) && Objects.equals(account, k.account);
        }

        @Override
        public int hashCode() {
            return Objects.hash(course, account);
        }
    }

    public static Optional<Membership> of(Course course, Account account) {
        return find("course = ?1 and account = ?2", course, account).firstResultOptional();
    }

    public static List<Membership> ofCourse(Course course) {
        return list("course = ?1 order by account.username", course);
    }

    public static List<Membership> ofAccount(Account account) {
        return list("account = ?1 order by course.code", account);
    }

    public CourseRole courseRole() {
        return CourseRole.of(role).orElseThrow();
    }
}
