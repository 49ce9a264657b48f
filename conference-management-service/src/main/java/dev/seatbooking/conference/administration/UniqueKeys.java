package dev.seatbooking.conference.administration;

import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Makes a unique key that a concurrent transaction took a rejection, rather than an error at commit: the checks
 * before a change cannot see uncommitted rows, so the database is the backstop.
 */
final class UniqueKeys {

    private UniqueKeys() {
    }

    /**
     * Flushes the repository's changes now.
     *
     * @param rejections by constraint name, the rejection its violation means; a violation of any other is rethrown
     */
    static void flush(JpaRepository<?, ?> repository, Map<String, Supplier<? extends RuntimeException>> rejections) {
        try {
            repository.flush();
        } catch (DataIntegrityViolationException e) {
            String constraint = e.getCause() instanceof ConstraintViolationException c ? c.getConstraintName() : null;
            Supplier<? extends RuntimeException> rejection = constraint == null ? null : rejections.get(constraint);
            if (rejection != null) throw rejection.get();
            throw e;
        }
    }
}
