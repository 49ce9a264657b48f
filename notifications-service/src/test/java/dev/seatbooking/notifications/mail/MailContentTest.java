package dev.seatbooking.notifications.mail;

import dev.seatbooking.contracts.payments.RefundReason;
import dev.seatbooking.contracts.registration.OrderEvent.OrderCancelled.CancelledBy;
import dev.seatbooking.notifications.support.IntegrationTest;
import dev.seatbooking.notifications.support.Scenario;
import dev.seatbooking.notifications.support.Smtp;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What each kind of mail says, read back from the SMTP server it was sent to. */
class MailContentTest extends IntegrationTest {

    @Test
    void a_confirmed_order_is_mailed_with_its_seats_discount_total_access_code_and_links() throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        scenario.confirmed();

        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your order is confirmed");
        String orderPage = SITE + "/#/orders/" + scenario.orderId;
        for (String body : new String[]{text(mail), html(mail)}) {
            assertThat(body).contains("Hello,", Scenario.CONFERENCE_NAME, scenario.orderId.toString(),
                    "2 × " + Scenario.SEAT_TYPE_NAME, "199.90 EUR", "EARLYBIRD", "-20.00 EUR", "379.80 EUR",
                    Scenario.ACCESS_CODE, orderPage, orderPage + "/seats");
        }
        assertThat(html(mail)).contains("<a href=\"" + orderPage + "/seats\"");
    }

    @Test
    void a_mail_is_plain_text_and_html_alternatives() throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        scenario.expired();

        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@seatbooking.dev");
    }

    @Test
    void an_expired_order_is_mailed() throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        scenario.expired();

        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your order has expired");
        assertThat(text(mail)).contains(scenario.orderId.toString(), Scenario.CONFERENCE_NAME, "expired",
                "back on sale").doesNotContain(Scenario.ACCESS_CODE);
    }

    @Test
    void a_completed_payment_of_an_order_is_mailed_as_a_receipt() throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        var payment = scenario.paid();

        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Payment received");
        assertThat(text(mail)).contains("379.80 EUR", scenario.orderId.toString(),
                payment.aggregateId().toString(), SITE + "/#/orders/" + scenario.orderId);
    }

    @Test
    void an_order_cancelled_by_the_owner_is_mailed_saying_who_cancelled_and_that_the_payment_is_refunded()
            throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        scenario.cancelled(CancelledBy.OWNER);

        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your order is cancelled");
        for (String body : new String[]{text(mail), html(mail)}) {
            assertThat(body).contains("Hello,", Scenario.CONFERENCE_NAME, scenario.orderId.toString(),
                    "cancelled", "by the conference's organiser", "379.80 EUR", "refunded",
                    SITE + "/#/orders/" + scenario.orderId).doesNotContain(Scenario.ACCESS_CODE);
        }
    }

    @Test
    void an_order_cancelled_by_its_registrant_is_mailed_as_they_asked() throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        scenario.cancelled(CancelledBy.REGISTRANT);

        String text = text(awaitMails(email, 1).getFirst());
        assertThat(text).contains("cancelled as you asked", "379.80 EUR").doesNotContain("organiser");
    }

    @Test
    void a_completed_refund_is_mailed_to_the_registrant_of_the_order_its_payment_was_for() throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        UUID paymentId = UUID.randomUUID();
        scenario.refunded(paymentId, RefundReason.ORDER_CANCELLED);

        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your payment was refunded");
        for (String body : new String[]{text(mail), html(mail)}) {
            assertThat(body).contains("Hello,", Scenario.CONFERENCE_NAME, scenario.orderId.toString(),
                    paymentId.toString(), "379.80 EUR", "the order was cancelled",
                    SITE + "/#/orders/" + scenario.orderId);
        }
    }

    @Test
    void a_refund_payments_gave_up_on_is_mailed_to_the_registrant_saying_the_organiser_will_pay_it_back()
            throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        UUID paymentId = UUID.randomUUID();
        scenario.refundFailed(paymentId, RefundReason.ORDER_ALREADY_PAID, false);

        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your refund could not be paid automatically");
        for (String body : new String[]{text(mail), html(mail)}) {
            assertThat(body).contains("Hello,", Scenario.CONFERENCE_NAME, scenario.orderId.toString(),
                    paymentId.toString(), "379.80 EUR", "could not be paid back automatically",
                    "the order was already paid", "organiser has been told",
                    SITE + "/#/orders/" + scenario.orderId);
        }
    }

    @Test
    void a_refund_failure_payments_retries_mails_nobody() throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        UUID paymentId = UUID.randomUUID();
        UUID refundId = scenario.refundFailed(paymentId, RefundReason.ORDER_CANCELLED, true);
        scenario.refundCompleted(refundId, paymentId); // handled after the failure: same key, same partition

        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your payment was refunded");
        assertThat(Smtp.to(email)).hasSize(1);
    }

    @Test
    void a_waitlist_offer_is_mailed_with_its_seats_deadline_and_the_waitlist_page() throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.contactGiven(email);
        Instant deadline = Instant.parse("2027-04-20T10:15:30Z");
        scenario.offered(deadline);

        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Seats are offered to you");
        for (String body : new String[]{text(mail), html(mail)}) {
            assertThat(body).contains("Hello,", Scenario.CONFERENCE_NAME, "2 × " + Scenario.SEAT_TYPE_NAME,
                    "2027-04-20T10:15:30Z", SITE + "/#/waitlist/" + scenario.entryId);
        }
    }

    @Test
    void a_lapsed_offer_is_mailed() throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.contactGiven(email);
        scenario.lapsed();

        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your waitlist offer has lapsed");
        assertThat(text(mail)).contains("Hello,", "lapsed", Scenario.CONFERENCE_NAME);
    }

    @Test
    void values_are_escaped_in_the_html_mail() throws Exception {
        var scenario = newScenario();
        String email = newEmail();
        scenario.placedBy(email);
        scenario.contactGiven(email); // Grace Hopper, for the entry: nothing to escape there
        scenario.confirmed();

        String html = html(awaitMails(email, 1).getFirst());
        assertThat(html).doesNotContain("<script");
    }

    static String text(MimeMessage mail) throws Exception {
        return part(mail, 0);
    }

    static String html(MimeMessage mail) throws Exception {
        return part(mail, 1);
    }

    private static String part(MimeMessage mail, int index) throws Exception {
        BodyPart part = ((Multipart) mail.getContent()).getBodyPart(index);
        return (String) part.getContent();
    }
}
