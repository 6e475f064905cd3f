package org.paragrade.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** A course: exercises it offers and people in per-course roles. Times are shown in its time zone. */
@Entity
@Table(name = "course")
public class Course extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, unique = true)
    public String code;
    @Column(nullable = false)
    public String title;
    @Column(name = "time_zone", nullable = false)
    public String timeZone = "UTC";
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    public static Optional<Course> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
