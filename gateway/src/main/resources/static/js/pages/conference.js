// #/conferences/{slug} — a conference's seat types, prices and seats left; registering places an order (with a
// promotional code, if one is typed).
import {api, Problem, uuid} from '../api.js';
import {html, money} from '../html.js';
import {attempt, form, go, on, render} from '../page.js';
import {readAtLeast} from '../reads.js';
import {conferenceTokens, orders} from '../storage.js';

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
                        <td><strong>${s.name}</strong><br><span class="muted">${s.description}</span></td>
                        <td class="num">${money(s.price)}</td>
                        <td class="num available">${s.availableQuantity}</td>
                        <td class="num"><input type="number" min="0" max="${limits.maxSeatsPerSeatType}" value="0" name="${s.id}" aria-label="Quantity of ${s.name}"></td>
                    </tr>`)}
                </tbody>
            </table>
            <label><span>Promotional code (optional)</span><input name="promotionalCode" id="placement-code" autocomplete="off"></label>
            <button type="submit" id="register">Register</button>
        </form>`);
    on('order-form', 'submit', () => attempt(async () => {
        const {promotionalCode, ...quantities} = form('order-form');
        const seats = Object.entries(quantities)
            .map(([seatTypeId, quantity]) => ({seatTypeId, quantity: Number(quantity)}))
            .filter(s => s.quantity > 0);
        if (!seats.length) throw new Problem(400, {title: 'No seats chosen', detail: 'Choose how many seats of at least one type.'});
        const orderId = uuid();
        const answer = await api('POST', `/api/registration/conferences/${encodeURIComponent(c.id)}/orders`, {body: {orderId, seats, ...placementCodes(promotionalCode)}});
        orders.put(orderId, {accessCode: answer.body.accessCode, token: answer.headers.get('Consistency-Token'),
            justPlaced: true, conferenceId: c.id, slug: c.slug, conferenceName: c.name, seatTypes: c.seatTypes});
        go('#/orders/' + orderId);
    }));
}

/** A code typed with the placement is applied with it (a refused code places nothing: the problem says why). */
function placementCodes(code) {
    const text = (code || '').trim();
    return text ? {promotionalCodes: [text]} : {};
}
