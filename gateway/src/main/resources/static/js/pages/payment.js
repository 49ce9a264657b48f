// #/orders/{id}/payment/{paymentId} — the order's lines, discounts and total, and the simulated payment processor:
// the payer accepts or rejects.
import {api} from '../api.js';
import {html, money} from '../html.js';
import {awaitConfirmed, readOrder, refundState} from '../orders.js';
import {attempt, fill, go, on, render} from '../page.js';
import {orders, payerLinks} from '../storage.js';
import {pricedTable} from './order-codes.js';

export async function paymentPage(orderId, paymentId) {
    const known = orders.get(orderId);
    // The order beside the payment: how the amount came about (its discounts, if a code was applied).
    const [{body: payment}, {body: priced}] = await Promise.all([
        api('GET', '/api/payments/payments/' + paymentId, {headers: {'Order-Access-Code': known.accessCode}}),
        readOrder('priced-orders', orderId, known.token, 10)]);
    render(html`<h1>Payment</h1>
        ${pricedTable(priced)}
        <div class="card">
            <p class="muted">Simulated payment processor — no money moves.</p>
            <p>${payment.description}</p>
            <p>Amount: <strong id="amount">${money(payment.amount)}</strong></p>
            <p>Status: <span class="status" id="payment-status">${payment.status}</span></p>
            ${payment.refund || payment.refundDue ? html`<p>Refund: <span id="payment-refund">${refundState(payment)}</span></p>` : ''}
            ${payment.status !== 'INITIATED' ? '' : payerLinks.get(paymentId)
                ? html`<button id="accept">Accept payment</button><button id="reject" class="danger">Reject payment</button>`
                : html`<p class="notice" id="no-payer-link">This browser does not hold the link to answer this payment. <a href="#/orders/${orderId}">Back to the order</a> to pay it again.</p>`}
        </div>
        <p id="payment-outcome"></p>`);
    const link = {'Processor-Secret': payerLinks.get(paymentId)};
    on('accept', 'click', () => attempt(async () => {
        document.getElementById('accept').disabled = true;
        await api('POST', `/api/payments/payment-processor/${paymentId}/accept`, {headers: link});
        fill(document.getElementById('payment-outcome'),
            html`<span class="waiting">Payment accepted; confirming your order…</span>`);
        await awaitConfirmed(orderId);
        go(`#/orders/${orderId}/thanks`);
    }));
    on('reject', 'click', () => attempt(async () => {
        await api('POST', `/api/payments/payment-processor/${paymentId}/reject`, {headers: link});
        render(html`<h1>Payment</h1><p class="notice" id="rejected">The payment was rejected. Your seats stay held until the countdown ends.</p>
            <a class="button" href="#/orders/${orderId}">Back to the order</a>`);
    }));
}
