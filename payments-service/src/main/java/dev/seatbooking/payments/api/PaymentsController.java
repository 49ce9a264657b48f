package dev.seatbooking.payments.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentItem;
import dev.seatbooking.eventsourcing.correlation.Correlation;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.payments.handling.PaymentCommandHandler;
import dev.seatbooking.payments.handling.PaymentCommandHandler.Handled;
import dev.seatbooking.payments.handling.PaymentRecord;
import dev.seatbooking.payments.handling.PaymentRecords;
import dev.seatbooking.payments.handling.StartPayment;
import dev.seatbooking.payments.orders.OrderAccessGate;
import jakarta.servlet.http.HttpServletRequest;
import dev.seatbooking.payments.domain.PaymentRefused;
import dev.seatbooking.payments.domain.PaymentStatus;
import dev.seatbooking.payments.processor.PaymentProcessor;
import dev.seatbooking.payments.processor.PaymentProcessor.PaymentRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Tag(name = "Payments", description = "Third-party processor payments of orders")
@RestController
@RequestMapping("/api/payments")
public class PaymentsController {

    /** The registrant's proof of access to an order: the code registration answered when the order was placed. */
    static final String ACCESS_CODE = "Order-Access-Code";
    private static final Logger log = LoggerFactory.getLogger(PaymentsController.class);

    private final PaymentCommandHandler handler;
    private final PaymentRecords records;
    private final OrderAccessGate gate;
    private final PaymentProcessor processor;
    private final PaymentViews views;

    PaymentsController(PaymentCommandHandler handler, PaymentRecords records, OrderAccessGate gate,
                       PaymentProcessor processor, PaymentViews views) {
        this.handler = handler;
        this.records = records;
        this.gate = gate;
        this.processor = processor;
        this.views = views;
    }

    @Operation(summary = "Start paying an order (InitiateThirdPartyProcessorPayment)",
            description = """
                    The amount must be the order's total as registration published it. The client chooses the \
                    payment id, so a repeated request is harmless: the same id with the same content answers 201 \
                    with the payment as it is now; with other content, 409. The answer's payerUrl is where the \
                    payer accepts or rejects the payment at the (simulated) processor. Only the holder of the \
                    order's access code may pay it: an unknown order and a missing or wrong code get the same 404. \
                    The payment's events belong to the request's conversation (its Correlation-Id answer header).""")
    @ApiResponse(responseCode = "201", description = "Initiated (or a repeat of the request that initiated it)")
    @ApiResponse(responseCode = "400", description = "Malformed or invalid request (field list in `errors`)")
    @ApiResponse(responseCode = "404", description = "not-found: registration has not (yet) announced the order (retry shortly), or the access code is not the order's")
    @ApiResponse(responseCode = "409", description = "order-already-paid, payment-id-conflict")
    @ApiResponse(responseCode = "422", description = "amount-mismatch, order-expired, order-free-of-charge, conference-mismatch, items-mismatch")
    @ApiResponse(responseCode = "503", description = "service-unavailable (Retry-After): the payment is recorded but the processor did not take it, or the database is away; send the same request again")
    @PostMapping
    public ResponseEntity<PaymentView> start(
            @Valid @RequestBody StartPaymentRequest body,
            @Parameter(description = "The order's access code", required = true)
            @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
            HttpServletRequest http) {
        StartPayment request = toStartPayment(body); // a malformed request is refused as such, whoever sends it
        if (!gate.opens(body.orderId(), accessCode, http.getRemoteAddr())) {
            throw PaymentRefused.unknownOrder(body.orderId());
        }
        // The payment's events join the request's conversation: the correlation id the edge gave the request (the
        // gateway's, if it is a UUID; a new one otherwise) and answered in its Correlation-Id header. A client's own
        // value is the edge's business, never this operation's: no value of it can make the start fail.
        EventMetadata metadata = Correlation.current()
                .map(id -> new EventMetadata(id, null, "payments-api"))
                .orElseGet(() -> EventMetadata.newConversation("payments-api"));
        PaymentRecord started = handler.start(request, metadata).payment();
        Submitted submitted = started.status() == PaymentStatus.INITIATED ? submit(started) : new Submitted(started, null);
        PaymentRecord payment = submitted.payment();
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/payments/{id}").buildAndExpand(payment.paymentId()).toUri();
        return ResponseEntity.created(location)
                .header(ConsistencyToken.HEADER, token(payment))
                .body(views.of(payment, submitted.payerUrl()));
    }

