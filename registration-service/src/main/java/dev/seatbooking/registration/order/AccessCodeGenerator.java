package dev.seatbooking.registration.order;

import java.security.SecureRandom;

/**
 * Makes the access code that, with the registrant's email, finds an order again (the book's record locator). A
 * parameter of the decision rather than a static, so that tests can give a known code.
 */
@FunctionalInterface
public interface AccessCodeGenerator {

    String next();

    /**
     * Ten characters from 32 that cannot be mistaken for one another (no 0/O, 1/I): 50 bits, where the book's six
     * characters left orders open to guessing.
     */
    static AccessCodeGenerator secureRandom() {
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return () -> {
            char[] code = new char[10];
            for (int i = 0; i < code.length; i++) code[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            return new String(code);
        };
    }
}
