package org.paragrade.curriculum;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "exercise")
public class Exercise extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, unique = true)
    public String slug;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public boolean published;
    public Instant deadline;
    @Column(name = "max_attempts")
    public Integer maxAttempts;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "current_version_id")
    public ExerciseVersion currentVersion;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();

    public static Optional<Exercise> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Exercise> listAllOrdered() {
        return list("order by slug");
    }

    public static List<Exercise> listPublished() {
        return list("published = true order by slug");
    }

    public boolean deadlinePassed(Instant now) {
        return deadline != null && now.isAfter(deadline);
    }
}
