// #/orders/{id} — the order as it goes: waiting for the reservation, the hold's countdown, the choice after a partial
// reservation (and the missing seats put on the waitlist), the priced order with its promotional codes and the
// registrant's details; then confirmation (free, also after a 100 % code) or payment of the total after discounts.
import {api, sendUntilTaken, uuid} from '../api.js';
import {html} from '../html.js';
import {awaitConfirmed, readOrder, unknownOrder} from '../orders.js';
import {attempt, countdown, form, go, on, render} from '../page.js';
import {nextVersion} from '../reads.js';
import {orders, payerLinks} from '../storage.js';
import {orderCodesSection, pricedTable, wireOrderCodes} from './order-codes.js';
import {cancelledPage} from './thanks.js';
import {missingSeatsSection, wireMissingSeats} from './order-waitlist.js';

// What the registrant typed before applying or removing a code, for the page shown again after it (this tab only).
const typedRegistrants = new Map();

export async function orderPage(orderId) {
    const known = orders.get(orderId);
    if (!known.accessCode) return unknownOrder();
    render(html`<h1>Your order</h1><p class="waiting" id="reserving">Reserving your seats…</p>`);
    // Wait for the reservation. Just placed, the order is pending at the placement's version: ask for the next one at
    // once rather than read the pending order first.
    const token = known.justPlaced ? nextVersion(known.token) : known.token;
    const {body: draft} = await readOrder('draft-orders', orderId, token, 60, o => o.state !== 'PENDING_RESERVATION');
    orders.put(orderId, {token: orderId + '.' + draft.version, justPlaced: false});
    if (draft.state === 'CONFIRMED') return go(`#/orders/${orderId}/thanks`);
    if (draft.state === 'CANCELLED') return cancelledPage(orderId);
    if (draft.state === 'EXPIRED') {
        render(html`<h1>Your order</h1><p class="notice">The seats were held until ${new Date(draft.reservationExpiration).toLocaleTimeString()}; the hold is over and they were released.</p>
            <a class="button" href="#/conferences/${known.slug || ''}">Start again</a>`);
        return;
    }
    if (draft.state === 'PENDING_RESERVATION') {
        render(html`<h1>Your order</h1><p>Your seats are still being reserved. <a href="#/orders/${orderId}">Look again</a></p>`);
        return;
    }
    const partial = draft.state === 'PARTIALLY_RESERVED' && !known.acceptedPartial;
    const seatsTable = html`<table id="reserved-seats"><thead><tr><th>Seat type</th><th class="num">Asked for</th><th class="num">Reserved</th></tr></thead>
        <tbody>${draft.lines.map(l => html`<tr><td>${seatName(known, l.seatTypeId)}</td><td class="num">${l.requested}</td><td class="num">${l.reserved}</td></tr>`)}</tbody></table>`;
    const hold = html`<p>Your seats are held for <span class="countdown" id="countdown"></span> (until ${new Date(draft.reservationExpiration).toLocaleTimeString()}).</p>`;
    if (partial) {
        render(html`<h1>Your order</h1>
            <p class="notice" id="partial">Not every seat you asked for was available. We reserved what was left.</p>
            ${seatsTable}${hold}
            <button id="accept-partial">Continue with the seats reserved</button>
            <a class="button secondary" href="#/conferences/${known.slug || ''}">Start a new order instead</a>
            ${missingSeatsSection(known)}`);
        countdown('countdown', draft.reservationExpiration, 'the hold is over');
        on('accept-partial', 'click', () => { orders.put(orderId, {acceptedPartial: true}); go(location.hash); });
        wireMissingSeats(orderId, known);
        return;
    }
    const {body: priced} = await readOrder('priced-orders', orderId, orders.get(orderId).token, 30);
    const registrant = typedRegistrants.get(orderId) || draft.registrant || {};
    typedRegistrants.delete(orderId);
    render(html`<h1>Your order</h1>
        <p>${known.conferenceName || ''}</p>
        ${hold}
        ${pricedTable(priced)}
        ${orderCodesSection(priced)}
        <h2>Registrant</h2>
        <form id="registrant-form">
            <label><span>First name</span><input name="firstName" required value="${registrant.firstName}"></label>
            <label><span>Last name</span><input name="lastName" required value="${registrant.lastName}"></label>
            <label><span>Email</span><input name="email" type="email" required value="${registrant.email}"></label>
            <button type="submit" id="continue">${priced.isFreeOfCharge ? 'Confirm the registration' : 'Proceed to payment'}</button>
        </form>`);
    countdown('countdown', draft.reservationExpiration, 'the hold is over');
    wireOrderCodes(orderId, priced, () => {
        typedRegistrants.set(orderId, form('registrant-form'));
        go(location.hash);
    });
    on('registrant-form', 'submit', () => attempt(async () => {
        const access = {'Order-Access-Code': known.accessCode};
        const assigned = await api('PUT', `/api/registration/orders/${orderId}/registrant`, {body: form('registrant-form'), headers: access});
        orders.put(orderId, {token: assigned.headers.get('Consistency-Token')});
        if (priced.isFreeOfCharge) {
            const confirmed = await api('POST', `/api/registration/orders/${orderId}/confirmation`, {headers: access});
            orders.put(orderId, {token: confirmed.headers.get('Consistency-Token')});
            await awaitConfirmed(orderId);
            return go(`#/orders/${orderId}/thanks`);
        }
        const paymentId = uuid();
        const {body: payment} = await startPayment(paymentId, orderId, priced, known);
        // The processor's link for the payer carries a secret that only this answer shows: keep it for the answer.
        if (payment.payerUrl) payerLinks.put(paymentId, new URL(payment.payerUrl, location.href).searchParams.get('secret'));
        go(`#/orders/${orderId}/payment/${paymentId}`);
    }));
}

function seatName(order, seatTypeId) {
    const type = (order.seatTypes || []).find(s => s.id === seatTypeId);
    return type ? type.name : seatTypeId;
}

async function startPayment(paymentId, orderId, priced, known) {
    const body = {paymentId, orderId, conferenceId: priced.conferenceId,
        description: `${known.conferenceName || 'Conference'}: order ${orderId.slice(0, 8)}`,
        amount: {amount: priced.total.amount, currency: priced.total.currency}};
    // Payments learns of the order from registration's events: right after the order was priced it may not yet. A 503
    // with Retry-After (the processor did not take the payment, or payments' database is away) is asked again when it
    // says, with the same payment id: a repeat, which hands the payment to the processor.
    return sendUntilTaken(() => api('POST', '/api/payments/payments', {body, headers: {'Order-Access-Code': known.accessCode}}),
        {alsoAgain: problem => problem.status === 404});
}
