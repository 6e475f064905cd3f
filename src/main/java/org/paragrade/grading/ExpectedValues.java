package org.paragrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.paragrade.measure.RunVariant;
import org.paragrade.sandbox.RunResult;

/**
 * Expected values: the trusted sequential reference's value for a params set, computed once per
 * exercise version and kept in {@code reference_output}. They never enter a student's sandbox.
 */
@ApplicationScoped
public class ExpectedValues {
    private final EntityManager em;

    public ExpectedValues(EntityManager em) {
        this.em = em;
    }

    JsonNode get(long versionId, Map<String, Object> params, ExerciseRunner runner) {
        String key = ExerciseRunner.key(params);
        JsonNode cached = lookup(versionId, key);
        if (cached != null) {
            return cached;
        }
        RunResult r = runner.run(RunVariant.SEQUENTIAL, params, null);
        if (!r.completed()) {
            throw new InfrastructureFailure("the sequential reference failed on params " + params + ": "
                    + r.outcome() + " " + r.message());
        }
        store(versionId, key, r.value());
        return r.value();
    }

    JsonNode lookup(long versionId, String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery(
                            "select cast(value as text) from reference_output where version_id = :v and case_key = :k")
                    .setParameter("v", versionId).setParameter("k", key).getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            try {
                return ExerciseRunner.CANONICAL.readTree((String) rows.get(0));
            } catch (Exception e) {
                return null;
            }
        });
    }

    void store(long versionId, String key, JsonNode value) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into reference_output (version_id, case_key, value) values (:v, :k, cast(:val as jsonb))
                        on conflict do nothing""")
                .setParameter("v", versionId).setParameter("k", key)
                .setParameter("val", value == null ? "null" : value.toString()).executeUpdate());
    }
}
