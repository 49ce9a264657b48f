package dev.seatbooking.launcher;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automated accessibility check of a page (issue 17): axe-core (the npm registry's package, as the WebJar
 * {@code org.webjars.npm:axe-core} from Maven Central, test scope) run in the page as it is shown, failing on any
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

    /** axe.min.js of the WebJar on the test class path, whatever its version. */
    private static String axeSource() {
        try {
            Properties pom = new Properties();
            try (InputStream in = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
                pom.load(in);
            }
            try (InputStream in = resource("META-INF/resources/webjars/axe-core/" + pom.getProperty("version") + "/axe.min.js")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(path);
        if (in == null) throw new IllegalStateException("Not on the test class path: " + path + " (org.webjars.npm:axe-core)");
        return in;
    }
}
