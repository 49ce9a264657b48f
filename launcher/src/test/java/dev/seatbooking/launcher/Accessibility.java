package dev.seatbooking.launcher;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automated accessibility check of a page (issue 17): axe-core (the {@code axe.min.js} in Deque's
 * {@code com.deque.html.axe-core:playwright} from Maven Central, test scope) run in the page as it is shown, failing on any
 * serious or critical violation; minor and moderate ones (best practices such as every text in a landmark) are not
 * counted.
 * <p>
 * axe is put into the page with {@code page.evaluate}, not {@code addScriptTag}: a script element of inline content
 * is what the pages' Content-Security-Policy ({@code script-src 'self'}) refuses, and the test must not lift the
 * policy it checks. Evaluated through the DevTools protocol, the script is the test's, not the page's. The pages are
 * one document (hash routes): axe stays in it from one page to the next and is put in once per document.
 */
final class Accessibility {

    private static final String AXE = axeSource();

    /** Serious and critical violations only, each as "rule (impact): help — the elements' selectors". */
    private static final String RUN = """
            async () => {
                const results = await axe.run(document, {resultTypes: ['violations']});
                return results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }""";

    private Accessibility() {
    }

    /** Fails, naming each rule, its impact and the elements, if the page has a serious or critical violation. */
    static void assertNoSeriousViolations(Page page, String name) {
        if (!(Boolean) page.evaluate("() => typeof window.axe === 'object'")) page.evaluate("() => {\n" + AXE + "\n}");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate(RUN);
        assertThat(violations).as("serious or critical accessibility violations (axe-core) on the page " + name
                + " (" + page.url() + ")").isEmpty();
    }

    /** axe.min.js as Deque's axe-core Playwright integration ships it, at the root of its jar (its version in the pom). */
    private static String axeSource() {
        try (InputStream in = resource("axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(path);
        if (in == null) throw new IllegalStateException("Not on the test class path: " + path + " (com.deque.html.axe-core:playwright)");
        return in;
    }
}
