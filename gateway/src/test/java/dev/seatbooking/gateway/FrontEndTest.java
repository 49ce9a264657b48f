package dev.seatbooking.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web front end as the browser gets it: one module script, allowed by the strict Content-Security-Policy, whose
 * imports are all served as JavaScript, each file revalidated at each load; and the escaping discipline of its modules
 * (the browser end-to-end test in the launcher walks the pages themselves).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FrontEndTest {

    private static final Path MODULES = Path.of("src/main/resources/static/js");
    private static final Pattern IMPORT = Pattern.compile("^import [^;]*? from '([^']+)';", Pattern.MULTILINE);

    @LocalServerPort
    int port;

    @Test
    void the_page_loads_one_module_script_from_its_own_origin_and_no_inline_script() {
        HttpResponse<String> index = new GatewayClient(port).get("/");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(Pattern.compile("<script\\b").matcher(index.body()).results().count()).isOne();
        assertThat(index.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");
        // module scripts from this origin, nothing inline, nothing evaluated
        assertThat(index.headers().firstValue("Content-Security-Policy").orElseThrow().split(";\\s*"))
                .contains("script-src 'self'").noneMatch(directive -> directive.startsWith("script-src") && directive.contains("unsafe"));
    }

    @Test
    void every_module_the_page_imports_is_served_as_javascript() {
        GatewayClient gateway = new GatewayClient(port);
        Set<String> served = new TreeSet<>();
        Deque<URI> next = new ArrayDeque<>(List.of(URI.create("/js/app.js")));
        while (!next.isEmpty()) {
            URI module = next.pop();
            if (!served.add(module.getPath())) continue;
            HttpResponse<String> answer = gateway.get(module.getPath());
            assertThat(answer.statusCode()).as(module.getPath()).isEqualTo(200);
            // a module script must come as JavaScript: with nosniff, the browser runs nothing else
            assertThat(answer.headers().firstValue("Content-Type")).as(module.getPath()).get().asString()
                    .startsWith("text/javascript");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            Matcher imports = IMPORT.matcher(answer.body());
            while (imports.find()) next.push(module.resolve(imports.group(1)));
        }
        assertThat(served).as("every module is imported from app.js").containsExactlyInAnyOrderElementsOf(moduleFiles());
    }

    @Test
    void the_dashboards_chart_library_is_served_from_this_origin_from_its_webjar() throws IOException {
        // The dashboard imports uPlot when it is first opened (import() of a path on this origin), so its version in
        // the page must be the WebJar's that the gateway serves.
        Matcher base = Pattern.compile("const UPLOT = '([^']+)';")
                .matcher(Files.readString(MODULES.resolve("pages/admin-dashboard.js")));
        assertThat(base.find()).as("admin-dashboard.js names uPlot's path").isTrue();
        assertThat(base.group(1)).startsWith("/webjars/uplot/");
        GatewayClient gateway = new GatewayClient(port);

        HttpResponse<String> script = gateway.get(base.group(1) + "uPlot.esm.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
        assertThat(script.body()).contains("export { uPlot as default }");
        HttpResponse<String> style = gateway.get(base.group(1) + "uPlot.min.css");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type")).get().asString().startsWith("text/css");
    }

    @Test
    void the_front_end_is_revalidated_and_what_says_nothing_of_caching_is_not_stored() {
        GatewayClient gateway = new GatewayClient(port);

        // the front end's files: asked again at each load (304 while unchanged), a new version used at once
        for (String file : List.of("/", "/js/app.js", "/app.css")) {
            HttpResponse<String> answer = gateway.get(file);
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertThat(answer.headers().allValues("Cache-Control")).as(file).containsExactly("no-cache");
            assertThat(answer.headers().firstValue("Last-Modified")).as(file).isPresent();
        }
        assertThat(gateway.get("/front-end.json").headers().allValues("Cache-Control")).containsExactly("no-cache");
        // an answer of the gateway's own that says nothing of caching: not stored (EdgeSecurityConfiguration)
        HttpResponse<String> noSuchApi = gateway.get("/api/no-such-route/orders");
        assertThat(noSuchApi.statusCode()).isEqualTo(404);
        assertThat(noSuchApi.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
    }

    @Test
    void only_the_page_module_writes_html_and_only_what_html_built() throws IOException {
        for (String file : moduleFiles()) {
            String source = Files.readString(MODULES.resolve(file.substring("/js/".length())));
            assertThat(source).as(file).doesNotContain("outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                    "new Function");
            if (!file.equals("/js/page.js")) assertThat(source).as(file).doesNotContain("innerHTML");
        }
        // page.js puts into the page only what html`` built, which escapes every value it is given
        String page = Files.readString(MODULES.resolve("page.js"));
        assertThat(page.split("innerHTML = ", -1)).as("innerHTML assignments in page.js").hasSize(3);
        assertThat(page).contains("element.innerHTML = content.toString();", "problemBox.innerHTML = '';",
                "if (!isHtml(content)) throw new TypeError");
    }

    private static List<String> moduleFiles() {
        try (Stream<Path> files = Files.walk(MODULES)) {
            return files.filter(f -> f.toString().endsWith(".js"))
                    .map(f -> "/js/" + MODULES.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
