package dev.seatbooking.conference.dashboard;

import dev.seatbooking.conference.waitlist.WaitlistQueries.SeatTypeWaitlist;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conference's sales at a glance (issue 17), as the projections of registration's events last said.
 *
 * @param currency      the conference's currency (its seat types'), which every amount below is in; null before any
 *                      seat type or order
 * @param seats         per seat type of the conference, in its order
 * @param orders        the conference's orders by status
 * @param overTime      orders and revenue per period, oldest first, only periods with something in them
 * @param codes         the conference's promotional codes, by text
 * @param waitlist      per seat type, who waits (WaitlistQueries)
 * @param cancellations confirmed orders cancelled since
 * @param refunds       the conference's refunds as payments' events told them, per state and per reason (RefundTallies)
 */
public record Dashboard(String currency, List<SeatTypeSeats> seats, OrderCounts orders, Bucket bucket,
                        List<Period> overTime, List<CodeDiscounts> codes, List<SeatTypeWaitlist> waitlist,
                        int cancellations, Refunds refunds) {

    /**
     * @param quantity  the seat type's quantity as the owner set it here
     * @param sold      seats in committed reservations (confirmed orders not cancelled)
     * @param held      seats in pending reservations (orders being placed or paid)
     * @param offered   seats held in open waitlist offers
     * @param available seats on sale
     * @param owed      seats a lowered quantity still owes (they leave sale as soon as they come back)
     */
    public record SeatTypeSeats(UUID seatTypeId, String name, int quantity, int sold, int held, int offered,
                                int available, int owed) {
    }

    public record OrderCounts(int pending, int confirmed, int expired, int cancelled) {
    }

    /**
     * One period (an hour or a day, UTC) of orders.
     *
     * @param start            the period's first instant
     * @param placed           orders placed in it
     * @param confirmed        orders confirmed (paid, or free) in it
     * @param cancelled        confirmed orders cancelled in it
     * @param revenue          the totals of the orders confirmed in it
     * @param cancelledRevenue the totals of the orders cancelled in it (refunded, if they were paid)
     */
    public record Period(Instant start, int placed, int confirmed, int cancelled, BigDecimal revenue,
                         BigDecimal cancelledRevenue) {
    }

    /**
     * @param held     uses held by pending orders (registration's count)
     * @param used     uses spent by confirmed orders (registration's count)
     * @param orders   confirmed orders (not cancelled) the code took something off
     * @param discount what it took off them
     */
    public record CodeDiscounts(UUID codeId, String code, int held, int used, int orders, BigDecimal discount) {
    }

    /**
     * Where a refund stands for the owner: as its latest state says, a FAILED refund either to be retried or given up
     * on.
     */
    public enum RefundStanding {
        REQUESTED, COMPLETED, FAILED_WILL_RETRY, GAVE_UP;

        /** @param state the refund's state as RefundProjection keeps it: REQUESTED, COMPLETED or FAILED */
        public static RefundStanding of(String state, boolean willRetry) {
            return switch (state) {
                case "FAILED" -> willRetry ? FAILED_WILL_RETRY : GAVE_UP;
                default -> valueOf(state);
            };
        }
    }

    /**
     * A conference's refunds counted and added up.
     *
     * @param byState  every {@link RefundStanding}, in its order, zeros included
     * @param byReason every refund reason (payments' RefundReason), in its order, zeros included; a refund whose
     *                 RefundRequested was not consumed yet has no reason, so it is counted by state only
     */
    public record Refunds(List<RefundTally> byState, List<RefundTally> byReason) {
    }

    /**
     * @param name    a {@link RefundStanding} or a refund reason
     * @param refunds how many refunds
     * @param amount  their amounts added up
     */
    public record RefundTally(String name, int refunds, BigDecimal amount) {
    }
}
