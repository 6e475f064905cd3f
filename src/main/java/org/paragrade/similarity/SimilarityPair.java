package org.paragrade.similarity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Two kept submissions JPlag compared in a run, how similar (0..1) and where. */
@Entity
@Table(name = "similarity_pair")
public class SimilarityPair extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id")
    public SimilarityRun run;
    @Column(name = "submission_a", nullable = false)
    public long submissionA;
    @Column(name = "submission_b", nullable = false)
    public long submissionB;
    @Column(nullable = false)
    public double similarity;
    /** [{fileA, fromA, toA, fileB, fromB, toB, tokens}], 1-based lines. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String regions;

    /** Most similar first. */
    public static List<SimilarityPair> ofRun(SimilarityRun run) {
        return list("run = ?1 order by similarity desc, id", run);
    }
}
