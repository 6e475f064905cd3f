package org.paragrade.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, unique = true)
    public String username;
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;
    @Column(nullable = false)
    public String role;
    @Column(name = "display_name")
    public String displayName;
    public String email;
    /** An initial password from a roster import: good only for choosing a new one. */
    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    public static Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static long countByRole(String role) {
        return count("role", role);
    }

    public static Account create(String username, String password, String role) {
        Account a = new Account();
        a.username = username;
        a.passwordHash = BcryptUtil.bcryptHash(password);
        a.role = role;
        a.displayName = username;
        a.persist();
        return a;
    }

    public boolean isStaff() {
        return isStaffRole(role);
    }

    /** A site role that grades or teaches everywhere. */
    public static boolean isStaffRole(String role) {
        return Role.INSTRUCTOR.equals(role) || Role.GRADER.equals(role);
    }
}
