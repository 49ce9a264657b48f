// The order page's "wait for the missing seats": an order reserved short of what it asked for puts the seats it did
// not get on the waitlist in one step (an entry per seat type, one code for them all); the order keeps what it holds.
import {api} from '../api.js';
import {html} from '../html.js';
import {attempt, form, go, on} from '../page.js';
import {orders, waitlists} from '../storage.js';

/** The form (name, email), or the way to the places already taken from this tab. */
export function missingSeatsSection(known) {
    if (known.waitlistEntry) {
        return html`<p class="card">The missing seats are on the waitlist: <a id="missing-seats-waitlist" href="#/waitlist/${known.waitlistEntry}">your place</a>.</p>`;
    }
    return html`<form id="waitlist-missing-form" class="card">
        <h2>Wait for the missing seats</h2>
        <p class="muted">Put the seats we could not reserve on the waitlist: seats that come back are offered to the people
            waiting, in the order they joined, and an offer becomes an order of its own. This order keeps the seats above.</p>
        <label><span>Name</span><input name="name" required maxlength="200" autocomplete="name"></label>
        <label><span>Email</span><input name="email" type="email" required autocomplete="email"></label>
        <button type="submit" id="waitlist-missing">Put the missing seats on the waitlist</button>
    </form>`;
}

export function wireMissingSeats(orderId, known) {
    on('waitlist-missing-form', 'submit', () => attempt(async () => {
        const {name, email} = form('waitlist-missing-form');
        const {body: waitlisted} = await api('POST', `/api/registration/orders/${encodeURIComponent(orderId)}/waitlist`,
            {body: {name: name.trim(), email: email.trim()}, headers: {'Order-Access-Code': known.accessCode}});
        const entryId = waitlisted.entries[0].entryId;
        waitlists.put(entryId, {accessCode: waitlisted.accessCode, group: waitlisted.entries.map(e => e.entryId),
            conferenceId: known.conferenceId, slug: known.slug, conferenceName: known.conferenceName,
            seatTypes: (known.seatTypes || []).map(s => ({id: s.id, name: s.name})), fromOrder: orderId});
        orders.put(orderId, {waitlistEntry: entryId});
        go('#/waitlist/' + entryId);
    }));
}
