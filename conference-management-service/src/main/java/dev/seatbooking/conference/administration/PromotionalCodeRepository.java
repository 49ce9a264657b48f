package dev.seatbooking.conference.administration;

import dev.seatbooking.conference.promotion.PromotionalCode;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PromotionalCodeRepository extends JpaRepository<PromotionalCode, UUID> {

    @Query("select p from PromotionalCode p where p.conferenceId = :conferenceId order by p.createdAt, p.code")
    List<PromotionalCode> findByConference(@Param("conferenceId") UUID conferenceId);

    @Query("select p from PromotionalCode p where p.id = :id and p.conferenceId = :conferenceId")
    Optional<PromotionalCode> findInConference(@Param("conferenceId") UUID conferenceId, @Param("id") UUID id);

    /** @param code normalized */
    @Query("select count(p) > 0 from PromotionalCode p where p.conferenceId = :conferenceId and p.code = :code")
    boolean existsInConference(@Param("conferenceId") UUID conferenceId, @Param("code") String code);

    /** The currencies of the conference's fixed-amount codes (one at most, as the rules keep it). */
    @Query("select distinct p.discountCurrency from PromotionalCode p"
            + " where p.conferenceId = :conferenceId and p.discountCurrency is not null")
    List<String> fixedAmountCurrencies(@Param("conferenceId") UUID conferenceId);

    /** The texts of the codes whose chosen scope names the seat type. */
    @Query("select p.code from PromotionalCode p join p.seatTypeIds s where s = :seatTypeId order by p.code")
    List<String> codesScoping(@Param("seatTypeId") UUID seatTypeId);
}
