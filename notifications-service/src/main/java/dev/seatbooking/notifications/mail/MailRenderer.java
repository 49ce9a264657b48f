package dev.seatbooking.notifications.mail;

import dev.seatbooking.notifications.NotificationsProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a mail from its kind's Thymeleaf templates: {@code templates/mail/<kind>.txt} (text mode) and
 * {@code .html} (HTML mode, every value escaped). An engine of its own, apart from any web view resolution.
 * <p>
 * No mail quotes a name a registrant typed (theirs, an attendee's, a waitlist contact's), nor does its {@code To}:
 * every address was typed by an anonymous client too, so a name would be free text the platform mails to anyone from
 * its own domain ("confirm your card at https://…"). What mails say comes from the owner (the conference, its seat
 * types) and from the platform.
 */
@Component
public class MailRenderer {

    /** What a mail says, both ways. */
    public record Rendered(String subject, String text, String html) {
    }

    private final TemplateEngine engine = new SpringTemplateEngine();
    private final NotificationsProperties properties;

    public MailRenderer(NotificationsProperties properties) {
        this.properties = properties;
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }

    public Rendered render(MailKind kind, Map<String, Object> model) {
        var context = new Context(Locale.ENGLISH);
        context.setVariables(model);
        context.setVariable("site", properties.site());
        return new Rendered(kind.subject(), engine.process(kind.template() + ".txt", context),
                engine.process(kind.template() + ".html", context));
    }
}
