package dev.seatbooking.contracts;

/**
 * The platform's one rule for an email address, for every service's edge (no validation framework needed): what a
 * registrant or owner types into a form, not all that RFC 5322 allows.
 * <ul>
 *   <li>at most {@value #MAX_LENGTH} characters, no control character (below U+0020, U+007F, U+0080–U+009F) and
 *   no white space anywhere;</li>
 *   <li>one {@code @}; before it, 1 to 64 characters: dot-separated words of letters, digits and
 *   {@code !#$%&'*+/=?^_`{|}~-} (no quoted forms, no leading, trailing or doubled dot);</li>
 *   <li>after it, a domain of at least two dot-separated labels, each 1 to 63 letters, digits or hyphens (not at
 *   either end), the last one (the top-level domain) of 2 or more letters, or an IDN one in its {@code xn--} form.
 *   Letters may be any script's, so internationalised addresses pass.</li>
 * </ul>
 * So {@code a@b}, {@code william@invalid} and {@code ada@example.c} are refused, {@code zoe.o+conf@mail.example.co.uk}
 * is not.
 */
public final class EmailAddress {

    /** The longest address that fits in SMTP's forward path (RFC 5321). */
    public static final int MAX_LENGTH = 254;

    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_LABEL = 63;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    private EmailAddress() {
    }

    public static boolean isValid(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) return false;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) return false;
        }
        int at = address.indexOf('@');
        if (at != address.lastIndexOf('@')) return false;
        return at > 0 && validLocalPart(address.substring(0, at)) && validDomain(address.substring(at + 1));
    }

    private static boolean validLocalPart(String local) {
        if (local.length() > MAX_LOCAL_PART) return false;
        for (String word : local.split("\\.", -1)) {
            if (word.isEmpty()) return false;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (!Character.isLetterOrDigit(c) && LOCAL_SPECIALS.indexOf(c) < 0) return false;
            }
        }
        return true;
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) return false;
        for (String label : labels) {
            if (!validLabel(label)) return false;
        }
        return validTopLevel(labels[labels.length - 1]);
    }

    private static boolean validLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL) return false;
        if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') return false;
        return label.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-');
    }

    private static boolean validTopLevel(String label) {
        if (label.regionMatches(true, 0, "xn--", 0, 4)) return label.length() > 4;
        return label.length() >= 2 && label.chars().allMatch(Character::isLetter);
    }
}