    @Operation(summary = "A payment's status, and whether a refund is due",
            description = "For the holder of the access code of the order the payment pays.")
    @ApiResponse(responseCode = "200", description = "The payment")
    @ApiResponse(responseCode = "404", description = "not-found: no such payment, or the access code is not its order's")
    @GetMapping("/{paymentId}")
    public PaymentView payment(@PathVariable UUID paymentId,
                               @Parameter(description = "The access code of the payment's order", required = true)
                               @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
                               HttpServletRequest http) {
        Optional<PaymentRecord> payment = records.find(paymentId);
        boolean opens = payment.isPresent()
                ? gate.opensPayment(paymentId, payment.get().orderId(), accessCode, http.getRemoteAddr())
                : gate.opensNothing(paymentId, http.getRemoteAddr());
        return payment.filter(p -> opens).map(this::view).orElseThrow(() -> PaymentRefused.unknownPayment(paymentId));
    }

    /** A payment handed to the processor, and where the payer answers it (null when they need not). */
    private record Submitted(PaymentRecord payment, URI payerUrl) {
    }

    /**
     * Hands the payment to the processor, also when the start is a repeat: the link's secret is kept only hashed, so
     * a repeat gets a new link (the earlier one stops working). In an automatic mode the processor answers at once,
     * so read the payment again.
     */
    private Submitted submit(PaymentRecord payment) {
        URI payerUrl;
        try {
            payerUrl = processor.submit(new PaymentRequest(payment.paymentId(), payment.orderId(), payment.description(),
                    payment.amount(), payment.items())).orElse(null);
        } catch (RuntimeException e) {
            // The payment stays initiated, and without its link the payer cannot go on: 503, and the same request
            // again hands it to the processor.
            log.warn("The processor did not take payment {}: {}", payment.paymentId(), e.toString());
            throw new ProcessorUnavailable(payment.paymentId(), e);
        }
        return new Submitted(records.find(payment.paymentId()).orElse(payment), payerUrl);
    }

    private PaymentView view(PaymentRecord payment) {
        return views.of(payment);
    }

    static String token(PaymentRecord payment) {
        return new ConsistencyToken(payment.paymentId(), payment.version()).toString();
    }

    static ResponseEntity<PaymentView> accepted(Handled handled, PaymentView view) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(ConsistencyToken.HEADER, token(handled.payment())).body(view);
    }

    private static StartPayment toStartPayment(StartPaymentRequest body) {
        List<InvalidRequestException.FieldProblem> problems = new ArrayList<>();
        Money amount = money(body.amount(), "amount", problems);
        List<PaymentItem> items = new ArrayList<>();
        List<PaymentItemJson> given = body.items() == null ? List.of() : body.items();
        for (int i = 0; i < given.size(); i++) {
            Money itemAmount = money(given.get(i).amount(), "items[" + i + "].amount", problems);
            if (itemAmount != null) items.add(new PaymentItem(given.get(i).description(), itemAmount));
        }
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        String description = body.description() != null ? body.description() : "Order " + body.orderId();
        return new StartPayment(body.paymentId(), body.orderId(), body.conferenceId(), description, amount, items);
    }

    private static Money money(AmountJson json, String field, List<InvalidRequestException.FieldProblem> problems) {
        try {
            return json.toMoney();
        } catch (IllegalArgumentException notMoney) {
            problems.add(new InvalidRequestException.FieldProblem(field, notMoney.getMessage()));
            return null;
        }
    }
}
