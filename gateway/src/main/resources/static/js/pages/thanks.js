// #/orders/{id}/thanks — the confirmed order, with the access code that finds it again, its payments (and their
// refunds) and "Cancel this order"; a cancelled order says so.
import {api, Problem} from '../api.js';
import {html} from '../html.js';
import {paymentsSection, readOrder, unknownOrder} from '../orders.js';
import {attempt, fill, go, on, render} from '../page.js';
import {orders} from '../storage.js';

export async function thanksPage(orderId) {
    const known = orders.get(orderId);
    if (!known.accessCode) return unknownOrder();
    const {body: draft} = await readOrder('draft-orders', orderId, known.token, 10);
    if (draft.state === 'CANCELLED') return cancelledPage(orderId);
    const payments = await paymentsSection(orderId);
    render(html`<h1>Thank you!</h1>
        <p>Your registration for ${known.conferenceName || 'the conference'} is confirmed.
            Status: <span class="status" id="order-status">${draft.state}</span></p>
        <p>Your access code: <span class="access-code" id="access-code">${known.accessCode}</span></p>
        <p>With it and your email (${draft.registrant ? draft.registrant.email : ''}) you find the order again.</p>
        <a class="button" id="assign-seats" href="#/orders/${orderId}/seats">Assign attendees to your seats</a>
        ${payments}
        <h2>Cancel</h2>
        <p>Until the organiser's cut-off before the conference starts you may cancel: the seats go back on sale and any
            payment is refunded.</p>
        <button class="danger" id="cancel-order">Cancel this order</button>
        <div id="cancel-outcome"></div>`);
    on('cancel-order', 'click', () => attempt(() => cancel(orderId, known)));
}

async function cancel(orderId, known) {
    if (!confirm('Cancel this order? Its seats go back on sale and any payment is refunded. This cannot be undone.')) return;
    const outcome = document.getElementById('cancel-outcome');
    let answer;
    try {
        answer = await api('POST', `/api/registration/orders/${orderId}/cancel`, {headers: {'Order-Access-Code': known.accessCode}});
    } catch (e) {
        if (!(e instanceof Problem) || e.status !== 409) throw e;
        // Past the cut-off (with its deadline), or no longer confirmed: the registrant reads why, next to the button.
        // The deadline in the registrant's words and time zone (the service's detail names the order's id and the
        // instant in UTC); any other refusal in the service's own.
        const text = e.body.code === 'cancellation-cutoff-passed' && e.body.deadline
            ? `It is too late to cancel this order yourself: the deadline was ${new Date(e.body.deadline).toLocaleString()}. Ask the conference's organiser.`
            : (e.body.detail || e.body.title || 'The order cannot be cancelled.');
        fill(outcome, html`<p class="notice" id="cancel-refused">${text}</p>`);
        return;
    }
    document.getElementById('cancel-order').disabled = true;
    fill(outcome, html`<span class="waiting">Cancelling your order…</span>`);
    orders.put(orderId, {token: answer.headers.get('Consistency-Token') || known.token});
    await readOrder('draft-orders', orderId, orders.get(orderId).token, 30, o => o.state === 'CANCELLED');
    go(`#/orders/${orderId}`);
}

/** A cancelled order: its status and its payments' refunds. */
export async function cancelledPage(orderId) {
    const known = orders.get(orderId);
    const payments = await paymentsSection(orderId);
    render(html`<h1>Your order</h1>
        <p>Your order for ${known.conferenceName || 'the conference'}: <span class="status" id="order-status">CANCELLED</span></p>
        <p class="notice" id="cancelled">This order is cancelled: its seats went back on sale, and any payment is refunded.</p>
        ${payments}
        <a class="button" href="#/conferences/${known.slug || ''}">Order again</a>`);
}
