// #/find — an order found again with its registrant's email and its access code.
import {api} from '../api.js';
import {html} from '../html.js';
import {attempt, form, go, on, render} from '../page.js';
import {orders} from '../storage.js';

export async function findPage() {
    render(html`<h1>Find my order</h1>
        <form id="find-form">
            <label><span>Email</span><input name="email" type="email" required></label>
            <label><span>Access code</span><input name="accessCode" required></label>
            <button type="submit" id="find">Find</button>
        </form>`);
    on('find-form', 'submit', () => attempt(async () => {
        const {email, accessCode} = form('find-form');
        // In the body: a URL with the code would stay in logs and the browser's history.
        const {body: draft} = await api('POST', '/api/read/draft-orders/lookup', {body: {email: email.trim(), accessCode: accessCode.trim()}});
        orders.put(draft.orderId, {accessCode: accessCode.trim(), token: draft.orderId + '.' + draft.version, conferenceId: draft.conferenceId});
        go(draft.state === 'CONFIRMED' ? `#/orders/${draft.orderId}/seats` : `#/orders/${draft.orderId}`);
    }));
}
