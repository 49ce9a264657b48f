package dev.seatbooking.conference.promotion;

import java.util.UUID;

/** A code's uses (kept from registration's events), for the rule that a usage limit never goes below them. */
public interface CodeUsesLookup {

    CodeUses usesOf(UUID codeId);
}
