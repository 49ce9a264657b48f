package dev.seatbooking.launcher;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The browser e2e's accessibility check itself, on small pages of its own (no platform): it finds what it must, under
 * a Content-Security-Policy as strict as the web UI's, and names the rule, its impact and the element.
 */
@ExtendWith(BrowserEndToEndTest.ChromiumPresent.class)
class AccessibilityTest {

    /** No inline script, as the web UI's policy (which also refuses inline styles: these pages need theirs). */
    private static final String STRICT_POLICY =
            "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\">";

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @Test
    void a_field_without_a_label_and_faint_text_are_named_with_their_impact_and_element() {
        Page page = page("""
                <main><h1>Form</h1><input id="nameless"><p id="faint" style="color:#bbb;background:#fff">Faint text</p></main>""");
        assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(page, "faulty"))
                .hasMessageContaining("faulty")
                .hasMessageContaining("label (critical)").hasMessageContaining("#nameless")
                .hasMessageContaining("color-contrast (serious)").hasMessageContaining("#faint");
    }

    @Test
    void a_page_with_labels_and_enough_contrast_passes() {
        Page page = page("""
                <main><h1>Form</h1><label>Name <input id="named"></label><p style="color:#333;background:#fff">Text</p></main>""");
        assertThatCode(() -> Accessibility.assertNoSeriousViolations(page, "fine")).doesNotThrowAnyException();
        // Checked twice in one document: axe is put in once and runs again
        assertThatCode(() -> Accessibility.assertNoSeriousViolations(page, "fine again")).doesNotThrowAnyException();
    }

    private static Page page(String body) {
        Page page = browser.newPage();
        page.setContent("<!doctype html><html lang=\"en\"><head><title>Test</title>" + STRICT_POLICY + "</head><body>"
                + body + "</body></html>");
        return page;
    }
}
