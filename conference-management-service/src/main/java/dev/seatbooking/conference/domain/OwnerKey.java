package dev.seatbooking.conference.domain;

import java.util.UUID;

/** What checking an owner's credentials needs of a conference, and nothing more. */
public record OwnerKey(UUID conferenceId, String ownerEmail, byte[] accessCodeHash) {
}
