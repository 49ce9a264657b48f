// The "Refunds" section of a conference's orders page, for its owner: every refund payments requested for the
// conference (a late or second payment, a cancelled order), newest first, with its state, attempts and last error,
// as Conference Management last heard of it from payments' events.
import {api} from '../api.js';
import {html, money, scrollable} from '../html.js';
import {attempt, fill, on, redraw} from '../page.js';
import {lookAgain} from '../reads.js';

/** How long the section looks again for what it waits for: what has not come by then may never come. */
const LOOK_FOR_SECONDS = 120;

/**
 * The section's place on the page, a region that scrolls sideways on a phone, which `showRefunds` fills; under it, a
 * polite live region that says when it stopped looking.
 */
export const refundsPlace = html`<h2>Refunds</h2>${scrollable('Refunds', html``, 'refunds-section')}
    <p id="refunds-stopped" aria-live="polite"></p>`;

/**
 * Shows the conference's refunds, and looks again every 2 s while one is still on its way — requested, or failed with
 * a retry to come — or while a cancelled order of a paid total has no refund listed yet (payments requests it once
 * registration's OrderCancelled reaches it). Only a changed list is redrawn, the region and its focus kept. After two
 * minutes it stops (a refund that payments never requests would be looked for forever) and says so, with a
 * "Look again" button that starts anew.
 */
export async function showRefunds(id, auth, orderList) {
    const read = async () => (await api('GET', `/api/management/conferences/${id}/refunds`, {headers: auth})).body;
    const place = () => document.getElementById('refunds-section');
    await lookAgain(read, 2, refunds => redraw(place(), table(refunds)), refunds => pending(refunds, orderList),
        {forAtMost: LOOK_FOR_SECONDS, stopped: () => stopped(id, auth, orderList)});
}

/** Says that the section no longer looks, and offers to look again (the focus then goes to the refunds' region). */
function stopped(id, auth, orderList) {
    const note = document.getElementById('refunds-stopped');
    if (!note) return;
    fill(note, html`No longer looked at again: after ${LOOK_FOR_SECONDS / 60} minutes, a refund is still on its way or a cancelled order has
        none listed yet. <button class="secondary" id="refunds-look-again">Look again</button>`);
    on('refunds-look-again', 'click', () => attempt(async () => {
        fill(note, html``);
        document.getElementById('refunds-section').focus();
        await showRefunds(id, auth, orderList);
    }));
}

function pending(refunds, orderList) {
    const onTheirWay = refunds.some(r => r.state === 'REQUESTED' || (r.state === 'FAILED' && r.willRetry));
    const awaited = orderList.some(o => o.status === 'CANCELLED' && o.total && Number(o.total.amount) > 0
        && !refunds.some(r => r.orderId === o.orderId));
    return onTheirWay || awaited;
}

function table(refunds) {
    return html`<table id="refunds"><thead><tr><th>Requested</th><th>Order</th><th class="num">Amount</th><th>Reason</th>
        <th>State</th><th class="num">Attempts</th><th>Last error</th><th>Completed</th></tr></thead>
        <tbody>${refunds.length ? refunds.map(r => html`<tr id="refund-${r.refundId}">
            <td>${when(r.requestedAt)}</td><td>${order(r)}</td><td class="num">${money(r.amount)}</td>
            <td>${REASONS[r.reason] ?? html`<span class="muted">not known yet</span>`}</td>
            <td><span class="status">${state(r)}</span></td><td class="num">${r.attempts}</td>
            <td>${r.lastError ?? ''}</td><td>${when(r.completedAt)}</td></tr>`)
            : html`<tr><td colspan="8">No refunds.</td></tr>`}</tbody></table>`;
}

const REASONS = {
    ORDER_EXPIRED: 'paid after the order expired',
    ORDER_ALREADY_PAID: 'a second payment of the order',
    ORDER_CANCELLED: 'order cancelled',
};

function state(r) {
    if (r.state !== 'FAILED') return r.state;
    return r.willRetry ? 'FAILED (will retry)' : 'FAILED (given up)';
}

function order(r) {
    if (!r.orderId) return html`<span class="muted">none</span>`;
    const who = r.registrant ? r.registrant.firstName + ' ' + r.registrant.lastName + ' <' + r.registrant.email + '>' : '';
    return html`<code>${r.orderId.substring(0, 8)}</code>${who ? html`<br>${who}` : ''}`;
}

function when(instant) {
    return instant ? new Date(instant).toLocaleString() : '';
}
