// What the registrant's order pages share: reading an order's views with its access code, waiting for its
// confirmation, and the page for an order this tab does not know.
import {Problem} from './api.js';
import {html} from './html.js';
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
