package org.paragrade.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.paragrade.account.Account;

/** One student's own deadline (and late window) for one offered exercise. */
@Entity
@Table(name = "extension")
@IdClass(Extension.Key.class)
public class Extension extends PanacheEntityBase {
    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offer_id")
    public Offer offer;
    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;
    @Column(nullable = false)
    public Instant deadline;
    @Column(name = "late_until")
    public Instant lateUntil;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    public static class Key implements Serializable {
        public Long offer;
        public Long account;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(offer, k.offer) && Objects.equals(account, k.account);
        }

        @Override
        public int hashCode() {
            return Objects.hash(offer, account);
        }
    }

    public static Optional<Extension> of(Offer offer, Account account) {
        return find("offer = ?1 and account = ?2", offer, account).firstResultOptional();
    }
}
