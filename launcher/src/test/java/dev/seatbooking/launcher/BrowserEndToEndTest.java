package dev.seatbooking.launcher;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The web front end in a real browser (headless Chromium driven by Playwright) against the running platform: a
 * registrant's whole path (paid, free, partially fulfilled), finding an order again and naming attendees, a
 * business customer creating, filling and publishing a conference, and promotional codes (the owner creates them,
 * registrants apply them: a discounted payment, a 100 % code confirmed without payment, an unknown code refused),
 * the waitlist (sold out → join → an order expires → the offer → an order from it → paid; the owner sees who
 * waits and adds a seat for them; in two halves, the first test and the last, so that the order's one-minute hold
 * passes while the others run), and mails, cancellations and refunds (issue 16: the confirmation with the access
 * code in the mailbox the web UI links to; the registrant cancels, the payment is refunded, both mailed; past the
 * cut-off the registrant is refused and the owner cancels), and pages everyone can use (issue 17: the owner renames
 * and deletes seat types; the registrant's whole path with the keyboard alone; the pages at a phone's width). A
 * screenshot of every page goes to {@code target/e2e-screenshots/}, and every page screenshotted must pass axe-core
 * with no serious or critical violation ({@link Accessibility}).
 * <p>
 * The browser is Debian's Chromium at {@code /usr/bin/chromium} (or {@code -Dchromium.path=...}). Without it the
 * test is skipped locally — decided before the platform is started — and fails in CI ({@code CI=true}, which
 * {@code .ci/run} sets), where {@code .ci/run} installs it first.
 */
