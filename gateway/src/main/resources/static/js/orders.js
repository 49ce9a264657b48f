// What the registrant's order pages share: reading an order's views with its access code, waiting for its
// confirmation, and the page for an order this tab does not know.
import {api, Problem} from './api.js';
import {html, money} from './html.js';
import {render} from './page.js';
import {readAtLeast} from './reads.js';
import {orders} from './storage.js';

/** Reads one of an order's views in the read model (`draft-orders`, `priced-orders`, `order-seats`) with its access code. */
export function readOrder(view, orderId, token, seconds, accept) {
    return readAtLeast(`/api/read/${view}/${encodeURIComponent(orderId)}`, token, seconds, accept,
        {'Order-Access-Code': orders.get(orderId).accessCode || ''});
}

/** Waits until the order is confirmed (or expired): the read model answers as the order's stream moves on. */
export async function awaitConfirmed(orderId, seconds = 60) {
    const {body: draft} = await readOrder('draft-orders', orderId, orders.get(orderId).token, seconds,
        o => o.state === 'CONFIRMED' || o.state === 'EXPIRED');
    orders.put(orderId, {token: orderId + '.' + draft.version});
    if (draft.state === 'EXPIRED') throw new Problem(409, {title: 'The order expired', detail: 'The seats were released before the order was confirmed.'});
    if (draft.state !== 'CONFIRMED') throw new Problem(504, {title: 'Still waiting', detail: 'The order is not confirmed yet; look again in a moment.'});
    return draft;
}

/** The page for an order this browser has no access code of (another tab, a shared link): find it first. */
export function unknownOrder() {
    render(html`<h1>Order</h1><p>This browser does not know this order. <a href="#/find">Find it</a> with your email and access code.</p>`);
}

/**
 * The order's payments as payments knows them, each with its refund's state (a late, second or cancelled order's
 * payment goes back). Payments learns of an order from registration's events: none yet is "no payments".
 */
export async function paymentsSection(orderId) {
    let payments = [];
    try {
        const {body} = await api('GET', `/api/payments/orders/${encodeURIComponent(orderId)}`,
            {headers: {'Order-Access-Code': orders.get(orderId).accessCode || ''}});
        payments = body.payments || [];
    } catch (e) {
        if (!(e instanceof Problem)) throw e;
        // The order is shown without them when payments cannot answer (a 404: it has not heard of the order yet)
        if (e.status !== 404) return html`<p class="muted" id="payments-unavailable">The payments cannot be shown just now.</p>`;
    }
    if (!payments.length) return '';
    return html`<h2>Payments</h2>
        <table id="payments"><thead><tr><th>Payment</th><th class="num">Amount</th><th>Status</th><th>Refund</th></tr></thead>
        <tbody>${payments.map(p => html`<tr><td><code>${p.paymentId.slice(0, 8)}</code></td><td class="num">${money(p.amount)}</td>
            <td><span class="status">${p.status}</span></td><td>${refundState(p)}</td></tr>`)}</tbody></table>`;
}

/** Where a payment's money going back stands: none, due, being refunded, refunded, or failed (operators take over). */
export function refundState(payment) {
    const r = payment.refund;
    if (!r) return payment.refundDue ? html`<span class="status">REFUND DUE</span>` : html`<span class="muted">none</span>`;
    const what = {REQUESTED: 'being refunded', COMPLETED: 'refunded', FAILED: 'refund failed: we are looking into it'}[r.state] || r.state;
    return html`<span class="status refund-${r.state.toLowerCase()}">${what}</span> ${money(r.amount)}`;
}
