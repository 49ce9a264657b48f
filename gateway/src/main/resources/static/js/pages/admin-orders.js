// #/admin/conferences/{id}/orders — a conference's orders, attendees and refunds, for its owner. The orders table
// scrolls in its region rather than break a word; on a phone it is stacked (class "stacked": an order a block of
// "label: value" lines, app.css) and the refunds scroll.
import {api} from '../api.js';
import {html, money, scrollable} from '../html.js';
import {attempt, go, on, redraw, render} from '../page.js';
import {lookAgain} from '../reads.js';
import {owners} from '../storage.js';
import {refundsPlace, showRefunds} from './admin-refunds.js';

// How long a cancellation's outcome is looked for: it takes seconds; a page does not read the write side forever.
const FOLLOW_SECONDS = 120;

export async function adminOrders(id) {
    if (!owners.get(id)) return go('#/admin');
    const auth = owners.auth(id);
    const [{body: orderList}, {body: attendees}] = await Promise.all([
        api('GET', `/api/management/conferences/${id}/orders`, {headers: auth}),
        api('GET', `/api/management/conferences/${id}/attendees`, {headers: auth})]);
    render(html`<h1>Orders, attendees and refunds</h1><a href="#/admin/conferences/${id}">Back to the conference</a>
        <h2>Orders</h2>
        ${scrollable('Orders', html`<table id="orders" class="stacked"><thead><tr><th>Placed</th><th>Registrant</th><th>Seats</th><th class="num">Total</th><th>Status</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${orderList.length ? orderList.map(o => html`<tr><td data-label="Placed">${new Date(o.placedAt).toLocaleString()}</td>
            <td data-label="Registrant">${o.registrant ? o.registrant.firstName + ' ' + o.registrant.lastName + ' <' + o.registrant.email + '>' : html`<span class="muted">not given yet</span>`}</td>
            <td data-label="Seats">${o.seats.map((s, i) => html`${i ? html`<br>` : ''}${s.quantity + ' × ' + s.description}`)}</td>
            <td class="num" data-label="Total">${money(o.total)}${discountLines(o)}</td><td data-label="Status"><span class="status" id="status-${o.orderId}" aria-live="polite">${o.status}</span></td>
            <td class="actions">${o.status === 'CONFIRMED' ? html`<button class="danger" id="cancel-${o.orderId}">Cancel</button>` : ''}</td></tr>`)
            : html`<tr><td colspan="6">No orders yet.</td></tr>`}</tbody></table>`)}
        <h2>Attendees</h2>
        <table id="attendees"><thead><tr><th>Seat type</th><th>Name</th><th>Email</th></tr></thead>
        <tbody id="attendee-rows">${attendeeRows(attendees)}</tbody></table>
        ${refundsPlace}`);
    for (const o of orderList.filter(o => o.status === 'CONFIRMED')) {
        on('cancel-' + o.orderId, 'click', () => attempt(() => cancel(id, o, auth, orderList)));
    }
    await showRefunds(id, auth, orderList);
}

/** The attendees' rows: who sits in each assigned seat. One html`` (page.js redraw takes nothing else, not an array). */
function attendeeRows(attendees) {
    return attendees.length ? html`${attendees.map(a => html`<tr><td>${a.seatTypeName}</td><td>${a.firstName + ' ' + a.lastName}</td><td>${a.email}</td></tr>`)}`
        : html`<tr><td colspan="3">No attendees assigned yet.</td></tr>`;
}

/** Under an order's total (after discounts): what each promotional code took off which seat type. */
function discountLines(o) {
    return (o.discounts || []).map(d => html`<small class="muted discount">−${money(d.amount)} <code>${d.code}</code>
        on ${(o.seats.find(s => s.seatTypeId === d.seatTypeId) || {description: 'a seat type'}).description}</small>`);
}

/**
 * The owner cancels at any time (no cut-off): registration does it asynchronously (202), and this list shows
 * CANCELLED once registration's OrderCancelled reached conference management — until then, "CANCELLING…". The Cancel
 * button goes: the focus moves to the order's status (a polite live region, so the change is heard), and the row's
 * status alone is redrawn, the page staying as it is. Then, side by side, the order's attendees are followed until they
 * have left the list (registration unassigns the seats with the cancellation) and the refunds for the order's refund.
 * Nothing of ours to wait for with a token: each looks again seconds apart, for two minutes at most.
 */
async function cancel(id, order, auth, orderList) {
    if (!confirm('Cancel this order? Its seats go back on sale (to the waitlist first), its payment is refunded and the registrant is told by email.')) return;
    await api('POST', `/api/management/conferences/${id}/orders/${order.orderId}/cancel`, {headers: auth});
    const status = document.getElementById('status-' + order.orderId);
    status.tabIndex = -1;
    status.focus();
    document.getElementById('cancel-' + order.orderId).remove();
    const read = async () => (await api('GET', `/api/management/conferences/${id}/orders`, {headers: auth}))
        .body.find(o => o.orderId === order.orderId)?.status;
    await Promise.all([
        lookAgain(read, 2, s => redraw(status, s === 'CANCELLED' ? html`CANCELLED` : html`CANCELLING…`), s => s !== 'CANCELLED',
            {forAtMost: FOLLOW_SECONDS, stopped: () => redraw(status, html`CANCELLING… (reload the page to look again)`)}),
        followAttendees(id, auth, order.orderId),
        showRefunds(id, auth, orderList.map(o => o.orderId === order.orderId ? {...o, status: 'CANCELLED'} : o))]);
}

/** Redraws the attendees' rows until none of a cancelled order is listed. */
async function followAttendees(id, auth, orderId) {
    const read = async () => (await api('GET', `/api/management/conferences/${id}/attendees`, {headers: auth})).body;
    await lookAgain(read, 2, attendees => redraw(document.getElementById('attendee-rows'), attendeeRows(attendees)),
        attendees => attendees.some(a => a.orderId === orderId), {forAtMost: FOLLOW_SECONDS});
}
