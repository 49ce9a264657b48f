package dev.seatbooking.web.problem;

import dev.seatbooking.web.json.RejectedValueException;
import dev.seatbooking.web.throttle.TooManyAttempts;
import dev.seatbooking.web.problem.Problems.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The errors every Spring MVC application has, as problems of the shared vocabulary ({@link Problems}): unreadable
 * or mistyped JSON, unknown properties, failed bean validation, missing or mistyped parameters and headers, Spring
 * MVC's own 404/405/406/415, and anything unexpected (500, logged, no details). A service's own advice answers its
 * domain's exceptions and is consulted first ({@code @Order} below this one's {@link #ORDER}).
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(ApiProblemHandler.ORDER)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    /** Service advices take any order below this. */
    public static final int ORDER = Integer.MAX_VALUE - 100;

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    /** A throttle held the request back (the same answer whether its secret was right or wrong). */
    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts throttled) {
        long seconds = throttled.retryAfterSeconds();
        return Problems.comeBackIn(seconds, HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS,
                "Too many failed attempts lately; try again in " + seconds + " s");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        return unexpectedError(e);
    }

    /** A 500 that says nothing of the cause, which is logged. */
    static ResponseEntity<ProblemDetail> unexpectedError(Exception e) {
        log.error("Unexpected error answering a request", e);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status)
                .body(Problems.problem(status, Problems.INTERNAL_ERROR, Problems.defaultDetail(status)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(fieldProblem(e)));
        ex.getBindingResult().getGlobalErrors().forEach(e ->
                errors.add(new FieldProblem(e.getObjectName(), String.valueOf(e.getDefaultMessage()))));
        return answer(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().forEach(e -> errors.add(fieldProblem(e)));
            } else {
                String name = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new FieldProblem(name, String.valueOf(error.getDefaultMessage())));
                }
            }
        }
        return answer(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        name = name == null ? "value" : name;
        String message = "must be " + expected(ex.getRequiredType());
        if (name.length() > 200) name = name.substring(0, 200) + "…";
        return answer(Problems.malformed("'" + name + "' " + message, new FieldProblem(name, message)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return answer(invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return answer(invalid(List.of(new FieldProblem(missing.getHeaderName(), "is required"))));
        }
        return answer(Problems.malformed("The request is missing something this call needs"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        JacksonException json = cause(ex, JacksonException.class);
        if (json == null) return answer(Problems.malformed("The request needs a JSON body"));
        if (json instanceof StreamConstraintsException) {
            return answer(Problems.malformed("The request body exceeds what this call reads"));
        }
        boolean syntax = json instanceof StreamReadException && !(json instanceof InputCoercionException);
        String path = pathOf(json);
        if (syntax || (path.isEmpty() && !(json instanceof UnrecognizedPropertyException))) {
            return answer(Problems.malformed("The request body is not the JSON this call expects"));
        }
        if (json instanceof RejectedValueException rejected) {
            return answer(invalid(List.of(new FieldProblem(path, rejected.reason()))));
        }
        if (json instanceof InvalidNullException) {
            return answer(invalid(List.of(new FieldProblem(path, "must not be null"))));
        }
        String field = path.isEmpty() ? ((UnrecognizedPropertyException) json).getPropertyName() : path;
        if (field.length() > 200) field = field.substring(0, 200) + "…"; // the sender's text: no more than a name needs
        FieldProblem wrong = new FieldProblem(field, whatIsWrong(json));
        return answer(Problems.malformed("'" + wrong.field() + "' " + wrong.message(), wrong));
    }

    /** What to tell the client about a JSON value that could not be read into its field. */
    private static String whatIsWrong(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) return "is not a field of this request";
        if (e instanceof InputCoercionException) return "is out of range";
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) return "has the wrong type or format";
        if (type == String.class) return "must be a string";
        if (type == BigDecimal.class || type == double.class || type == Double.class) return "must be a number";
        return "must be " + expected(type);
    }

    /** Spring MVC's other errors (404, 405, 406, 415, 413…): the generic code of their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse error) body = error.getBody();
        if (body instanceof ProblemDetail detail && (detail.getType() == null
                || "about:blank".equals(detail.getType().toString()))) {
            String code = Problems.codeOf(statusCode);
            detail.setType(Problems.type(code));
            detail.setTitle(Problems.title(code));
            detail.setProperty("code", code);
            if (statusCode.is5xxServerError()) detail.setDetail(Problems.defaultDetail(statusCode));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        List<FieldProblem> sorted = errors.stream()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message)).toList();
        return Problems.invalid(sorted);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return (ResponseEntity) ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage()));
    }

    private static String expected(Class<?> type) {
        if (type == null) return "of another format";
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "int", "Integer", "long", "Long", "short", "Short" -> "a whole number";
            case "LocalDate" -> "a date as yyyy-mm-dd";
            case "boolean", "Boolean" -> "true or false";
            default -> type.isEnum() ? "one of the documented values" : "of another type or format";
        };
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    /** {@code seats[0].quantity}: the JSON path, without Java class names. */
    static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
