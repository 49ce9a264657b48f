package dev.seatbooking.notifications.mail;

import java.util.Locale;

/** Who a mail goes to, as one person: the address mailboxes deliver it to, whatever its case or "+tag". */
public final class Recipients {

    private Recipients() {
    }

    /** As column {@code mails.recipient_key} computes it (V7): lower case, without a "+tag" before the "@". */
    public static String key(String email) {
        return email.toLowerCase(Locale.ROOT).replaceFirst("\\+[^@]*@", "@");
    }
}
