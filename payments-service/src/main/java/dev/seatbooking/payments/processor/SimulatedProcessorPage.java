package dev.seatbooking.payments.processor;

import dev.seatbooking.contracts.payments.PaymentItem;
import dev.seatbooking.payments.handling.PaymentCommandHandler;
import dev.seatbooking.payments.handling.PaymentRecord;
import dev.seatbooking.payments.payment.PaymentRefused;
import dev.seatbooking.payments.payment.PaymentStatus;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated processor's page, as the book's fake processor had: the payment's description, items and amount,
 * and Accept / Reject buttons. Plain server-rendered HTML; each button posts back and is redirected to the page
 * (post/redirect/get), which then shows the outcome and, if the shop gave one, a link back to it.
 */
@Hidden
@Controller
public class SimulatedProcessorPage {

    private final PaymentCommandHandler payments;
    private final PaymentOutcomes outcomes;

    public SimulatedProcessorPage(PaymentCommandHandler payments, PaymentOutcomes outcomes) {
        this.payments = payments;
        this.outcomes = outcomes;
    }

    @GetMapping(path = SimulatedPaymentProcessor.PAGE_PATH + "{paymentId}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable UUID paymentId,
                                       @RequestParam(required = false) String returnUrl) {
        return payments.find(paymentId)
                .map(payment -> html(HttpStatus.OK, render(payment, returnLink(returnUrl), null)))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, notFound(paymentId)));
    }

    @PostMapping(path = SimulatedPaymentProcessor.PAGE_PATH + "{paymentId}/accept", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> accept(@PathVariable UUID paymentId,
                                         @RequestParam(required = false) String returnUrl) {
        return answer(paymentId, returnUrl, true);
    }

    @PostMapping(path = SimulatedPaymentProcessor.PAGE_PATH + "{paymentId}/reject", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> reject(@PathVariable UUID paymentId,
                                         @RequestParam(required = false) String returnUrl) {
        return answer(paymentId, returnUrl, false);
    }

    private ResponseEntity<String> answer(UUID paymentId, String returnUrl, boolean accepted) {
        try {
            if (accepted) outcomes.accepted(paymentId);
            else outcomes.rejected(paymentId);
        } catch (PaymentRefused refused) {
            return payments.find(paymentId)
                    .map(payment -> html(HttpStatus.CONFLICT, render(payment, returnLink(returnUrl), refused.getMessage())))
                    .orElseGet(() -> html(HttpStatus.NOT_FOUND, notFound(paymentId)));
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath(SimulatedPaymentProcessor.PAGE_PATH + paymentId);
        returnLink(returnUrl).ifPresent(url -> back.queryParam("returnUrl", url));
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, back.encode().build().toUriString()).build();
    }

    /** Only a link (never an automatic redirect), and only to a web page or a path. */
    private static Optional<String> returnLink(String returnUrl) {
        if (returnUrl == null || returnUrl.isBlank()) return Optional.empty();
        try {
            URI uri = URI.create(returnUrl);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            boolean path = uri.getScheme() == null && uri.getAuthority() == null && returnUrl.startsWith("/");
            return web || path ? Optional.of(returnUrl) : Optional.empty();
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    private static String render(PaymentRecord payment, Optional<String> returnUrl, String problem) {
        StringBuilder items = new StringBuilder();
        for (PaymentItem item : payment.items()) {
            items.append("<tr><td>").append(e(item.description())).append("</td><td class=\"amount\">")
                    .append(e(item.amount().toString())).append("</td></tr>\n");
        }
        String actions = payment.status() == PaymentStatus.INITIATED ? """
                <form method="post" action="%1$s/accept">%2$s<button type="submit" name="accept">Accept</button></form>
                <form method="post" action="%1$s/reject">%2$s<button type="submit" name="reject">Reject</button></form>
                """.formatted(e(SimulatedPaymentProcessor.PAGE_PATH + payment.paymentId()),
                returnUrl.map(url -> "<input type=\"hidden\" name=\"returnUrl\" value=\"" + e(url) + "\">").orElse(""))
                : "";
        String outcome = switch (payment.status()) {
            case INITIATED -> "Waiting for your answer.";
            case COMPLETED -> "Payment accepted." + (payment.refundDue() ? " The order could not take it: it will be refunded." : "");
            case REJECTED -> "Payment rejected.";
        };
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Payment processor (simulated)</title>
                <style>body{font-family:sans-serif;max-width:36em;margin:2em auto}td.amount{text-align:right}
                form{display:inline;margin-right:1em}.problem{color:#a00}</style></head>
                <body>
                <h1>Payment processor <small>(simulated)</small></h1>
                <p id="description">%s</p>
                <table>
                %s<tr><th>Total</th><th class="amount" id="amount">%s</th></tr>
                </table>
                <p id="status" data-status="%s">%s</p>
                %s%s%s
                </body></html>
                """.formatted(e(payment.description()), items, e(payment.amount().toString()), payment.status(),
                e(outcome), problem == null ? "" : "<p class=\"problem\">" + e(problem) + "</p>\n", actions,
                returnUrl.filter(url -> payment.status() != PaymentStatus.INITIATED)
                        .map(url -> "<p><a id=\"return\" href=\"" + e(url) + "\">Return to the shop</a></p>")
                        .orElse(""));
    }

    private static String notFound(UUID paymentId) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unknown payment</title></head>"
                + "<body><h1>Unknown payment</h1><p>There is no payment " + e(paymentId.toString()) + ".</p></body></html>";
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(body);
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
