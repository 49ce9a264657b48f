package dev.seatbooking.conference.administration;

import dev.seatbooking.conference.domain.Conference;
import dev.seatbooking.conference.domain.ConferenceRejection;
import dev.seatbooking.conference.domain.OwnerKey;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ConferenceRepository extends JpaRepository<Conference, UUID> {

    /**
     * The conference, its row locked until the transaction ends. Every change of a conference or its seat types
     * starts here, so changes of one conference are serial: its event versions follow commit order, and a seat
     * type cannot be added while a first publication is announcing the others.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Conference c where c.id = :id")
    Optional<Conference> findForUpdate(@Param("id") UUID id);

    /** {@link #findForUpdate}, for an owner's change: a conference that does not exist is not found. */
    default Conference lockForChange(UUID id) {
        return findForUpdate(id).orElseThrow(() -> new ConferenceRejection.ConferenceNotFound(id));
    }

    boolean existsBySlug(String slug);

    boolean existsBySlugAndIdNot(String slug, UUID id);

    @Query("select new dev.seatbooking.conference.domain.OwnerKey(c.id, c.ownerEmail, c.accessCodeHash)"
            + " from Conference c where c.id = :id")
    Optional<OwnerKey> findOwnerKey(@Param("id") UUID id);

    @Query("select new dev.seatbooking.conference.domain.OwnerKey(c.id, c.ownerEmail, c.accessCodeHash)"
            + " from Conference c where lower(c.ownerEmail) = lower(:email)")
    List<OwnerKey> findOwnerKeysByEmail(@Param("email") String email);
}
