package dev.seatbooking.payments.processor;

import dev.seatbooking.contracts.payments.PaymentItem;
import dev.seatbooking.payments.handling.PaymentCommandHandler;
import dev.seatbooking.payments.handling.PaymentRecord;
import dev.seatbooking.payments.domain.PaymentRefused;
import dev.seatbooking.payments.domain.PaymentStatus;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
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

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated processor's page, as the book's fake processor had: the payment's description, items and amount,
 * and Accept / Reject buttons. Plain server-rendered HTML; each button posts back and is redirected to the page
 * (post/redirect/get), which then shows the outcome and, if the shop gave one, a link back to it.
 * <p>
 * The page and its buttons open only with the secret of the payer's link ({@link PayerLinks}); without it, or with
 * another, the payment is not found, as an unknown one. Everything shown is escaped, and the page has no script and
 * no inline style (its stylesheet is a file), so a strict Content-Security-Policy fits it.
 */
@Hidden
@Controller
public class SimulatedProcessorPage {

    /**
     * A return URL is a path on this origin: one leading {@code /}, not {@code //} or {@code /\} (which browsers
     * read as another host), no backslash, no control character or space (browsers drop tabs and newlines, so
     * {@code /<tab>/evil.example} would become {@code //evil.example}).
     */
    static final String SAME_ORIGIN_PATH = "/(?![/\\\\])[^\\\\\\p{Cc}\\p{Z}\\s]{0,2000}";
    static final String NOT_SAME_ORIGIN = "must be a path on this site, starting with a single /";
    static final String STYLESHEET = SimulatedPaymentProcessor.PAGE_PATH + "assets/page.css";

    private final PaymentCommandHandler payments;
    private final PaymentOutcomes outcomes;
    private final PayerLinks links;

    public SimulatedProcessorPage(PaymentCommandHandler payments, PaymentOutcomes outcomes, PayerLinks links) {
        this.payments = payments;
        this.outcomes = outcomes;
        this.links = links;
    }