@ExtendWith({BrowserEndToEndTest.ChromiumPresent.class, TestPlatform.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserEndToEndTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
    /** Where the conference page places an order. */
    private static final String PLACEMENTS = "**/api/registration/conferences/*/orders";

    private static Platform platform;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    /** Skips the class without Chromium outside CI; evaluated before any extension starts the platform. */
    static final class ChromiumPresent implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Files.isExecutable(CHROMIUM) || inCi()
                    ? ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM + " (or CI, which must have it)")
                    : ConditionEvaluationResult.disabled("No Chromium at " + CHROMIUM + " (apt-get install chromium)");
        }
    }

    private static boolean inCi() {
        return "true".equals(System.getenv("CI"));
    }

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("No Chromium at " + CHROMIUM + ": CI must run the browser test (.ci/run installs chromium)");
        }
        Files.createDirectories(SCREENSHOTS);
        // The platform answers within its own bounds (a read-your-writes wait is at most 5 s); allow for a slow CI.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        platform = TestPlatform.get();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stop() {
        if (waitlist != null) waitlist.close();
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    /**
     * What the pages asked for, and what the Content-Security-Policy refused: checked, then cleared, after each test.
     * Shared by the class: the waitlist's pages stay open from the first test to the last.
     */
    private static final java.util.List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.util.List<String> refusedByPolicy = new java.util.concurrent.CopyOnWriteArrayList<>();

    private BrowserContext newContext() {
        BrowserContext created = browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 900));
        created.onRequest(request -> requested.add(request.url()));
        created.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) refusedByPolicy.add(message.text());
        });
        return created;
    }

    @BeforeEach
    void openPage() {
        context = newContext();
        page = context.newPage();
        page.setDefaultTimeout(60_000);
        page.navigate(platform.gatewayUrl() + "/#/");
    }

    @AfterEach
    void closePage() {
        if (context != null) context.close();
        // Issue 11: the pages run under a strict policy without breaking it, and no access code is ever in a URL
        assertThat(refusedByPolicy).as("refused by the Content-Security-Policy").isEmpty();
        assertThat(requested).as("requests").noneMatch(url -> url.toLowerCase().contains("accesscode")
                || url.toLowerCase().contains("access-code") || url.toLowerCase().contains("access_code"));
        refusedByPolicy.clear();
        requested.clear();
    }

    @Test
    @Order(1)
    void a_registrant_buys_seats_pays_finds_the_order_again_and_names_the_attendees() {
        // Conference list → conference page
        assertThat(page.locator(".conference").filter(new Locator.FilterOptions().setHasText(DemoConference.NAME)))
                .isVisible();
        screenshot("01-registrant-conference-list");
        page.getByText(DemoConference.NAME).click();
        assertThat(page.locator("h1")).hasText(DemoConference.NAME);
        assertThat(page.locator("#order-form")).containsText("Conference pass");
        screenshot("02-registrant-conference-page");

        // Choose 2 conference passes → the reservation with its countdown and the priced order
        page.getByLabel("Quantity of Conference pass").fill("2");
        page.locator("#register").click();
        assertThat(page.locator("#countdown")).containsText(":");
        assertThat(page.locator("#total")).containsText("500");
        screenshot("03-registrant-reservation-countdown");

        // Registrant details → payment page of the simulated processor → accept
        String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        registrant("Ada", "Lovelace", email);
        screenshot("04-registrant-details");
        page.locator("#continue").click();
        assertThat(page.locator("#accept")).isVisible();
        assertThat(page.locator("#amount")).containsText("500");
        screenshot("05-registrant-payment");
        page.locator("#accept").click();

        // Thank-you page with the access code
        assertThat(page.locator("h1")).hasText("Thank you!");
        String accessCode = page.locator("#access-code").textContent().trim();
        assertThat(accessCode).isNotBlank();
        screenshot("06-registrant-thank-you");

        // Find the order again with email + access code (a fresh browser knows nothing of it)
        inANewBrowser();
        page.navigate(platform.gatewayUrl() + "/#/find");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Access code").fill("WRONG-CODE");
        page.locator("#find").click();
        assertThat(page.locator("#problem")).isVisible();
        assertThat(page.locator("#problem")).containsText("Not found");
        screenshot("07-registrant-find-order-problem");
        page.getByLabel("Access code").fill(accessCode);
        screenshot("08-registrant-find-order");
        page.locator("#find").click();

        // Assign an attendee to the first seat
        assertThat(page.locator("#seats tbody tr")).hasCount(2);
        page.locator("#first-0").fill("Grace");
        page.locator("#last-0").fill("Hopper");
        page.locator("#email-0").fill("grace@example.com");
        page.locator("#save-0").click();
        assertThat(page.locator("#seats-saved")).containsText("Seat 1 assigned to Grace Hopper");
        assertThat(page.locator("#first-0")).hasValue("Grace");
        screenshot("09-registrant-assign-attendees");
    }

    @Test
    @Order(2)
    void a_registrant_takes_fewer_free_seats_than_asked_and_confirms_without_payment() {
        page.navigate(platform.gatewayUrl() + "/#/conferences/" + DemoConference.SLUG);
        // More community passes than there are: the order is partially reserved.
        int available = Integer.parseInt(page.locator("tr", new Page.LocatorOptions().setHasText("Community pass"))
                .locator(".available").textContent().trim());
        page.getByLabel("Quantity of Community pass").fill(String.valueOf(available + 2));
        page.locator("#register").click();
        assertThat(page.locator("#partial")).isVisible();
        assertThat(page.locator("#reserved-seats")).containsText(String.valueOf(available));
        screenshot("10-registrant-partial-fulfilment");
        // The two seats it did not get go on the waitlist in one step; the order keeps those it holds.
        nameAndEmail(page.locator("#waitlist-missing-form"), "Alan Turing", "alan@example.com");
        page.locator("#waitlist-missing").click();
        assertThat(page.locator("#entry-0 h2")).hasText("Community pass: 2 seats");
        assertThat(page.locator("#position")).hasText("1");
        screenshot("47-waitlist-missing-seats");
        page.locator("#back-to-order").click();
        assertThat(page.locator("#missing-seats-waitlist")).isVisible();
        page.locator("#accept-partial").click();

        assertThat(page.locator("#total")).containsText("0.00");
        registrant("Alan", "Turing", "alan@example.com");
        confirmWithoutPayment("11-registrant-free-confirmation", "12-registrant-free-thank-you");
    }

    @Test
    @Order(3)
    void a_business_customer_creates_a_conference_adds_seat_types_and_publishes_it() {
        page.navigate(platform.gatewayUrl() + "/#/admin");
        page.locator("#new-conference").click();
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        fillNewConference("Browser Days " + slug, slug);
        screenshot("20-organiser-create-conference");
        page.locator("#create").click();
        assertThat(page.locator("#owner-access-code")).isVisible();
        screenshot("21-organiser-access-code");
        page.locator("#manage").click();

        assertThat(page.locator("#published")).hasText("Not published");
        addSeatType("Early bird", "The first hundred", 100, "99.50");
        addSeatType("Placeholder", "Added by mistake", 5, "10.00");
        screenshot("22-organiser-seat-types");

        // Issue 17: rename one seat type (name and description), delete the other (confirmed in the dialog)
        seatTypeRow("Early bird").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename Early bird")).click();
        assertThat(page.locator("#rename-name")).hasValue("Early bird");
        page.locator("#rename-name").fill("Early bird ticket");
        page.locator("#rename-description").fill("The first hundred, at a lower price");
        screenshot("30-organiser-renames-a-seat-type");
        page.locator("#save-rename").click();
        assertThat(seatTypeRow("Early bird ticket")).containsText("The first hundred, at a lower price");
        page.onceDialog(dialog -> dialog.accept());
        seatTypeRow("Placeholder").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete Placeholder")).click();
        assertThat(page.locator("#seat-types")).not().containsText("Placeholder");
        assertThat(page.locator("#seat-types tbody tr")).hasCount(1);
        screenshot("31-organiser-renamed-and-deleted-seat-types");

        page.locator("#publish").click();
        assertThat(page.locator("#published")).hasText("Published");
        screenshot("23-organiser-published");
        // Published, its seat types are known to the other services: a deletion is refused, with the service's reason
        page.onceDialog(dialog -> dialog.accept());
        seatTypeRow("Early bird ticket").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete Early bird ticket")).click();
        assertThat(page.locator("#seat-type-refused")).containsText("never been published");
        assertThat(seatTypeRow("Early bird ticket")).isVisible();
        screenshot("32-organiser-seat-type-deletion-refused");

        // The public page shows it (read-your-writes: the publication's token)
        page.getByText("See the public page").click();
        assertThat(page.locator("h1")).hasText("Browser Days " + slug);
        assertThat(page.locator("#order-form")).containsText("Early bird");
        screenshot("24-organiser-public-page");

        // Back to the admin page: edit the details, then unpublish.
        page.goBack();
        assertThat(page.locator("#published")).hasText("Published");
        page.locator("#conference-form input[name=name]").fill("Browser Days " + slug + " (edited)");
        page.locator("#conference-form").getByLabel("Tagline").fill("Tested in a real browser, edited");
        Response saved = page.waitForResponse(r -> r.request().method().equals("PUT") && r.url().matches(".*/conferences/[^/]+$"),
                () -> page.locator("#save-conference").click());
        assertThat(page.locator("#saved")).hasText("Details saved.");
        // the page is not drawn anew: the focus stays on Save, the confirmation is heard (a polite live region)
        assertThat(focused("#save-conference")).as("the focus on Save after saving").isTrue();
        assertThat(page.locator("#saved")).hasAttribute("aria-live", "polite");
        assertThat(page.locator("h1")).containsText("Browser Days " + slug + " (edited)");
        assertThat(page.locator("#conference-form").getByLabel("Tagline")).hasValue("Tested in a real browser, edited");
        // ... and the public page reads the conference at least as of that save (its Consistency-Token), so it shows
        // the edited name at once rather than what the read model had before
        Request publicRead = page.waitForRequest(r -> r.url().contains("/api/read/conferences/" + slug),
                () -> page.getByText("See the public page").click());
        assertThat(publicRead.headerValue("consistency-token")).as("the public page's read after the save")
                .isNotNull().isEqualTo(saved.headerValue("consistency-token"));
        assertThat(page.locator("h1")).hasText("Browser Days " + slug + " (edited)");
        page.goBack();
        page.locator("#unpublish").click();
        assertThat(page.locator("#published")).hasText("Not published");
        screenshot("27-organiser-edited-and-unpublished");
    }

    @Test
    @Order(5)
    void a_registrant_rejects_the_payment_and_the_seats_stay_held() {
        reserveOneOfTheDemo("Workshop day");
        registrant("Rita", "Rejects", "rita@example.com");
        page.locator("#continue").click();
        page.locator("#reject").click();
        assertThat(page.locator("#rejected")).isVisible();
        screenshot("13-registrant-payment-rejected");
        page.getByText("Back to the order").click();
        assertThat(page.locator("#countdown")).containsText(":");
    }

    @Test
    @Order(4)
    void the_demo_conferences_owner_sees_its_orders_and_attendees() {
        signInAsDemoOwner();
        screenshot("25-organiser-demo-conference");
        page.getByText("Orders and attendees").click();
        // Conference Management learns of orders and attendees from registration's events: look again until it has.
        reloadUntil(page, "#orders", () -> page.locator("#orders").textContent().contains("Lovelace")
                && page.locator("#attendees").textContent().contains("Grace Hopper"));
        assertThat(page.locator("#orders")).containsText("Lovelace");
        assertThat(page.locator("#attendees")).containsText("Grace Hopper");
        assertWordsWhole("#orders .status, #orders button", "the orders at a desktop's width");
        screenshot("26-organiser-orders-and-attendees");
    }

    @Test
    @Order(6)
    void an_owner_creates_promotional_codes_and_registrants_pay_the_discounted_total_or_nothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String partner = "PARTNER20-" + suffix;
        String speaker = "SPEAKER-" + suffix;
        // The owner: 20 % off workshop days, unlimited; 100 % off anything, single use.
        signInAsDemoOwner();
        createCode(partner, "20", "Workshop day", "unlimited");
        createCode(speaker, "100", null, "single");
        assertThat(codeRow(partner)).containsText("Workshop day");
        assertThat(codeRow(speaker)).containsText("Single use");
        screenshot("28-organiser-promotional-codes");

        // A registrant: a conference pass (250.00) and a workshop day (120.00); an unknown code is refused.
        page.navigate(platform.gatewayUrl() + "/#/conferences/" + DemoConference.SLUG);
        // (the owner's page, with its own seat type fields, is left for the conference page in the same document)
        assertThat(page.locator("#order-form")).containsText("Conference pass");
        page.getByLabel("Quantity of Conference pass").fill("1");
        page.getByLabel("Quantity of Workshop day").fill("1");
        page.locator("#register").click();
        assertThat(page.locator("#total")).containsText("370.00");
        page.locator("#code").fill("NO-SUCH-CODE");
        page.locator("#apply-code").click();
        assertThat(page.locator("#code-problem")).containsText("NO-SUCH-CODE");
        assertThat(page.locator("#total")).containsText("370.00");
        screenshot("14-registrant-promotional-code-refused");

        // The partner code: 20 % of the workshop day off (24.00), 346.00 to pay.
        applyCode(partner);
        assertThat(page.locator("#applied-codes")).containsText(partner);
        assertThat(page.locator("#priced-order tr.discount")).containsText("Workshop day");
        assertThat(page.locator("#priced-order tr.discount")).containsText("24.00");
        assertThat(page.locator("#subtotal")).containsText("370.00");
        assertThat(page.locator("#total")).containsText("346.00");
        screenshot("15-registrant-promotional-code-applied");
        registrant("Paula", "Partner", "paula@example.com");
        // Removed, the order is as before; applied again, discounted again; what was typed stays.
        page.locator("#remove-code-0").click();
        assertThat(page.locator("#code")).isVisible();
        assertThat(page.locator("#applied-codes")).hasCount(0);
        assertThat(page.locator("#total")).containsText("370.00");
        applyCode(partner);
        assertThat(page.locator("#total")).containsText("346.00");
        assertThat(page.getByLabel("Email")).hasValue("paula@example.com");
        page.locator("#continue").click();
        assertThat(page.locator("#amount")).containsText("346.00");
        assertThat(page.locator("#priced-order tr.discount")).containsText("24.00");
        screenshot("16-registrant-discounted-payment");
        page.locator("#accept").click();
        assertThat(page.locator("h1")).hasText("Thank you!");

        // Another registrant places an order with the 100 % code: free, confirmed without payment.
        inANewBrowser();
        page.navigate(platform.gatewayUrl() + "/#/conferences/" + DemoConference.SLUG);
        page.getByLabel("Quantity of Conference pass").fill("1");
        page.locator("#placement-code").fill(speaker.toLowerCase());
        page.locator("#register").click();
        assertThat(page.locator("#applied-codes")).containsText(speaker);
        assertThat(page.locator("#total")).containsText("0.00");
        registrant("Sam", "Speaker", "sam@example.com");
        confirmWithoutPayment("17-registrant-free-with-a-code", "18-registrant-free-with-a-code-thank-you");

        // The owner sees each code's use spent (from registration's events, a moment later) and, on the orders
        // page, the discount under the total of the order that used the partner code.
        signInAsDemoOwner();
        reloadUntil(page, "#promotional-codes", () -> codeRow(speaker).locator("td.num").nth(1).textContent()
                .trim().equals("1") && codeRow(partner).locator("td.num").nth(1).textContent().trim().equals("1"));
        assertThat(codeRow(speaker).locator("td.num").nth(0)).hasText("0");
        page.getByText("Orders and attendees").click();
        Locator paulas = page.locator("#orders tr", new Page.LocatorOptions().setHasText("paula@example.com"));
        reloadUntil(page, "#orders", () -> paulas.count() > 0 && paulas.textContent().contains(partner));
        assertThat(paulas.locator("[data-label=Total]")).containsText("346.00");
        assertThat(paulas.locator("[data-label=Total] .discount")).containsText("24.00");
        assertThat(paulas.locator("[data-label=Total] .discount")).containsText("Workshop day");
        screenshot("12-organiser-orders-with-a-discount");
    }

    /**
     * The waitlist's pages between its first test and its last: the owner's tab (where registrant A's order, left
     * unpaid, holds the only seat) and registrant B's, on the waitlist with the keyboard's focus on its "Leave" button.
     */
    private record Waitlist(BrowserContext ownerAndAContext, Page ownerAndA, String ownerPage, String orderA,
                            String slug, BrowserContext bContext, Page b) {
        void close() {
            ownerAndAContext.close();
            bContext.close();
        }
    }

    private static Waitlist waitlist;

    /**
     * The waitlist, first half: a seat type sells out to an order held for one minute, and a registrant waits for it.
     * The other tests run while the hold lasts; the last one sees the seat offered (instead of waiting here).
     */
    @Test
    @Order(0)
    void a_registrant_joins_the_waitlist_of_a_seat_type_sold_out_to_an_unpaid_order() {
        // The owner: a conference of one seat, held for the shortest time an owner may choose (1 minute).
        page.navigate(platform.gatewayUrl() + "/#/admin/new");
        String slug = "waitlist-" + UUID.randomUUID().toString().substring(0, 8);
        fillNewConference("Waitlist Days " + slug, slug);
        page.locator("#conference-form").getByLabel("Seats held for (minutes)").fill("1");
        String ownerPage = createAndPublish("Solo seat", "The only one", 1, "40.00");

        // Registrant A (the owner's tab) takes the seat and does not pay.
        page.getByLabel("Quantity of Solo seat").fill("1");
        page.locator("#register").click();
        assertThat(page.locator("#countdown")).containsText(":");
        Page ownerAndA = page;
        BrowserContext contextA = context;
        context = newContext();
        page = context.newPage();
        page.setDefaultTimeout(60_000);
        waitlist = new Waitlist(contextA, ownerAndA, ownerPage, ownerAndA.url(), slug, context, page);
        context = null; // kept open for the last test (closed there, or after all)

        // Registrant B: sold out (once the read model has A's reservation), joins the waitlist, is next in line.
        page.navigate(platform.gatewayUrl() + "/#/conferences/" + slug);
        reloadUntil(page, "#order-form", () -> page.locator("#waitlist-form").count() > 0);
        assertThat(seatRow("Solo seat")).containsText("Sold out");
        assertThat(seatRow("Solo seat").locator(".available")).hasText("0");
        fillWaitlistForm("Bea Waiting", "bea@example.com");
        screenshot("40-waitlist-sold-out-join");
        page.locator("#join-waitlist").click();
        assertThat(page.locator("#position")).hasText("1");
        screenshot("41-waitlist-position");

        // The owner sees B waiting (Conference Management learns of it from Registration's events), and the
        // public page says that people wait for the seat type.
        ownerAndA.navigate(ownerPage);
        Locator waiting = ownerAndA.locator("#waitlist tr", new Page.LocatorOptions().setHasText("Solo seat"));
        reloadUntil(ownerAndA, "#waitlist", () -> waiting.locator(".people").textContent().trim().equals("1"));
        assertThat(waiting.locator(".revenue")).containsText("40.00");
        screenshot(ownerAndA, "45-waitlist-owner-sees-it");
        ownerAndA.navigate(platform.gatewayUrl() + "/#/conferences/" + slug);
        reloadUntil(ownerAndA, "#order-form", () -> ownerAndA.locator(".waitlisted").count() > 0);
        assertThat(ownerAndA.locator(".waitlisted")).containsText("People are waiting");

        // B's page looks again by itself while B waits; the keyboard's focus is on its "Leave" button.
        tabTo("#leave-0");
    }

    /** The waitlist, second half (after every other test): A's hold is over, B is offered the seat and pays. */
    @Test
    @Order(100)
    void a_registrant_waiting_for_a_sold_out_seat_type_is_offered_the_seat_of_an_expired_order_and_pays_for_it() {
        assertThat(waitlist).as("the waitlist's first half ran").isNotNull();
        context.close();
        context = waitlist.bContext();
        page = waitlist.b();
        Page ownerAndA = waitlist.ownerAndA();
        try {
            // A's order expires (its hold is 1 minute, then the durable expiry): the seat is offered to B, whose page
            // looks again by itself — and kept the keyboard's focus on B's "Leave" button through the redraw.
            keepsFocusThrough("#leave-0", () -> assertThat(page.locator("#take-offer-0"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(150_000)));
            assertThat(page.locator("#leave-0")).hasText("Decline and leave the waitlist"); // the focused button redrawn
            assertThat(page.locator("#offer-0")).containsText("1 seat is held for you");
            screenshot("42-waitlist-offer");
            ownerAndA.navigate(waitlist.orderA());
            assertThat(ownerAndA.locator("main")).containsText("the hold is over");

            // B takes the offer: an order holding the seat, then details and payment as any order.
            page.locator("#take-offer-0").click();
            assertThat(page.locator("#countdown")).containsText(":");
            assertThat(page.locator("#total")).containsText("40.00");
            registrant("Bea", "Waiting", "bea@example.com");
            screenshot("43-waitlist-order-from-the-offer");
            page.locator("#continue").click();
            assertThat(page.locator("#amount")).containsText("40.00");
            page.locator("#accept").click();
            assertThat(page.locator("h1")).hasText("Thank you!");
            screenshot("44-waitlist-order-confirmed");

            // Registrant C waits too; the owner adds a seat from the waitlist section, and it is offered to C.
            inANewBrowser();
            page.navigate(platform.gatewayUrl() + "/#/conferences/" + waitlist.slug());
            fillWaitlistForm("Cy Waiting", "cy@example.com");
            page.locator("#join-waitlist").click();
            assertThat(page.locator("#position")).hasText("1");
            ownerAndA.navigate(waitlist.ownerPage());
            Locator waiting = ownerAndA.locator("#waitlist tr", new Page.LocatorOptions().setHasText("Solo seat"));
            reloadUntil(ownerAndA, "#waitlist", () -> waiting.locator("button").count() > 0);
            screenshot(ownerAndA, "46-waitlist-owner-adds-seats");
            waiting.getByText("Add seats").click();
            assertThat(ownerAndA.locator("#seat-types input[type=number]")).hasValue("2");
            assertThat(page.locator("#take-offer-0")).isVisible();
        } finally {
            waitlist.ownerAndAContext().close();
            waitlist = null;
        }
    }

    @Test
    @Order(8)
    void a_registrant_reads_the_confirmation_in_the_mailbox_cancels_the_order_and_is_refunded() {
        // A paid order of the demo conference (its start is two months away: well before the cut-off)
        page.navigate(platform.gatewayUrl() + "/#/conferences/" + DemoConference.SLUG);
        page.getByLabel("Quantity of Conference pass").fill("1");
        page.locator("#register").click();
        assertThat(page.locator("#total")).containsText("250.00");
        String email = "mia-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        registrant("Mia", "Mailbox", email);
        payAndSeeTheThankYouPage();
        String accessCode = page.locator("#access-code").textContent().trim();
        String orderId = orderIdOf(page.url());

        // The web UI's mailbox link → the development mailbox: the confirmation, with this order's access code
        page.locator("#mailbox-link").click();
        Locator confirmation = mail("Your order is confirmed", orderId);
        reloadUntil(page, "h1", () -> confirmation.count() > 0);
        assertThat(confirmation).containsText(accessCode);
        assertThat(confirmation).containsText(email);
        mailboxScreenshot("50-mailbox-order-confirmed");

        // Back to the order (this tab still has its code): Cancel this order, confirmed in the dialog
        page.navigate(platform.gatewayUrl() + "/#/orders/" + orderId);
        assertThat(page.locator("h1")).hasText("Thank you!");
        page.onceDialog(dialog -> dialog.accept());
        page.locator("#cancel-order").click();
        assertThat(page.locator("#order-status")).hasText("CANCELLED");
        // Payments refunds it through the processor a moment later: the page shows it once reloaded
        reloadUntil(page, "#order-status", () -> page.locator("#payments .refund-completed").count() > 0);
        assertThat(page.locator("#payments")).containsText("refunded");
        screenshot("51-registrant-order-cancelled-and-refunded");

        // The mailbox: the cancellation and the refund
        page.locator("#mailbox-link").click();
        Locator cancelled = mail("Your order is cancelled", orderId);
        Locator refunded = mail("Your payment was refunded", orderId);
        reloadUntil(page, "h1", () -> cancelled.count() > 0 && refunded.count() > 0);
        assertThat(cancelled).containsText("as you asked");
        assertThat(refunded).containsText("250.00");
        mailboxScreenshot("52-mailbox-order-cancelled-and-refunded");
    }

    @Test
    @Order(9)
    void past_the_cut_off_a_registrant_may_not_cancel_but_the_owner_may() {
        // The owner: a conference starting in 3 days, registrants may cancel until 7 days before: already past.
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        page.navigate(platform.gatewayUrl() + "/#/admin/new");
        String slug = "cutoff-" + UUID.randomUUID().toString().substring(0, 8);
        fillNewConference("Cut-off Days " + slug, slug, start, start.plusDays(1));
        page.locator("#conference-form").getByLabel("Registrants may cancel until (days before the start)").fill("7");
        String ownerPage = createAndPublish("Late seat", "Bought close to the start", 5, "30.00");

        // A registrant (the owner's tab) buys a seat and pays
        page.getByLabel("Quantity of Late seat").fill("1");
        page.locator("#register").click();
        assertThat(page.locator("#total")).containsText("30.00");
        registrant("Lou", "Late", "lou-" + slug + "@example.com");
        payAndSeeTheThankYouPage();
        String orderId = orderIdOf(page.url());
        String attendee = "lia-" + slug + "@example.com";

        // Cancel: refused, with the deadline that passed
        page.onceDialog(dialog -> dialog.accept());
        page.locator("#cancel-order").click();
        assertThat(page.locator("#cancel-refused")).containsText("too late to cancel this order yourself: the deadline was");
        assertThat(page.locator("#cancel-refused")).not().containsText(orderId);
        assertThat(page.locator("#order-status")).hasText("CONFIRMED");
        screenshot("19-registrant-cancel-refused-past-the-cut-off");
        page.locator("#assign-seats").click();
        page.locator("#first-0").fill("Lia");
        page.locator("#last-0").fill("Late");
        page.locator("#email-0").fill(attendee);
        page.locator("#save-0").click();
        assertThat(page.locator("#seats-saved")).containsText("Seat 1 assigned to Lia Late");

        // The owner cancels it from the orders table (no cut-off): CANCELLED once registration has done it
        page.navigate(ownerPage);
        page.getByText("Orders and attendees").click();
        Locator status = page.locator("#status-" + orderId);
        reloadUntil(page, "#orders", () -> status.count() > 0 && status.textContent().trim().equals("CONFIRMED")
                && page.locator("#attendees").textContent().contains(attendee));
        page.onceDialog(dialog -> dialog.accept());
        page.locator("#cancel-" + orderId).click();
        assertThat(status).hasText("CANCELLED");
        // (the Cancel button gone, the focus is on what it changed, kept while the status was looked at again)
        assertThat(focused("#status-" + orderId)).as("the focus on the cancelled order's status").isTrue();
        // ... its attendee leaves the attendees list (registration unassigns the seat with the cancellation) without a
        // reload: the page follows the list until the order's attendees are gone
        assertThat(page.locator("#attendees")).not().containsText(attendee);
        assertThat(page.locator("#attendees")).containsText("No attendees assigned yet.");
        assertThat(focused("#status-" + orderId)).as("the focus kept on the cancelled order's status").isTrue();
        // ... and the Refunds section below lists its refund, followed until payments has paid it back
        Locator refund = page.locator("#refunds tbody tr")
                .filter(new Locator.FilterOptions().setHasText(orderId.substring(0, 8)));
        assertThat(refund).containsText("COMPLETED", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(refund).containsText("order cancelled");
        screenshot("29-organiser-cancelled-an-order");

        // Should payments never list a cancelled order's refund (its answers held back here, as if none were requested),
        // the Refunds section stops looking after 2 minutes, says so and offers to look again
        page.clock().install();
        page.route("**/refunds", route -> route.fulfill(new Route.FulfillOptions().setStatus(200)
                .setContentType("application/json").setBody("[]")));
        page.reload();
        assertThat(page.locator("#refunds")).containsText("No refunds.");
        assertThat(page.locator("#refunds-look-again")).hasCount(0);
        page.clock().fastForward("02:01");
        assertThat(page.locator("#refunds-stopped")).containsText("2 minutes");
        screenshot("35-organiser-refunds-no-longer-looked-at");
        page.unroute("**/refunds");
        page.locator("#refunds-look-again").click();
        assertThat(refund).containsText("COMPLETED");
        assertThat(page.locator("#refunds-look-again")).hasCount(0);

        // The registrant's page says so too
        page.navigate(platform.gatewayUrl() + "/#/orders/" + orderId);
        assertThat(page.locator("#order-status")).hasText("CANCELLED");
    }

    @Test
    @Order(10)
    void a_registrant_registers_and_pays_with_the_keyboard_alone() {
        // Issue 17: no click from the conference list to the thank-you page — Tab, Shift+Tab, Enter, Space and typing.
        Keyboard keyboard = page.keyboard();
        tabTo("a[href='#/conferences/" + DemoConference.SLUG + "']");
        keyboard.press("Enter");
        assertThat(page.locator("h1")).hasText(DemoConference.NAME);
        tabTo("input[aria-label='Quantity of Conference pass']");
        keyboard.press("Control+A");
        keyboard.type("1");
        tabTo("#register");
        keyboard.press("Enter");
        assertThat(page.locator("#countdown")).containsText(":");
        assertThat(page.locator("#total")).containsText("250.00");

        tabTo("input[name=firstName]");
        keyboard.type("Kay");
        keyboard.press("Tab");
        keyboard.type("Board");
        keyboard.press("Tab");
        keyboard.type("kay-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        assertThat(page.locator("input[name=lastName]")).hasValue("Board");
        screenshot("33-registrant-keyboard-only-details");
        tabTo("#continue");
        keyboard.press(" ");

        // The payment page: past Accept to Reject, and back to Accept with Shift+Tab
        assertThat(page.locator("#accept")).isVisible();
        tabTo("#reject");
        keyboard.press("Shift+Tab");
        assertFocused("#accept");
        keyboard.press("Enter");
        assertThat(page.locator("h1")).hasText("Thank you!");
        assertThat(page.locator("#access-code")).not().isEmpty();
        screenshot("34-registrant-keyboard-only-thank-you");
    }

    @Test
    @Order(11)
    void the_conference_order_and_payment_pages_fit_a_phone() {
        // Issue 17: a phone's viewport (390 CSS pixels wide); nothing may make the page scroll sideways
        page.setViewportSize(390, 844);
        page.navigate(platform.gatewayUrl() + "/#/conferences/" + DemoConference.SLUG);
        assertThat(page.locator("#order-form")).containsText("Conference pass");
        phoneScreenshot("60-phone-conference-page");
        page.getByLabel("Quantity of Conference pass").fill("1");
        page.getByLabel("Quantity of Workshop day").fill("1");
        page.locator("#register").click();
        assertThat(page.locator("#total")).containsText("370.00");
        registrant("Pia", "Phone", "pia@example.com");
        phoneScreenshot("61-phone-order-page");
        page.locator("#continue").click();
        assertThat(page.locator("#accept")).isVisible();
        phoneScreenshot("62-phone-payment-page");
        page.locator("#accept").click();
        assertThat(page.locator("h1")).hasText("Thank you!");
        phoneScreenshot("63-phone-thank-you-page");
    }

    @Test
    @Order(12)
    void the_owners_pages_fit_a_phone() {
        // Issue 17: the organiser's sign-in, create, conference and orders pages at a phone's width (390 CSS pixels)
        page.setViewportSize(390, 844);
        page.navigate(platform.gatewayUrl() + "/#/admin");
        assertThat(page.locator("#locate-form")).isVisible();
        phoneScreenshot("64-phone-organiser-sign-in");
        page.navigate(platform.gatewayUrl() + "/#/admin/new");
        assertThat(page.locator("#conference-form")).isVisible();
        phoneScreenshot("65-phone-organiser-create-conference");

        // The conference page: its wide tables scroll sideways in regions of their own, the page does not
        signInAsDemoOwner();
        assertThat(page.locator("#promotional-codes")).isVisible();
        phoneScreenshot("66-phone-organiser-conference");
        for (String table : List.of("seat-types", "waitlist", "promotional-codes")) {
            Locator region = page.locator(".table-scroll[role=region]:has(> #" + table + ")");
            assertThat(region).hasAttribute("tabindex", "0");
            assertThat(region).hasAttribute("aria-label", java.util.regex.Pattern.compile(".+"));
        }
        assertThat((Boolean) page.evaluate("() => { const r = document.querySelector('#promotional-codes').parentElement;"
                + " return r.scrollWidth > r.clientWidth; }")).as("the ten columns of the codes scroll in their region").isTrue();

        // The orders page: the orders stacked, one block per order; the refunds in a region that scrolls
        page.getByText("Orders and attendees").click();
        assertThat(page.locator("#refunds")).isVisible();
        phoneScreenshot("67-phone-organiser-orders");
        assertThat(page.evaluate("() => getComputedStyle(document.querySelector('#orders tbody tr')).display"))
                .as("an order's row stacked as a block").isEqualTo("block");
        reloadUntil(page, "#orders", () -> page.locator("#orders .status").count() > 0);
        assertWordsWhole("#orders .status, #orders button", "the orders on a phone");
        page.setViewportSize(1200, 900);
        assertWordsWhole("#orders .status, #orders button", "the orders at a desktop's width");
    }

    /**
     * No text of the elements {@code selector} names is broken inside a word ("CONFIRM / ED"): each is laid out on no
     * more lines than it has words (its text's line boxes, told apart by their tops).
     */
    private void assertWordsWhole(String selector, String where) {
        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) page.evaluate("""
                selector => [...document.querySelectorAll(selector)].filter(element => {
                    const range = document.createRange();
                    range.selectNodeContents(element);
                    const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                    return lines.size > element.textContent.trim().split(/\\s+/).length;
                }).map(element => element.textContent.trim())""", selector);
        assertThat(page.locator(selector).count()).as(selector + " in " + where).isPositive();
        assertThat(broken).as("texts broken inside a word in " + where).isEmpty();
    }

    /**
     * A page that looks again on a timer keeps the keyboard's focus (issue 17): the order page's countdown, ticking
     * every second, changes only its own text; the waitlist page's looks are checked in the waitlist's tests.
     */
    @Test
    @Order(13)
    void the_order_pages_countdown_keeps_the_keyboard_focus() {
        reserveOneOfTheDemo("Conference pass");
        tabTo("input[name=firstName]");
        String before = page.locator("#countdown").textContent();
        page.waitForFunction("before => document.getElementById('countdown').textContent !== before", before);
        assertFocused("input[name=firstName]");
    }

    /**
     * Checks that the keyboard's focus, given to {@code selector} (with {@link #tabTo}) on a page that looks again by
     * itself, is still there after {@code redraw} (a wait for what a look redraws) and one more look ({@code
     * data-looks}, counted by the page after each): a redraw must not lose the focus (issue 17).
     */
    private void keepsFocusThrough(String selector, Runnable redraw) {
        redraw.run();
        String looks = (String) page.evaluate("() => document.getElementById('app').dataset.looks");
        page.waitForFunction("looks => document.getElementById('app').dataset.looks !== looks", looks);
        assertThat(focused(selector)).as("the focus on " + selector + " after the page looked again").isTrue();
    }

    /** One seat of the demo conference's {@code seatType} reserved: the order page with its countdown. */
    private void reserveOneOfTheDemo(String seatType) {
        registerForOneOfTheDemo(seatType);
        assertThat(page.locator("#countdown")).containsText(":");
    }

    /** One seat of the demo conference's {@code seatType}, the Register button pressed. */
    private void registerForOneOfTheDemo(String seatType) {
        page.navigate(platform.gatewayUrl() + "/#/conferences/" + DemoConference.SLUG);
        page.getByLabel("Quantity of " + seatType).fill("1");
        page.locator("#register").click();
    }

    /** A screenshot at a phone's width, and nothing wider than the viewport (no sideways scrolling). */
    private void phoneScreenshot(String name) {
        screenshot(name);
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("the page's width on a 390 px wide viewport: " + name).isLessThanOrEqualTo(390);
    }

    /**
     * Presses Tab until the element {@code selector} names has the focus (60 presses at most: the page is small), and
     * checks that the focus is visible there (an outline).
     */
    private void tabTo(String selector) {
        for (int i = 0; i < 60 && !focused(selector); i++) page.keyboard().press("Tab");
        assertFocused(selector);
    }

    private void assertFocused(String selector) {
        assertThat(focused(selector)).as("focus on " + selector + " (it is on " + page.evaluate(
                "() => document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : 'nothing'") + ")").isTrue();
        assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle"))
                .as("the focus on " + selector + " is visible").isNotEqualTo("none");
    }

    private boolean focused(String selector) {
        return (Boolean) page.evaluate("selector => document.activeElement !== null && document.activeElement.matches(selector)", selector);
    }

    @Test
    @Order(14)
    void the_demo_conferences_owner_sees_a_sale_on_the_dashboard_and_downloads_the_attendees() throws Exception {
        // A sale: a registrant buys a conference pass and pays
        page.getByText(DemoConference.NAME).click();
        page.getByLabel("Quantity of Conference pass").fill("1");
        page.locator("#register").click();
        assertThat(page.locator("#countdown")).containsText(":");
        registrant("Dana", "Dashboard", "dana-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        payAndSeeTheThankYouPage();

        // The owner's dashboard looks again every few seconds: the sale shows once conference management has it
        signInAsDemoOwner();
        page.locator("a[href$='/dashboard']").click();
        Locator pass = page.locator("#seats-table tr", new Page.LocatorOptions().setHasText("Conference pass"));
        assertThat(pass.locator(".sold")).not().hasText("0");
        assertThat(page.locator("#seats-chart canvas")).isVisible();
        assertThat(page.locator("#time-chart canvas")).isVisible();
        assertThat(page.locator("#orders-by-status-table")).containsText("Confirmed");
        page.getByLabel("per hour").check();
        assertThat(page.locator("#over-time-table caption")).containsText("per hour");
        screenshot("70-dashboard");
        page.setViewportSize(390, 844);
        phoneScreenshot("71-phone-dashboard");
        page.setViewportSize(1200, 900);

        // The export: fetched with the owner's credentials, saved as a file
        Download attendees = page.waitForDownload(() -> page.locator("#export-attendees").click());
        assertThat(attendees.suggestedFilename()).endsWith("-attendees.csv");
        assertThat(Files.readString(attendees.path())).startsWith("Order,Seat,Seat type,First name,Last name,Email\r\n");
    }

    @Test
    @Order(15)
    void a_busy_read_model_is_asked_again_when_it_says_and_the_order_is_shown() {
        // The read model refuses the page's first two reads of the order as it does under a flood of queries: 503,
        // come back in a second. The page waits as told and asks again, rather than showing the registrant an error.
        List<String> reads = busyAtFirst("**/api/read/draft-orders/*", 2,
                "The read model is answering as many queries as it can; ask again in a moment.");
        try {
            reserveOneOfTheDemo("Conference pass");
            assertThat(reads).hasSizeGreaterThan(2);
            assertThat(page.locator("#problem")).isHidden();
        } finally {
            page.unroute("**/api/read/draft-orders/*");
        }
    }

    @Test
    @Order(16)
    void a_payment_the_processor_did_not_take_is_started_again_when_payments_says_and_paid() {
        // Payments answers the page's first start of the payment as it does when the processor did not take it: 503,
        // come back in a second. The page sends the same request again (the same payment id: a repeat, which hands the
        // payment over) rather than leaving the registrant on a payment page without the processor's link.
        List<String> starts = busyAtFirst("**/api/payments/payments", 1,
                "The payment is recorded, but the payment processor did not take it.");
        try {
            reserveOneOfTheDemo("Conference pass");
            registrant("Pat", "Patience", "pat@example.com");
            payAndSeeTheThankYouPage();
            // Two or more: payments may also answer 404 while it has not yet heard of the order, asked again too.
            assertThat(starts).hasSizeGreaterThanOrEqualTo(2);
            assertThat(Set.copyOf(starts)).as("the same request each time").hasSize(1);
        } finally {
            page.unroute("**/api/payments/payments");
        }
    }

    @Test
    @Order(17)
    void an_order_placed_while_registration_stops_is_sent_again_when_it_says_and_placed() {
        // Registration answers the first placement as it does while it stops for a restart: 503, come back. The page
        // sends the same order again (the same order id, which registration places once) rather than an error.
        List<String> placements = busyAtFirst(PLACEMENTS, 1, "The service is stopping; send the request again in 2 s");
        try {
            reserveOneOfTheDemo("Conference pass");
            assertThat(placements).hasSize(2);
            assertThat(Set.copyOf(placements)).as("the same order each time").hasSize(1);
            assertThat(page.locator("#problem")).isHidden();
        } finally {
            page.unroute(PLACEMENTS);
        }
    }

    @Test
    @Order(18)
    void an_order_taken_though_answered_503_asks_the_registrant_to_send_it_again() {
        // Registration places the first request, but its answer is a 503 (its database went away as it committed).
        // The page's repeat is answered without the access code, as any repeat that does not show it: the page says
        // what happened instead of opening an order it cannot read.
        List<String> placements = new CopyOnWriteArrayList<>();
        List<Integer> firstAnswer = new CopyOnWriteArrayList<>();
        page.route(PLACEMENTS, route -> {
            placements.add(route.request().postData());
            if (placements.size() > 1) {
                route.resume();
                return;
            }
            firstAnswer.add(route.fetch().status());
            comeBackInASecond(route, "The service cannot reach its database right now; try again in 1 s");
        });
        try {
            registerForOneOfTheDemo("Conference pass");
            assertThat(page.locator("#problem")).containsText("answer, with the access code, was lost");
            assertThat(firstAnswer).as("registration placed the first").containsExactly(201);
            assertThat(placements).hasSize(2);
            assertThat(page.url()).contains("#/conferences/");
        } finally {
            page.unroute(PLACEMENTS);
        }
    }

    /**
     * The first {@code times} requests to {@code glob} are answered as by a service busy or missing a dependency for
     * now (503, {@code Retry-After: 1}, a problem saying {@code detail}); the others go through. Returns the requests'
     * bodies (null for a GET), in order, as they come. The caller unroutes {@code glob}.
     */
    private List<String> busyAtFirst(String glob, int times, String detail) {
        List<String> seen = new CopyOnWriteArrayList<>();
        page.route(glob, route -> {
            seen.add(route.request().postData());
            if (seen.size() > times) route.resume();
            else comeBackInASecond(route, detail);
        });
        return seen;
    }

    private static void comeBackInASecond(Route route, String detail) {
        route.fulfill(new Route.FulfillOptions().setStatus(503)
                .setHeaders(Map.of("Retry-After", "1", "Content-Type", "application/problem+json"))
                .setBody("{\"title\":\"Service Unavailable\",\"status\":503,\"code\":\"service-unavailable\","
                        + "\"detail\":\"" + detail + "\"}"));
    }

    /** On the order page with the registrant's details given: the simulated payment accepted, the thank-you page. */
    private void payAndSeeTheThankYouPage() {
        page.locator("#continue").click();
        page.locator("#accept").click();
        assertThat(page.locator("h1")).hasText("Thank you!");
    }

    /** The order's id in a page's address ({@code .../#/orders/{id}/thanks}). */
    private static String orderIdOf(String url) {
        String afterOrders = url.substring(url.indexOf("#/orders/") + "#/orders/".length());
        return afterOrders.contains("/") ? afterOrders.substring(0, afterOrders.indexOf('/')) : afterOrders;
    }

    /** The mailbox page's mails with this subject about this order. */
    private Locator mail(String subject, String orderId) {
        return page.locator("article.mail", new Page.LocatorOptions().setHasText(subject))
                .filter(new Locator.FilterOptions().setHasText(orderId));
    }

    /** Fills the conference page's waitlist form (its one sold-out seat type) for one seat. */
    private void fillWaitlistForm(String name, String email) {
        Locator join = page.locator("#waitlist-form");
        join.getByLabel("Seats").fill("1");
        nameAndEmail(join, name, email);
    }

    /** The name and email of a waitlist form (joining, or an order's missing seats). */
    private static void nameAndEmail(Locator form, String name, String email) {
        form.getByLabel("Name").fill(name);
        form.getByLabel("Email").fill(email);
    }

    /** Fills the new conference's details (the hold left at its default), in May 2030. */
    private void fillNewConference(String name, String slug) {
        fillNewConference(name, slug, LocalDate.of(2030, 5, 1), LocalDate.of(2030, 5, 2));
    }

    private void fillNewConference(String name, String slug, LocalDate start, LocalDate end) {
        Locator form = page.locator("#conference-form");
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(name);
        form.getByLabel("Web address (slug)").fill(slug);
        form.getByLabel("Tagline").fill("Tested in a real browser");
        form.getByLabel("Description").fill("A conference the end-to-end test creates.");
        form.getByLabel("Location").fill("Utrecht");
        form.getByLabel("Starts").fill(start.toString());
        form.getByLabel("Ends").fill(end.toString());
        form.getByLabel("Owner name").fill("Olivia Organiser");
        form.getByLabel("Owner email").fill("olivia@example.com");
    }

    /**
     * Creates the conference whose details the form holds, adds one seat type, publishes it and opens its public page
     * once the seats are on sale there (a new seat type shows none until Registration has added its seats). Returns
     * the owner's page.
     */
    private String createAndPublish(String seatType, String description, int quantity, String price) {
        page.locator("#create").click();
        page.locator("#manage").click();
        addSeatType(seatType, description, quantity, price);
        String ownerPage = page.url();
        page.locator("#publish").click();
        assertThat(page.locator("#published")).hasText("Published");
        page.getByText("See the public page").click();
        reloadUntil(page, "#order-form",
                () -> seatRow(seatType).locator(".available").textContent().trim().equals(String.valueOf(quantity)));
        return ownerPage;
    }

    /** Adds a seat type on the owner's conference page. */
    private void addSeatType(String name, String description, int quantity, String price) {
        Locator seatType = page.locator("#seat-type-form");
        seatType.getByLabel("Name").fill(name);
        seatType.getByLabel("Description").fill(description);
        seatType.getByLabel("Quantity").fill(String.valueOf(quantity));
        page.locator("#seat-type-form input[name=amount]").fill(price);
        page.locator("#add-seat-type").click();
        assertThat(page.locator("#seat-types")).containsText(name);
    }

    /** A row of the owner's seat types table. */
    private Locator seatTypeRow(String name) {
        return page.locator("#seat-types tbody tr", new Page.LocatorOptions().setHasText(name));
    }

    private Locator seatRow(String seatType) {
        return page.locator("#order-form tr", new Page.LocatorOptions().setHasText(seatType));
    }

    /**
     * Reloads the page until it shows what {@code shown} looks for (30 s at most): for what a service learns from
     * another's events a moment later, when the page itself does not look again. {@code ready} is an element the page
     * shows once it has loaded.
     */
    private static void reloadUntil(Page page, String ready, java.util.function.BooleanSupplier shown) {
        page.locator(ready).waitFor();
        // Playwright is not thread-safe: the page is polled on this thread.
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(500)).until(() -> {
            if (shown.getAsBoolean()) return true;
            page.reload();
            page.locator(ready).waitFor();
            return shown.getAsBoolean();
        });
    }

    private void registrant(String firstName, String lastName, String email) {
        page.getByLabel("First name").fill(firstName);
        page.getByLabel("Last name").fill(lastName);
        page.getByLabel("Email").fill(email);
    }

    /** A free order offers confirmation instead of payment, and is confirmed. */
    private void confirmWithoutPayment(String beforeScreenshot, String thankYouScreenshot) {
        assertThat(page.locator("#continue")).hasText("Confirm the registration");
        screenshot(beforeScreenshot);
        page.locator("#continue").click();
        assertThat(page.locator("h1")).hasText("Thank you!");
        screenshot(thankYouScreenshot);
    }

    /** A browser that knows nothing of the orders placed so far. */
    private void inANewBrowser() {
        context.close();
        context = newContext();
        page = context.newPage();
        page.setDefaultTimeout(60_000);
    }

    private void signInAsDemoOwner() {
        page.navigate(platform.gatewayUrl() + "/#/admin");
        assertThat(page.locator("#locate-form")).isVisible();
        Accessibility.assertNoSeriousViolations(page, "organiser sign-in");
        page.getByLabel("Owner email").fill(DemoConference.OWNER_EMAIL);
        page.getByLabel("Access code").fill(platform.demo().accessCode());
        page.locator("#locate").click();
        assertThat(page.locator("h1")).containsText(DemoConference.NAME);
    }

    /** Creates a percentage code on the owner's page, for one seat type ({@code seatType}) or all (null). */
    private void createCode(String code, String percent, String seatType, String limitKind) {
        Locator form = page.locator("#code-form");
        form.locator("input[name=code]").fill(code);
        form.locator("select[name=kind]").selectOption("PERCENTAGE");
        form.locator("input[name=percent]").fill(percent);
        if (seatType != null) form.getByLabel(seatType).check();
        form.locator("select[name=limitKind]").selectOption(limitKind);
        page.locator("#save-code").click();
        assertThat(page.locator("#promotional-codes")).containsText(code);
    }

    private Locator codeRow(String code) {
        return page.locator("#promotional-codes tr", new Page.LocatorOptions().setHasText(code));
    }

    /**
     * Applies a code on the order page. Registration learns of a new code from Conference Management's events, a
     * moment after the owner created it: while it answers "unknown", the code is applied again (for 30 s at most).
     */
    private void applyCode(String code) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            page.locator("#code").fill(code);
            page.locator("#apply-code").click();
            page.locator("#applied-codes, #code-problem:not(:empty)").first().waitFor();
            if (page.locator("#applied-codes").count() > 0 || System.nanoTime() > deadline) return;
            page.waitForTimeout(500);
        }
    }

    private void screenshot(String name) {
        screenshot(page, name);
    }

    /** A screenshot of a page of the web UI, which must pass the accessibility check (issue 17). */
    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        Accessibility.assertNoSeriousViolations(page, name);
    }

    /** The launcher's development mailbox: a tool's page, not the web UI's (no accessibility check). */
    private void mailboxScreenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
