// #/conferences/{slug} — a conference's seat types, prices and seats left; registering places an order (with a
// promotional code, if one is typed); a sold-out seat type can be waited for (joining its waitlist).
import {api, Problem, sendUntilTaken, uuid} from '../api.js';
import {html, money} from '../html.js';
import {attempt, form, go, on, render} from '../page.js';
import {readAtLeast} from '../reads.js';
import {conferenceTokens, orders, waitlists} from '../storage.js';

export async function conferencePage(slug) {
    // After an organiser published it from this browser: wait for the read model to show that publication.
    const [{body: c}, {body: limits}] = await Promise.all([
        readAtLeast('/api/read/conferences/' + encodeURIComponent(slug), conferenceTokens.get(slug), 30),
        api('GET', '/api/registration/orders/limits', {cache: 'default'})]);
    render(html`<h1>${c.name}</h1>
        <p><em>${c.tagline || ''}</em></p>
        <p>${c.description}</p>
        <p class="muted">${c.location} · ${c.startDate} – ${c.endDate}</p>
        <form id="order-form">
            <table>
                <thead><tr><th>Seat type</th><th class="num">Price</th><th class="num">Available</th><th class="num">Quantity</th></tr></thead>
                <tbody>${c.seatTypes.map(s => html`
                    <tr>
                        <td><strong>${s.name}</strong><br><span class="muted">${s.description}</span>${soldOut(s) ? html`<br><span class="sold-out">Sold out: join the waitlist below</span>` : ''}${s.waitlisted
                            ? html`<br><span class="waitlisted">People are waiting for this seat type: seats that come back go to them first.</span>` : ''}</td>
                        <td class="num">${money(s.price)}</td>
                        <td class="num available">${s.availableQuantity}</td>
                        <td class="num"><input type="number" min="0" max="${limits.maxSeatsPerSeatType}" value="0" name="${s.id}" aria-label="Quantity of ${s.name}"></td>
                    </tr>`)}
                </tbody>
            </table>
            <label><span>Promotional code (optional)</span><input name="promotionalCode" id="placement-code" autocomplete="off"></label>
            <button type="submit" id="register">Register</button>
        </form>
        ${waitlistForm(c, limits)}`);
    on('order-form', 'submit', () => attempt(async () => {
        const {promotionalCode, ...quantities} = form('order-form');
        const seats = Object.entries(quantities)
            .map(([seatTypeId, quantity]) => ({seatTypeId, quantity: Number(quantity)}))
            .filter(s => s.quantity > 0);
        if (!seats.length) throw new Problem(400, {title: 'No seats chosen', detail: 'Choose how many seats of at least one type.'});
        const orderId = uuid();
        // Registration stopping for a moment (a new version, a restart) answers 503 and when to come back: the same
        // order again, which it places once.
        const answer = withAccessCode(await sendUntilTaken(() => api('POST',
            `/api/registration/conferences/${encodeURIComponent(c.id)}/orders`, {body: {orderId, seats, ...placementCodes(promotionalCode)}})),
            'the first order lapses unpaid and its seats come back.');
        orders.put(orderId, {accessCode: answer.body.accessCode, token: answer.headers.get('Consistency-Token'),
            justPlaced: true, conferenceId: c.id, slug: c.slug, conferenceName: c.name, seatTypes: c.seatTypes});
        go('#/orders/' + orderId);
    }));
    on('waitlist-form', 'submit', () => attempt(() => joinWaitlist(c)));
}

/**
 * Nothing available as the read model has it, or people waiting (then Registration sells none: they come first). The
 * count can lag (a new seat type shows 0 until Registration has added its seats), so the quantity stays open: an
 * order of a sold-out type is reserved as far as it can be.
 */
function soldOut(seatType) {
    return seatType.availableQuantity <= 0 || seatType.waitlisted === true;
}

/** Joining the waitlist of a sold-out seat type (none sold out: nothing). */
function waitlistForm(c, limits) {
    const types = c.seatTypes.filter(soldOut);
    if (!types.length) return html``;
    return html`<section id="waitlist" class="card">
        <h2>Sold out? Join the waitlist</h2>
        <p class="muted">Seats that come back (an order that was not paid in time, seats the organiser adds) are offered
            to the people waiting, in the order they joined, before anyone else. An offer holds its seats for you for a
            while; your waitlist page shows it.</p>
        <form id="waitlist-form">
            <label><span>Seat type</span><select name="seatTypeId">${types.map(s => html`<option value="${s.id}">${s.name}</option>`)}</select></label>
            <label><span>Seats</span><input name="quantity" type="number" min="1" max="${limits.maxSeatsPerSeatType}" value="1" required></label>
            <label><span>Name</span><input name="name" required maxlength="200" autocomplete="name"></label>
            <label><span>Email</span><input name="email" type="email" required autocomplete="email"></label>
            <button type="submit" id="join-waitlist">Join the waitlist</button>
        </form>
    </section>`;
}

/** Joins the waitlist with the form's details; the code it answers opens the entry's page (kept in this tab). */
async function joinWaitlist(c) {
    const {seatTypeId, quantity, name, email} = form('waitlist-form');
    const entryId = uuid();
    const {body: joined} = withAccessCode(await sendUntilTaken(() => api('POST',
        `/api/registration/conferences/${encodeURIComponent(c.id)}/waitlist`,
        {body: {entryId, seatTypeId, quantity: Number(quantity), name: name.trim(), email: email.trim()}})),
        'the first entry waits on, but this browser cannot follow it.');
    waitlists.put(entryId, {accessCode: joined.accessCode, group: [entryId], conferenceId: c.id, slug: c.slug,
        conferenceName: c.name, seatTypes: c.seatTypes.map(s => ({id: s.id, name: s.name}))});
    go('#/waitlist/' + entryId);
}

/**
 * The answer, which carries the access code the new order or entry opens with. Registration answers a repeat without
 * it (anyone may send an id again), so a request it took although it answered 503 (its database went away just as it
 * committed) comes back without a code: all the registrant can do is send it again, and `lapses` says what becomes
 * of the first.
 */
function withAccessCode(answer, lapses) {
    if (answer.body && answer.body.accessCode) return answer;
    throw new Problem(503, {title: 'Taken, but the answer was lost',
        detail: 'Registration took this although it answered that it could not, and the answer, with the access code, '
            + 'was lost on the way. Please send it again: ' + lapses});
}

/** A code typed with the placement is applied with it (a refused code places nothing: the problem says why). */
function placementCodes(code) {
    const text = (code || '').trim();
    return text ? {promotionalCodes: [text]} : {};
}
