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
import java.util.List;
import java.util.UUID;

/**
 * What operators do with the mails given up on: list them, send one again. Under {@code /api/admin/}, which the shared
 * security configuration reserves to the ops credential (and the public gateway, which does not route this service
 * anyway, never routes). The limit is checked here, not by Bean Validation: this service has no validator, and the
 * answer is the same {@code validation-failed} problem.
 */
@RestController
@RequestMapping("/api/admin/mails")
public class MailOperationsController {

    static final int MAX_LIMIT = 500;
    /** The one state listed: mails pending or sent need no operator. */
    static final String FAILED = "FAILED";
    /** 409: the mail is not {@code FAILED}; the problem's {@code state} says what it is. */
    static final String MAIL_NOT_FAILED = "mail-not-failed";

    private final Mails mails;
    private final MailResend resend;

    MailOperationsController(Mails mails, MailResend resend) {
        this.mails = mails;
        this.resend = resend;
    }

    /** The mails given up on, the latest given up first. */
    @GetMapping
    public ResponseEntity<?> list(@RequestParam(defaultValue = FAILED) String state,
                                  @RequestParam(defaultValue = "100") int limit) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!FAILED.equals(state)) errors.add(new FieldProblem("state", "must be FAILED"));
        if (limit < 1 || limit > MAX_LIMIT) errors.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        if (!errors.isEmpty()) return ResponseEntity.badRequest().body(Problems.invalid(errors));
        return ResponseEntity.ok(mails.failed(limit).stream().map(FailedMailView::of).toList());
    }

    /** 202: the mail is queued again, sent on the sender's next round; 409 if it is not FAILED; 404 unknown. */
    @PostMapping("/{mailId}/resend")
    public ResponseEntity<?> resend(@PathVariable UUID mailId) {
        return switch (resend.resend(mailId)) {
            case Mails.Resend.Resent resent -> ResponseEntity.accepted().body(new ResentMailView(mailId, resent.kind(),
                    "PENDING"));
            case Mails.Resend.NotFailed notFailed -> problem(HttpStatus.CONFLICT, MAIL_NOT_FAILED,
                    "Mail " + mailId + " is " + notFailed.state() + ", not FAILED: there is nothing to resend",
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
