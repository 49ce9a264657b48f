// #/orders/{id}/thanks — the confirmed order, with the access code that finds it again.
import {html} from '../html.js';
import {readOrder, unknownOrder} from '../orders.js';
import {render} from '../page.js';
import {orders} from '../storage.js';

export async function thanksPage(orderId) {
    const known = orders.get(orderId);
    if (!known.accessCode) return unknownOrder();
    const {body: draft} = await readOrder('draft-orders', orderId, known.token, 10);
    render(html`<h1>Thank you!</h1>
        <p>Your registration for ${known.conferenceName || 'the conference'} is confirmed.</p>
        <p>Your access code: <span class="access-code" id="access-code">${known.accessCode}</span></p>
        <p>With it and your email (${draft.registrant ? draft.registrant.email : ''}) you find the order again.</p>
        <a class="button" id="assign-seats" href="#/orders/${orderId}/seats">Assign attendees to your seats</a>`);
}
