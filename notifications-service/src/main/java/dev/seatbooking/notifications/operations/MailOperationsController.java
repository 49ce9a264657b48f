package dev.seatbooking.notifications.operations;

import dev.seatbooking.notifications.mail.MailResend;
import dev.seatbooking.notifications.mail.Mails;
import dev.seatbooking.web.problem.Problems;
import dev.seatbooking.web.problem.Problems.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What operators do with the mails given up on ({@code FAILED}) or never sent ({@code SUPPRESSED}, over their
 * recipient's limits): list them, send one again. Under {@code /api/admin/}, which the shared
 * security configuration reserves to the ops credential (and the public gateway, which does not route this service
 * anyway, never routes). The limit is checked here, not by Bean Validation: this service has no validator, and the
 * answer is the same {@code validation-failed} problem.
 */
@RestController
@RequestMapping("/api/admin/mails")
public class MailOperationsController {

    static final int MAX_LIMIT = 500;
    /** The default state listed; mails pending or sent need no operator. */
    static final String FAILED = "FAILED";
    /** 409: the mail is neither {@code FAILED} nor {@code SUPPRESSED}; the problem's {@code state} says what it is. */
    static final String MAIL_NOT_FAILED = "mail-not-failed";

    private final Mails mails;
    private final MailResend resend;

    MailOperationsController(Mails mails, MailResend resend) {
        this.mails = mails;
        this.resend = resend;
    }

    /** The mails given up on or suppressed, the latest first. */
    @GetMapping
    public ResponseEntity<?> list(@RequestParam(defaultValue = FAILED) String state,
                                  @RequestParam(defaultValue = "100") int limit) {
        List<FieldProblem> errors = new ArrayList<>();
        Mails.Stopped stopped = Arrays.stream(Mails.Stopped.values()).filter(s -> s.name().equals(state))
                .findFirst().orElse(null);
        if (stopped == null) errors.add(new FieldProblem("state", "must be FAILED or SUPPRESSED"));
        if (limit < 1 || limit > MAX_LIMIT) errors.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        if (!errors.isEmpty()) return ResponseEntity.badRequest().body(Problems.invalid(errors));
        return ResponseEntity.ok(mails.stopped(stopped, limit).stream().map(FailedMailView::of).toList());
    }

    /**
     * 202: the mail is queued again, sent on the sender's next round (a suppressed one whatever its recipient's
     * limits); 409 if it is neither FAILED nor SUPPRESSED; 404 unknown.
     */
    @PostMapping("/{mailId}/resend")
    public ResponseEntity<?> resend(@PathVariable UUID mailId) {
        return switch (resend.resend(mailId)) {
            case Mails.Resend.Resent resent -> ResponseEntity.accepted().body(new ResentMailView(mailId, resent.kind(),
                    "PENDING"));
            case Mails.Resend.NotFailed notFailed -> problem(HttpStatus.CONFLICT, MAIL_NOT_FAILED,
                    "Mail " + mailId + " is " + notFailed.state() + ", not FAILED or SUPPRESSED: there is nothing to "
                            + "resend",
                    notFailed.state());
            case Mails.Resend.Unknown unknown -> problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                    "No mail " + mailId, null);
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail, String state) {
        ProblemDetail problem = Problems.problem(status, code, detail);
        if (state != null) problem.setProperty("state", state);
        return ResponseEntity.status(status).body(problem);
    }
}
