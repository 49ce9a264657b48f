package dev.seatbooking.conference.access;

import dev.seatbooking.conference.domain.AccessCode;

final class AccessCodeTestData {

    private AccessCodeTestData() {
    }

    /** The code with its last character changed: as close to right as a guess gets. */
    static String wrongCode(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    static String randomCode() {
        return AccessCode.generate();
    }
}
