// #/find — an order found again with its registrant's email and its access code; a place on a waitlist with its
// number and code.
import {api} from '../api.js';
import {html} from '../html.js';
import {attempt, form, go, on, render} from '../page.js';
import {orders, waitlists} from '../storage.js';

export async function findPage() {
    render(html`<h1>Find my order</h1>
        <form id="find-form">
            <label><span>Email</span><input name="email" type="email" required></label>
            <label><span>Access code</span><input name="accessCode" required></label>
            <button type="submit" id="find">Find</button>
        </form>
        <h2>Find my place on a waitlist</h2>
        <form id="find-waitlist-form">
            <label><span>Waitlist number</span><input name="entryId" required></label>
            <label><span>Waitlist code</span><input name="code" required></label>
            <button type="submit" id="find-waitlist">Find</button>
        </form>`);
    on('find-form', 'submit', () => attempt(async () => {
        const {email, accessCode} = form('find-form');
        // In the body: a URL with the code would stay in logs and the browser's history.
        const {body: draft} = await api('POST', '/api/read/draft-orders/lookup', {body: {email: email.trim(), accessCode: accessCode.trim()}});
        orders.put(draft.orderId, {accessCode: accessCode.trim(), token: draft.orderId + '.' + draft.version, conferenceId: draft.conferenceId});
        go(draft.state === 'CONFIRMED' ? `#/orders/${draft.orderId}/seats` : `#/orders/${draft.orderId}`);
    }));
    on('find-waitlist-form', 'submit', () => attempt(async () => {
        const entryId = form('find-waitlist-form').entryId.trim().toLowerCase();
        const code = form('find-waitlist-form').code.trim();
        // The code in a header, as every read of the entry: one answer (404) for an unknown number or a wrong code.
        await api('GET', `/api/registration/waitlist/${encodeURIComponent(entryId)}`, {headers: {'Waitlist-Access-Code': code}});
        waitlists.put(entryId, {accessCode: code, group: [entryId]});
        go('#/waitlist/' + entryId);
    }));
}
