package dev.seatbooking.conference.exports;

import dev.seatbooking.conference.orders.OrderQueries;
import dev.seatbooking.conference.orders.OrderQueries.Attendee;
import dev.seatbooking.conference.orders.OrderQueries.Discount;
import dev.seatbooking.conference.orders.OrderQueries.Line;
import dev.seatbooking.conference.orders.OrderQueries.Order;
import dev.seatbooking.conference.refunds.PaymentQueries;
import dev.seatbooking.conference.refunds.RefundQueries;
import dev.seatbooking.contracts.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The owner's CSV exports of a conference (issue 17), from the same projections as the lists of orders, attendees and
 * refunds, and the payments kept from payments' events ({@link PaymentColumns}).
 */
@Component
public class ConferenceExports {

    static final List<String> ATTENDEES = List.of("Order", "Seat", "Seat type", "First name", "Last name", "Email");
    static final List<String> ORDERS = Stream.concat(Stream.of("Order", "Status", "Placed at",
            "Registrant first name", "Registrant last name", "Registrant email", "Seats", "Total", "Currency",
            "Discounts"), PaymentColumns.HEADER.stream()).toList();

    private final OrderQueries orders;
    private final PaymentQueries payments;
    private final RefundQueries refunds;

    public ConferenceExports(OrderQueries orders, PaymentQueries payments, RefundQueries refunds) {
        this.orders = orders;
        this.payments = payments;
        this.refunds = refunds;
    }

    /** Every seat with an attendee, for badges: one line per seat, by order then position. */
    public String attendees(UUID conferenceId) {
        List<List<?>> rows = new ArrayList<>();
        for (Attendee a : orders.attendeesOf(conferenceId)) {
            rows.add(List.of(a.orderId(), a.position(), a.seatTypeName() == null ? a.seatTypeId() : a.seatTypeName(),
                    a.firstName(), a.lastName(), a.email()));
        }
        return Csv.of(ATTENDEES, rows);
    }

    /**
     * Every order, oldest first: its seats as "2 × General; 1 × Workshop", its discounts as "CODE 10.00; …", then its
     * payments and refunds. One snapshot (repeatable read): the columns agree even while events arrive.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public String orders(UUID conferenceId) {
        PaymentColumns paid = new PaymentColumns(payments.paymentsOf(conferenceId), refunds.refundsOf(conferenceId));
        List<List<?>> rows = new ArrayList<>();
        for (Order o : orders.ordersOf(conferenceId)) {
            Money total = o.total();
            List<Object> row = new ArrayList<>(Arrays.asList(o.orderId(), o.status(), o.placedAt(),
                    o.registrant() == null ? null : o.registrant().firstName(),
                    o.registrant() == null ? null : o.registrant().lastName(),
                    o.registrant() == null ? null : o.registrant().email(),
                    seats(o.lines()), total == null ? null : total.amount().toPlainString(),
                    total == null ? null : total.currency(),
                    discounts(o.discounts())));
            row.addAll(paid.of(o.orderId()));
            rows.add(row);
        }
        return Csv.of(ORDERS, rows);
    }

    private static String seats(List<Line> lines) {
        return lines.stream().map(line -> line.quantity() + " × " + line.description())
                .collect(Collectors.joining("; "));
    }

    /** Per code (a code may take something off several lines), in the order taken. */
    private static String discounts(List<Discount> discounts) {
        Map<String, BigDecimal> byCode = new LinkedHashMap<>();
        discounts.forEach(d -> byCode.merge(d.code(), d.amount().amount(), BigDecimal::add));
        return byCode.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().toPlainString())
                .collect(Collectors.joining("; "));
    }
}
