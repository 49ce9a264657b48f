package dev.seatbooking.conference.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.Map;

/**
 * Refuses any query parameter whose name or value holds a control character (a {@code %00} reaches PostgreSQL as
 * a NUL, which it refuses with an error): 400 {@code validation-failed} naming the parameter, before a handler
 * reads it. The API reads no query parameter today; this keeps one added later from becoming a 500.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameterCheck implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasControlCharacter(parameter.getKey())
                    || Arrays.stream(parameter.getValue()).anyMatch(QueryParameterCheck::hasControlCharacter)) {
                throw new InvalidField(visible(parameter.getKey()), "must not contain control characters");
            }
        }
        return true;
    }

    private static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }

    /** The name as it can be shown: its control characters as {@code \u0000} escapes. */
    private static String visible(String name) {
        StringBuilder shown = new StringBuilder(name.length());
        name.chars().forEach(c -> shown.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return shown.toString();
    }
}
