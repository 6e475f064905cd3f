package org.paragrade.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.util.List;

/** One file of a submission, its bytes kept in PostgreSQL with their SHA-256. */
@Entity
@Table(name = "submission_file")
public class SubmissionFile extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "submission_id", nullable = false)
    public Long submissionId;
    @Column(nullable = false)
    public String path;
    @Column(nullable = false)
    public byte[] content;
    @Column(nullable = false, columnDefinition = "bpchar")
    public String sha256;
    @Column(nullable = false)
    public int size;

    public static List<SubmissionFile> of(long submissionId) {
        return list("submissionId = ?1 order by path", submissionId);
    }
}
