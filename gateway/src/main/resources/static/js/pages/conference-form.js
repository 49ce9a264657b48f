// The details form of a conference, for creating one and for editing it.
import {api} from '../api.js';
import {html} from '../html.js';
import {form} from '../page.js';

/**
 * What the form needs to know before there is a conference: the default holds (an order's seats, a waitlist offer),
 * the registrants' cancellation cut-off and the ranges an owner may choose (Conference Management's answer, cacheable).
 */
export async function conferenceLimits() {
    const {body: limits} = await api('GET', '/api/management/conferences/limits', {cache: 'default'});
    return limits;
}

/** The fields, filled with a conference's details (none for a new one: the holds are then the defaults). */
export function conferenceFields(limits, c = {}) {
    return html`
        <label><span>Name</span><input name="name" required value="${c.name}"></label>
        <label><span>Web address (slug)</span><input name="slug" required value="${c.slug}" pattern="[a-z0-9][a-z0-9_-]*"></label>
        <label><span>Tagline</span><input name="tagline" value="${c.tagline}"></label>
        <label><span>Description</span><textarea name="description" rows="3" cols="50" required>${c.description}</textarea></label>
        <label><span>Location</span><input name="location" required value="${c.location}"></label>
        <label><span>Starts</span><input name="startDate" type="date" required value="${c.startDate}"></label>
        <label><span>Ends</span><input name="endDate" type="date" required value="${c.endDate}"></label>
        <label><span>Owner name</span><input name="ownerName" required value="${c.ownerName}"></label>
        <label><span>Owner email</span><input name="ownerEmail" type="email" required value="${c.ownerEmail}"></label>
        <label><span>Seats held for (minutes)</span><input name="reservationHoldMinutes" type="number"
            min="${limits.minReservationHoldMinutes}" max="${limits.maxReservationHoldMinutes}"
            value="${c.reservationHoldMinutes ?? limits.defaultReservationHoldMinutes}"></label>
        <label><span>Waitlist offers held for (hours)</span><input name="offerHoldHours" type="number"
            min="${limits.minOfferHoldHours}" max="${limits.maxOfferHoldHours}"
            value="${c.offerHoldHours ?? limits.defaultOfferHoldHours}"></label>
        <label><span>Registrants may cancel until (days before the start)</span><input name="cancellationCutoffDays" type="number"
            min="${limits.minCancellationCutoffDays}" max="${limits.maxCancellationCutoffDays}"
            value="${c.cancellationCutoffDays ?? limits.defaultCancellationCutoffDays}"></label>`;
}

/** The form's details as the API takes them (a hold left empty: the conference's default). */
export function conferenceBody(id) {
    const values = form(id);
    return {...values, reservationHoldMinutes: wholeOrDefault(values.reservationHoldMinutes),
        offerHoldHours: wholeOrDefault(values.offerHoldHours),
        cancellationCutoffDays: wholeOrDefault(values.cancellationCutoffDays)};
}

/** A number field's value as a number; empty means the default (null). */
function wholeOrDefault(value) {
    return value ? Number(value) : null;
}