    @GetMapping(path = SimulatedPaymentProcessor.PAGE_PATH + "{paymentId}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable UUID paymentId,
                                       @RequestParam(name = SimulatedPaymentProcessor.SECRET, required = false) String secret,
                                       @RequestParam(required = false) @Pattern(regexp = SAME_ORIGIN_PATH, message = NOT_SAME_ORIGIN) String returnUrl) {
        return opened(paymentId, secret)
                .map(payment -> html(HttpStatus.OK, render(payment, secret, returnUrl, null)))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, notFound(paymentId)));
    }

    @PostMapping(path = SimulatedPaymentProcessor.PAGE_PATH + "{paymentId}/accept", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> accept(@PathVariable UUID paymentId,
                                         @RequestParam(name = SimulatedPaymentProcessor.SECRET, required = false) String secret,
                                         @RequestParam(required = false) @Pattern(regexp = SAME_ORIGIN_PATH, message = NOT_SAME_ORIGIN) String returnUrl) {
        return answer(paymentId, secret, returnUrl, true);
    }

    @PostMapping(path = SimulatedPaymentProcessor.PAGE_PATH + "{paymentId}/reject", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> reject(@PathVariable UUID paymentId,
                                         @RequestParam(name = SimulatedPaymentProcessor.SECRET, required = false) String secret,
                                         @RequestParam(required = false) @Pattern(regexp = SAME_ORIGIN_PATH, message = NOT_SAME_ORIGIN) String returnUrl) {
        return answer(paymentId, secret, returnUrl, false);
    }

    /** The payment, if the secret is its link's: otherwise it is as unknown. */
    private Optional<PaymentRecord> opened(UUID paymentId, String secret) {
        return links.opens(paymentId, secret) ? payments.find(paymentId) : Optional.empty();
    }

    private ResponseEntity<String> answer(UUID paymentId, String secret, String returnUrl, boolean accepted) {
        if (opened(paymentId, secret).isEmpty()) return html(HttpStatus.NOT_FOUND, notFound(paymentId));
        try {
            if (accepted) outcomes.accepted(paymentId);
            else outcomes.rejected(paymentId);
        } catch (PaymentRefused refused) {
            return payments.find(paymentId)
                    .map(payment -> html(HttpStatus.CONFLICT, render(payment, secret, returnUrl, refused.getMessage())))
                    .orElseGet(() -> html(HttpStatus.NOT_FOUND, notFound(paymentId)));
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, pageUrl(paymentId, secret, returnUrl))
                .cacheControl(CacheControl.noStore()).build();
    }

    /** The page again, every value encoded as a value (a return URL's {@code &} or {@code #} stays in it). */
    private static String pageUrl(UUID paymentId, String secret, String returnUrl) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", paymentId);
        values.put("secret", secret);
        UriComponentsBuilder page = UriComponentsBuilder.fromPath(SimulatedPaymentProcessor.PAGE_PATH + "{id}")
                .queryParam(SimulatedPaymentProcessor.SECRET, "{secret}");
        if (returnUrl != null && !returnUrl.isEmpty()) {
            page.queryParam("returnUrl", "{returnUrl}");
            values.put("returnUrl", returnUrl);
        }
        return page.encode().buildAndExpand(values).toUriString();
    }

    private static String render(PaymentRecord payment, String secret, String returnUrl, String problem) {
        boolean returns = returnUrl != null && !returnUrl.isEmpty();
        StringBuilder items = new StringBuilder();
        for (PaymentItem item : payment.items()) {
            items.append("<tr><td>").append(e(item.description())).append("</td><td class=\"amount\">")
                    .append(e(item.amount().toString())).append("</td></tr>\n");
        }
        String hidden = "<input type=\"hidden\" name=\"" + SimulatedPaymentProcessor.SECRET + "\" value=\"" + e(secret) + "\">"
                + (returns ? "<input type=\"hidden\" name=\"returnUrl\" value=\"" + e(returnUrl) + "\">" : "");
        String actions = payment.status() == PaymentStatus.INITIATED ? """
                <form method="post" action="%1$s/accept">%2$s<button type="submit" name="accept">Accept</button></form>
                <form method="post" action="%1$s/reject">%2$s<button type="submit" name="reject">Reject</button></form>
                """.formatted(e(SimulatedPaymentProcessor.PAGE_PATH + payment.paymentId()), hidden)
                : "";
        String outcome = switch (payment.status()) {
            case INITIATED -> "Waiting for your answer.";
            case COMPLETED -> "Payment accepted." + (payment.refundDue() ? " The order could not take it: it will be refunded." : "");
            case REJECTED -> "Payment rejected.";
        };
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
                <title>Payment processor (simulated)</title>
                <link rel="stylesheet" href="%s"></head>
                <body>
                <h1>Payment processor <small>(simulated)</small></h1>
                <p id="description">%s</p>
                <table>
                %s<tr><th>Total</th><th class="amount" id="amount">%s</th></tr>
                </table>
                <p id="status" data-status="%s">%s</p>
                %s%s%s
                </body></html>
                """.formatted(e(STYLESHEET), e(payment.description()), items, e(payment.amount().toString()),
                e(payment.status().name()), e(outcome),
                problem == null ? "" : "<p class=\"problem\">" + e(problem) + "</p>\n", actions,
                returns && payment.status() != PaymentStatus.INITIATED
                        ? "<p><a id=\"return\" href=\"" + e(returnUrl) + "\">Return to the shop</a></p>" : "");
    }

    private static String notFound(UUID paymentId) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unknown payment</title></head>"
                + "<body><h1>Unknown payment</h1><p>There is no payment " + e(paymentId.toString())
                + " at this link.</p></body></html>";
    }

    /**
     * The link's secret is in the page's URL: not cached, and not sent on as a referrer (the page links to the
     * shop, and its stylesheet is fetched from it).
     */
    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .body(body);
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
