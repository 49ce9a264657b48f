// The "Waitlist" section of a conference's owner page: per seat type, the people waiting (or holding an offer), the
// seats they still wait for, the seats offered to them, the revenue they represent, and "Add seats": the seat type's
// quantity raised through the seat type update, after which Registration offers the new seats to the waitlist first.
import {html, money, scrollable} from '../html.js';
import {attempt, on} from '../page.js';

/** The section's HTML for conference `c` and its waitlist view (as Conference Management last heard of it). */
export function waitlistSection(c, waitlist) {
    const anyone = waitlist.seatTypes.some(w => w.people > 0);
    return html`<h2>Waitlist</h2>
        <p class="muted">${anyone ? 'Seats that come back or that you add go to these people first, in the order they joined.'
            : 'Nobody is waiting for a seat.'}</p>
        ${scrollable('Waitlist', html`<table id="waitlist"><thead><tr><th>Seat type</th><th class="num">People</th><th class="num">Seats wanted</th>
            <th class="num">Seats offered</th><th class="num">Revenue</th><th></th></tr></thead>
        <tbody>${waitlist.seatTypes.map(w => html`<tr id="waitlist-${w.seatTypeId}">
            <td>${w.name}</td><td class="num people">${w.people}</td><td class="num">${w.seatsWanted}</td>
            <td class="num">${w.seatsOffered}</td><td class="num revenue">${money(w.revenue)}</td>
            <td>${w.seatsWanted > 0 && seatType(c, w) ? html`<input type="number" min="1" value="${w.seatsWanted}" id="add-${w.seatTypeId}"
                    aria-label="Seats to add to ${w.name}"> <button class="secondary" id="add-seats-${w.seatTypeId}">Add seats</button>` : ''}</td>
        </tr>`)}</tbody></table>`)}`;
}

/** Wires "Add seats": the seat type's quantity raised by the number typed; `reload` shows the page again. */
export function wireWaitlist(c, waitlist, saveQuantity, reload) {
    for (const w of waitlist.seatTypes) {
        on('add-seats-' + w.seatTypeId, 'click', () => attempt(async () => {
            const type = seatType(c, w);
            await saveQuantity(type, type.quantity + Number(document.getElementById('add-' + w.seatTypeId).value));
            await reload();
        }));
    }
}

function seatType(c, w) {
    return c.seatTypes.find(s => s.id === w.seatTypeId);
}
