// The web front end: a few pages over the services' REST APIs, all through this origin's /api/{service}/... (the
// gateway). Hash routes (#/...), no build step, no library. Problem answers (RFC 9457) are shown as messages; after a
// command, queries carry its Consistency-Token so the read model answers once it has caught up (read-your-writes),
// and waiting for the next change of an order asks for the next version of its stream: the read model holds the
// request until then (bounded), so there is no blind polling.
'use strict';

const app = document.getElementById('app');
const problemBox = document.getElementById('problem');
let cleanups = [];
// Each page runs with its own AbortController: leaving the page aborts what it still waits for.
let controller = new AbortController();

/** What a page gets when the registrant has gone on to another page meanwhile: nothing to show. */
class Superseded extends Error {
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

class Problem extends Error {
    constructor(status, body, headers) {
        super((body && (body.detail || body.title)) || ('The server answered ' + status));
        this.status = status;
        this.body = body || {};
        this.headers = headers || new Headers();
    }
}

function correlationId() {
    return uuid();
}

function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Calls the API; answers {status, headers, body}; throws a Problem for 4xx/5xx. */
async function api(method, path, {body, headers = {}} = {}) {
    const init = {method, headers: {'Accept': 'application/json', 'Correlation-Id': correlationId(), ...headers},
        cache: 'no-store', credentials: 'omit', signal: controller.signal};
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(path, init);
    } catch (e) {
        if (init.signal.aborted) throw new Superseded();
        throw new Problem(0, {title: 'No connection', detail: 'The platform did not answer: is it running?'});
    }
    const text = await response.text();
    if (init.signal.aborted) throw new Superseded();
    let json = null;
    if (text) {
        try { json = JSON.parse(text); } catch (e) { json = {detail: text}; }
    }
    if (!response.ok) throw new Problem(response.status, json, response.headers);
    return {status: response.status, headers: response.headers, body: json};
}

function showProblem(error) {
    if (!error) {
        problemBox.hidden = true;
        problemBox.innerHTML = '';
        return;
    }
    const body = error instanceof Problem ? error.body : {detail: String(error)};
    const title = body.title || 'Something went wrong';
    const detail = body.detail && body.detail !== title ? body.detail : '';
    const fields = Array.isArray(body.errors) ? body.errors : [];
    problemBox.innerHTML = `<strong>${esc(title)}</strong>${detail ? ': ' + esc(detail) : ''}` +
        (fields.length ? '<ul>' + fields.map(f => `<li><code>${esc(f.field || f.name || '')}</code> ${esc(f.message || f.detail || '')}</li>`).join('') + '</ul>' : '');
    problemBox.hidden = false;
    problemBox.scrollIntoView({block: 'nearest'});
}

/** Runs an action of a page: shows its problem instead of failing silently. */
async function attempt(action) {
    showProblem(null);
    try {
        return await action();
    } catch (e) {
        if (!(e instanceof Superseded)) showProblem(e);
        return undefined;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function esc(value) {
    return String(value ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

function money(price) {
    if (!price) return '';
    const amount = Number(price.amount);
    try {
        return new Intl.NumberFormat('en', {style: 'currency', currency: price.currency}).format(amount);
    } catch (e) {
        return amount.toFixed(2) + ' ' + price.currency;
    }
}

function render(html) {
    app.innerHTML = html;
}

function form(id) {
    return Object.fromEntries(new FormData(document.getElementById(id)).entries());
}

function on(id, event, handler) {
    const element = document.getElementById(id);
    if (element) element.addEventListener(event, e => {
        if (event === 'submit') e.preventDefault();
        handler(e);
    });
}

function go(hash) {
    if (location.hash === hash) route(); else location.hash = hash;
}

// What this browser knows of its orders: access code and last consistency token (sessionStorage: gone when the tab
// closes). The access code opens the order's views in the read model: it goes in a header, never in a URL.
const orders = {
    get(id) { return JSON.parse(sessionStorage.getItem('order:' + id) || '{}'); },
    put(id, values) { sessionStorage.setItem('order:' + id, JSON.stringify({...orders.get(id), ...values})); },
};
// The secret of each payment's payer link at the (simulated) processor (sessionStorage): only its holder may answer.
const payerLinks = {
    get(paymentId) { return sessionStorage.getItem('payer-link:' + paymentId); },
    put(paymentId, secret) { if (secret) sessionStorage.setItem('payer-link:' + paymentId, secret); },
};
// The organiser's credentials for a conference (sessionStorage: gone when the tab closes).
const owners = {
    get(id) { return JSON.parse(sessionStorage.getItem('owner:' + id) || 'null'); },
    put(id, email, accessCode) { sessionStorage.setItem('owner:' + id, JSON.stringify({email, accessCode})); },
    auth(id) {
        const owner = owners.get(id);
        return owner ? {'Authorization': 'Basic ' + btoa(unescape(encodeURIComponent(owner.email + ':' + owner.accessCode)))} : {};
    },
};

/**
 * Reads a read-model view with a consistency token (`<stream>.<version>`): the read model answers once it has applied
 * that version of the stream, or after its bound with `Consistency: stale`, and then we ask again. While the view is
 * not yet what `accept` wants, we ask for the version after the one it showed: the read model holds the request until
 * the stream changes. Gives up after `seconds`. Without a token (a view no command of ours named), it looks again
 * every half second. `headers` go with every request (an order's access code).
 */
async function readAtLeast(path, token, seconds = 60, accept = () => true, headers = {}) {
    const deadline = Date.now() + seconds * 1000;
    let last;
    while (Date.now() < deadline) {
        try {
            const answer = await api('GET', path, {headers: token ? {...headers, 'Consistency-Token': token} : headers});
            last = answer;
            const stale = answer.headers.get('Consistency') === 'stale';
            if (!stale && accept(answer.body)) return answer;
            if (!stale && token && answer.body && answer.body.version !== undefined) {
                token = token.split('.')[0] + '.' + (Number(answer.body.version) + 1);
            }
        } catch (e) {
            // A 404 is "not there yet" unless the read model had reached the token's version: our own order is not
            // projected yet (the read model then answers as for an unknown order, without saying how far it got), or
            // its view is not ready.
            if (!(e instanceof Problem) || e.status !== 404 || (token && e.headers.get('Consistency') === 'reached')) throw e;
        }
        if (!token) await new Promise(r => setTimeout(r, 500));
        if (controller.signal.aborted) throw new Superseded();
    }
    if (last) return last;
    throw new Problem(504, {title: 'Still waiting', detail: 'Nothing changed within ' + seconds + ' s; reload to look again.'});
}

/** Reads one of an order's views in the read model (`draft-orders`, `priced-orders`, `order-seats`) with its access code. */
function readOrder(view, orderId, token, seconds, accept) {
    return readAtLeast(`/api/read/${view}/${encodeURIComponent(orderId)}`, token, seconds, accept,
        {'Order-Access-Code': orders.get(orderId).accessCode || ''});
}

/** The page for an order this browser has no access code of (another tab, a shared link): find it first. */
function unknownOrder() {
    render(`<h1>Order</h1><p>This browser does not know this order. <a href="#/find">Find it</a> with your email and access code.</p>`);
}

// ---------------------------------------------------------------------------------------------------------------
// Registrant pages

async function conferenceList() {
    const {body: conferences} = await api('GET', '/api/read/conferences');
    render(`<h1>Conferences</h1>` + (conferences.length ? conferences.map(c => `
        <div class="card conference">
            <h2><a href="#/conferences/${esc(c.slug)}">${esc(c.name)}</a></h2>
            <p>${esc(c.tagline || '')}</p>
            <p class="muted">${esc(c.location)} · ${esc(c.startDate)} – ${esc(c.endDate)}</p>
        </div>`).join('') : '<p>No conference is published yet.</p>'));
}

async function conferencePage(slug) {
    // After an organiser published it from this browser: wait for the read model to show that publication.
    const token = sessionStorage.getItem('conference-token:' + slug);
    const {body: c} = await readAtLeast('/api/read/conferences/' + encodeURIComponent(slug), token, 30);
    render(`<h1>${esc(c.name)}</h1>
        <p><em>${esc(c.tagline || '')}</em></p>
        <p>${esc(c.description)}</p>
        <p class="muted">${esc(c.location)} · ${esc(c.startDate)} – ${esc(c.endDate)}</p>
        <form id="order-form">
            <table>
                <thead><tr><th>Seat type</th><th class="num">Price</th><th class="num">Available</th><th class="num">Quantity</th></tr></thead>
                <tbody>${c.seatTypes.map(s => `
                    <tr>
                        <td><strong>${esc(s.name)}</strong><br><span class="muted">${esc(s.description)}</span></td>
                        <td class="num">${money(s.price)}</td>
                        <td class="num available">${s.availableQuantity}</td>
                        <td class="num"><input type="number" min="0" max="20" value="0" name="${esc(s.id)}" aria-label="Quantity of ${esc(s.name)}"></td>
                    </tr>`).join('')}
                </tbody>
            </table>
            <button type="submit" id="register">Register</button>
        </form>`);
    on('order-form', 'submit', () => attempt(async () => {
        const seats = Object.entries(form('order-form'))
            .map(([seatTypeId, quantity]) => ({seatTypeId, quantity: Number(quantity)}))
            .filter(s => s.quantity > 0);
        if (!seats.length) throw new Problem(400, {title: 'No seats chosen', detail: 'Choose how many seats of at least one type.'});
        const orderId = uuid();
        const answer = await api('POST', `/api/registration/conferences/${c.id}/orders`, {body: {orderId, seats}});
        orders.put(orderId, {accessCode: answer.body.accessCode, token: answer.headers.get('Consistency-Token'),
            conferenceId: c.id, slug: c.slug, conferenceName: c.name, seatTypes: c.seatTypes});
        go('#/orders/' + orderId);
    }));
}

function countdown(expiration) {
    const element = document.getElementById('countdown');
    if (!element || !expiration) return;
    const end = new Date(expiration).getTime();
    const tick = () => {
        const left = Math.max(0, Math.floor((end - Date.now()) / 1000));
        element.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
        if (left === 0) element.textContent += ' — the hold is over';
    };
    tick();
    const timer = setInterval(tick, 1000);
    cleanups.push(() => clearInterval(timer));
}

function seatName(order, seatTypeId) {
    const type = (order.seatTypes || []).find(s => s.id === seatTypeId);
    return type ? type.name : seatTypeId;
}

/** The order as it goes: reservation (with the countdown), partial fulfilment, registrant, confirmation or payment. */
async function orderPage(orderId) {
    const known = orders.get(orderId);
    if (!known.accessCode) return unknownOrder();
    render(`<h1>Your order</h1><p class="waiting" id="reserving">Reserving your seats…</p>`);
    // Wait for the reservation: the first version after the one the placement answered.
    const {body: draft} = await readOrder('draft-orders', orderId, known.token, 60, o => o.state !== 'PENDING_RESERVATION');
    orders.put(orderId, {token: orderId + '.' + draft.version});
    if (draft.state === 'CONFIRMED') return go(`#/orders/${orderId}/thanks`);
    if (draft.state === 'EXPIRED') {
        render(`<h1>Your order</h1><p class="notice">The seats were held until ${esc(new Date(draft.reservationExpiration).toLocaleTimeString())}; the hold is over and they went back on sale.</p>
            <a class="button" href="#/conferences/${esc(known.slug || '')}">Start again</a>`);
        return;
    }
    if (draft.state === 'PENDING_RESERVATION') {
        render(`<h1>Your order</h1><p>Your seats are still being reserved. <a href="#/orders/${orderId}">Look again</a></p>`);
        return;
    }
    const partial = draft.state === 'PARTIALLY_RESERVED' && !known.acceptedPartial;
    const lines = draft.lines.map(l => `<tr><td>${esc(seatName(known, l.seatTypeId))}</td><td class="num">${l.requested}</td><td class="num">${l.reserved}</td></tr>`).join('');
    const seatsTable = `<table id="reserved-seats"><thead><tr><th>Seat type</th><th class="num">Asked for</th><th class="num">Reserved</th></tr></thead><tbody>${lines}</tbody></table>`;
    const hold = `<p>Your seats are held for <span class="countdown" id="countdown"></span> (until ${esc(new Date(draft.reservationExpiration).toLocaleTimeString())}).</p>`;
    if (partial) {
        render(`<h1>Your order</h1>
            <p class="notice" id="partial">Not every seat you asked for was available. We reserved what was left.</p>
            ${seatsTable}${hold}
            <button id="accept-partial">Continue with the seats reserved</button>
            <a class="button secondary" href="#/conferences/${esc(known.slug || '')}">Start a new order instead</a>`);
        countdown(draft.reservationExpiration);
        on('accept-partial', 'click', () => { orders.put(orderId, {acceptedPartial: true}); route(); });
        return;
    }
    const {body: priced} = await readOrder('priced-orders', orderId, orders.get(orderId).token, 30);
    const registrant = draft.registrant || {};
    render(`<h1>Your order</h1>
        <p>${esc(known.conferenceName || '')}</p>
        ${hold}
        <table id="priced-order"><thead><tr><th>Seat type</th><th class="num">Quantity</th><th class="num">Unit price</th><th class="num">Total</th></tr></thead>
            <tbody>${priced.lines.map(l => `<tr><td>${esc(l.description)}</td><td class="num">${l.quantity}</td><td class="num">${money(l.unitPrice)}</td><td class="num">${money(l.lineTotal)}</td></tr>`).join('')}</tbody>
            <tfoot><tr><th colspan="3">Total</th><th class="num" id="total">${money(priced.total)}</th></tr></tfoot>
        </table>
        <h2>Registrant</h2>
        <form id="registrant-form">
            <label><span>First name</span><input name="firstName" required value="${esc(registrant.firstName)}"></label>
            <label><span>Last name</span><input name="lastName" required value="${esc(registrant.lastName)}"></label>
            <label><span>Email</span><input name="email" type="email" required value="${esc(registrant.email)}"></label>
            <button type="submit" id="continue">${priced.isFreeOfCharge ? 'Confirm the registration' : 'Proceed to payment'}</button>
        </form>`);
    countdown(draft.reservationExpiration);
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

async function startPayment(paymentId, orderId, priced, known) {
    const body = {paymentId, orderId, conferenceId: priced.conferenceId,
        description: `${known.conferenceName || 'Conference'}: order ${orderId.slice(0, 8)}`,
        amount: {amount: priced.total.amount, currency: priced.total.currency}};
    // Payments learns of the order from registration's events: right after the order was priced it may not yet.
    for (let attempt = 0; ; attempt++) {
        try {
            return await api('POST', '/api/payments/payments', {body, headers: {'Order-Access-Code': known.accessCode}});
        } catch (e) {
            if (!(e instanceof Problem) || e.status !== 404 || attempt >= 20) throw e;
            await new Promise(r => setTimeout(r, 500));
        }
    }
}

/** Waits until the order is confirmed (or expired): the read model answers as the order's stream moves on. */
async function awaitConfirmed(orderId, seconds = 60) {
    const {body: draft} = await readOrder('draft-orders', orderId, orders.get(orderId).token, seconds,
        o => o.state === 'CONFIRMED' || o.state === 'EXPIRED');
    orders.put(orderId, {token: orderId + '.' + draft.version});
    if (draft.state === 'EXPIRED') throw new Problem(409, {title: 'The order expired', detail: 'The seats were released before the order was confirmed.'});
    if (draft.state !== 'CONFIRMED') throw new Problem(504, {title: 'Still waiting', detail: 'The order is not confirmed yet; look again in a moment.'});
    return draft;
}

/** The simulated payment processor: the payer accepts or rejects. */
async function paymentPage(orderId, paymentId) {
    const known = orders.get(orderId);
    const {body: payment} = await api('GET', '/api/payments/payments/' + paymentId, {headers: {'Order-Access-Code': known.accessCode}});
    render(`<h1>Payment</h1>
        <div class="card">
            <p class="muted">Simulated payment processor — no money moves.</p>
            <p>${esc(payment.description)}</p>
            <p>Amount: <strong id="amount">${money(payment.amount)}</strong></p>
            <p>Status: <span class="status" id="payment-status">${esc(payment.status)}</span></p>
            ${payment.status !== 'INITIATED' ? '' : payerLinks.get(paymentId)
                ? `<button id="accept">Accept payment</button><button id="reject" class="danger">Reject payment</button>`
                : `<p class="notice" id="no-payer-link">This browser does not hold the link to answer this payment. <a href="#/orders/${esc(orderId)}">Back to the order</a> to pay it again.</p>`}
        </div>
        <p id="payment-outcome"></p>`);
    const link = {'Processor-Secret': payerLinks.get(paymentId)};
    on('accept', 'click', () => attempt(async () => {
        document.getElementById('accept').disabled = true;
        await api('POST', `/api/payments/payment-processor/${paymentId}/accept`, {headers: link});
        document.getElementById('payment-outcome').innerHTML = '<span class="waiting">Payment accepted; confirming your order…</span>';
        await awaitConfirmed(orderId);
        go(`#/orders/${orderId}/thanks`);
    }));
    on('reject', 'click', () => attempt(async () => {
        await api('POST', `/api/payments/payment-processor/${paymentId}/reject`, {headers: link});
        render(`<h1>Payment</h1><p class="notice" id="rejected">The payment was rejected. Your seats stay held until the countdown ends.</p>
            <a class="button" href="#/orders/${orderId}">Back to the order</a>`);
    }));
}

async function thanksPage(orderId) {
    const known = orders.get(orderId);
    if (!known.accessCode) return unknownOrder();
    const {body: draft} = await readOrder('draft-orders', orderId, known.token, 10);
    render(`<h1>Thank you!</h1>
        <p>Your registration for ${esc(known.conferenceName || 'the conference')} is confirmed.</p>
        <p>Your access code: <span class="access-code" id="access-code">${esc(known.accessCode)}</span></p>
        <p>With it and your email (${esc(draft.registrant ? draft.registrant.email : '')}) you find the order again.</p>
        <a class="button" id="assign-seats" href="#/orders/${orderId}/seats">Assign attendees to your seats</a>`);
}

async function findPage() {
    render(`<h1>Find my order</h1>
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

async function seatsPage(orderId) {
    const known = orders.get(orderId);
    if (!known.accessCode) return unknownOrder();
    const {body: seats} = await readOrder('order-seats', orderId, known.seatsToken, 30);
    render(`<h1>Attendees</h1>
        <p>Name who sits in each seat of your order.</p>
        <table id="seats"><thead><tr><th>#</th><th>Seat type</th><th>First name</th><th>Last name</th><th>Email</th><th></th></tr></thead>
        <tbody>${seats.seats.map(s => `
            <tr>
                <td>${s.position + 1}</td><td>${esc(s.seatTypeName || '')}</td>
                <td><input id="first-${s.position}" value="${esc(s.attendee ? s.attendee.firstName : '')}" aria-label="First name of seat ${s.position + 1}"></td>
                <td><input id="last-${s.position}" value="${esc(s.attendee ? s.attendee.lastName : '')}" aria-label="Last name of seat ${s.position + 1}"></td>
                <td><input id="email-${s.position}" type="email" value="${esc(s.attendee ? s.attendee.email : '')}" aria-label="Email of seat ${s.position + 1}"></td>
                <td><button id="save-${s.position}" data-position="${s.position}">Save</button></td>
            </tr>`).join('')}
        </tbody></table>
        <p id="seats-saved"></p>`);
    for (const s of seats.seats) {
        on('save-' + s.position, 'click', () => attempt(async () => {
            const p = s.position;
            const body = {firstName: document.getElementById('first-' + p).value, lastName: document.getElementById('last-' + p).value,
                email: document.getElementById('email-' + p).value};
            const answer = await api('PUT', `/api/registration/orders/${orderId}/seat-assignments/${p}`,
                {body, headers: {'Order-Access-Code': known.accessCode}});
            orders.put(orderId, {seatsToken: answer.headers.get('Consistency-Token')});
            await seatsPage(orderId);
            document.getElementById('seats-saved').textContent = `Seat ${p + 1} assigned to ${body.firstName} ${body.lastName}.`;
        }));
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Business customer pages

async function adminHome() {
    render(`<h1>For organisers</h1>
        <div class="card">
            <h2>Open your conference</h2>
            <form id="locate-form">
                <label><span>Owner email</span><input name="email" type="email" required></label>
                <label><span>Access code</span><input name="accessCode" required></label>
                <button type="submit" id="locate">Open</button>
            </form>
        </div>
        <a class="button" id="new-conference" href="#/admin/new">Create a conference</a>`);
    on('locate-form', 'submit', () => attempt(async () => {
        const {email, accessCode} = form('locate-form');
        const {body: conference} = await api('POST', '/api/management/conferences/locate', {body: {email: email.trim(), accessCode: accessCode.trim()}});
        owners.put(conference.id, email.trim(), accessCode.trim());
        go('#/admin/conferences/' + conference.id);
    }));
}

function conferenceFields(c = {}) {
    return `
        <label><span>Name</span><input name="name" required value="${esc(c.name)}"></label>
        <label><span>Web address (slug)</span><input name="slug" required value="${esc(c.slug)}" pattern="[a-z0-9][a-z0-9_-]*"></label>
        <label><span>Tagline</span><input name="tagline" value="${esc(c.tagline)}"></label>
        <label><span>Description</span><textarea name="description" rows="3" cols="50" required>${esc(c.description)}</textarea></label>
        <label><span>Location</span><input name="location" required value="${esc(c.location)}"></label>
        <label><span>Starts</span><input name="startDate" type="date" required value="${esc(c.startDate)}"></label>
        <label><span>Ends</span><input name="endDate" type="date" required value="${esc(c.endDate)}"></label>
        <label><span>Owner name</span><input name="ownerName" required value="${esc(c.ownerName)}"></label>
        <label><span>Owner email</span><input name="ownerEmail" type="email" required value="${esc(c.ownerEmail)}"></label>
        <label><span>Seats held for (minutes)</span><input name="reservationHoldMinutes" type="number" min="1" max="240" value="${esc(c.reservationHoldMinutes || 15)}"></label>`;
}

function conferenceBody(id) {
    const values = form(id);
    return {...values, reservationHoldMinutes: values.reservationHoldMinutes ? Number(values.reservationHoldMinutes) : null};
}

async function adminCreate() {
    render(`<h1>Create a conference</h1><form id="conference-form">${conferenceFields()}<button type="submit" id="create">Create</button></form>`);
    on('conference-form', 'submit', () => attempt(async () => {
        const body = {id: uuid(), ...conferenceBody('conference-form')};
        const {body: created} = await api('POST', '/api/management/conferences', {body});
        owners.put(created.conference.id, created.conference.ownerEmail, created.accessCode);
        render(`<h1>Conference created</h1>
            <p>Keep this access code: with your email it opens the conference, and it is shown only this once.</p>
            <p><span class="access-code" id="owner-access-code">${esc(created.accessCode)}</span></p>
            <a class="button" id="manage" href="#/admin/conferences/${created.conference.id}">Manage the conference</a>`);
    }));
}

async function adminConference(id) {
    if (!owners.get(id)) return go('#/admin');
    const {body: c} = await api('GET', '/api/management/conferences/' + id, {headers: owners.auth(id)});
    render(`<h1>${esc(c.name)} <span class="status" id="published">${c.published ? 'Published' : 'Not published'}</span></h1>
        <p>
            ${c.published ? '<button id="unpublish" class="secondary">Unpublish</button>' : '<button id="publish">Publish</button>'}
            <a class="button secondary" href="#/admin/conferences/${id}/orders">Orders and attendees</a>
            ${c.published ? `<a class="button secondary" href="#/conferences/${esc(c.slug)}">See the public page</a>` : ''}
        </p>
        <h2>Seat types</h2>
        <table id="seat-types"><thead><tr><th>Name</th><th>Description</th><th class="num">Quantity</th><th class="num">Sold</th><th class="num">Price</th><th></th></tr></thead>
        <tbody>${c.seatTypes.map(s => `<tr>
            <td>${esc(s.name)}</td><td>${esc(s.description)}</td>
            <td class="num"><input type="number" min="${s.sold}" id="quantity-${s.id}" value="${s.quantity}" aria-label="Quantity of ${esc(s.name)}"></td>
            <td class="num">${s.sold}</td><td class="num">${money(s.price)}</td>
            <td><button class="secondary" id="save-${s.id}">Save</button></td></tr>`).join('')}</tbody></table>
        <form id="seat-type-form" class="card">
            <h3>Add a seat type</h3>
            <label><span>Name</span><input name="name" required></label>
            <label><span>Description</span><input name="description"></label>
            <label><span>Quantity</span><input name="quantity" type="number" min="0" required></label>
            <label><span>Price</span><input name="amount" type="number" min="0" step="0.01" required> <input name="currency" value="${esc((c.seatTypes[0] && c.seatTypes[0].price.currency) || 'EUR')}" size="3" required></label>
            <button type="submit" id="add-seat-type">Add seat type</button>
        </form>
        <h2>Details</h2>
        <form id="conference-form">${conferenceFields(c)}<button type="submit" id="save-conference">Save details</button></form>
        <p id="saved"></p>`);
    const auth = owners.auth(id);
    const remember = answer => sessionStorage.setItem('conference-token:' + c.slug, answer.headers.get('Consistency-Token'));
    on('publish', 'click', () => attempt(async () => { remember(await api('POST', `/api/management/conferences/${id}/publish`, {headers: auth})); await adminConference(id); }));
    on('unpublish', 'click', () => attempt(async () => { remember(await api('POST', `/api/management/conferences/${id}/unpublish`, {headers: auth})); await adminConference(id); }));
    on('seat-type-form', 'submit', () => attempt(async () => {
        const v = form('seat-type-form');
        await api('POST', `/api/management/conferences/${id}/seat-types`, {headers: auth,
            body: {id: uuid(), name: v.name, description: v.description, quantity: Number(v.quantity), price: {amount: v.amount, currency: v.currency}}});
        await adminConference(id);
    }));
    for (const s of c.seatTypes) {
        on('save-' + s.id, 'click', () => attempt(async () => {
            await api('PUT', `/api/management/conferences/${id}/seat-types/${s.id}`, {headers: auth,
                body: {name: s.name, description: s.description, quantity: Number(document.getElementById('quantity-' + s.id).value), price: s.price}});
            await adminConference(id);
        }));
    }
    on('conference-form', 'submit', () => attempt(async () => {
        await api('PUT', '/api/management/conferences/' + id, {headers: auth, body: conferenceBody('conference-form')});
        await adminConference(id);
        document.getElementById('saved').textContent = 'Details saved.';
    }));
}

async function adminOrders(id) {
    if (!owners.get(id)) return go('#/admin');
    const auth = owners.auth(id);
    const [{body: orderList}, {body: attendees}] = await Promise.all([
        api('GET', `/api/management/conferences/${id}/orders`, {headers: auth}),
        api('GET', `/api/management/conferences/${id}/attendees`, {headers: auth})]);
    render(`<h1>Orders and attendees</h1><a href="#/admin/conferences/${id}">Back to the conference</a>
        <h2>Orders</h2>
        <table id="orders"><thead><tr><th>Placed</th><th>Registrant</th><th>Seats</th><th class="num">Total</th><th>Status</th></tr></thead>
        <tbody>${orderList.map(o => `<tr><td>${esc(new Date(o.placedAt).toLocaleString())}</td>
            <td>${o.registrant ? esc(o.registrant.firstName + ' ' + o.registrant.lastName + ' <' + o.registrant.email + '>') : '<span class="muted">not given yet</span>'}</td>
            <td>${o.seats.map(s => esc(s.quantity + ' × ' + s.description)).join('<br>')}</td>
            <td class="num">${money(o.total)}</td><td><span class="status">${esc(o.status)}</span></td></tr>`).join('') || '<tr><td colspan="5">No orders yet.</td></tr>'}</tbody></table>
        <h2>Attendees</h2>
        <table id="attendees"><thead><tr><th>Seat type</th><th>Name</th><th>Email</th></tr></thead>
        <tbody>${attendees.map(a => `<tr><td>${esc(a.seatTypeName)}</td><td>${esc(a.firstName + ' ' + a.lastName)}</td><td>${esc(a.email)}</td></tr>`).join('') || '<tr><td colspan="3">No attendees assigned yet.</td></tr>'}</tbody></table>`);
}

// ---------------------------------------------------------------------------------------------------------------
// Routing

const routes = [
    [/^#?\/?$/, conferenceList],
    [/^#\/conferences\/([^/]+)$/, conferencePage],
    [/^#\/orders\/([0-9a-f-]+)$/, orderPage],
    [/^#\/orders\/([0-9a-f-]+)\/payment\/([0-9a-f-]+)$/, paymentPage],
    [/^#\/orders\/([0-9a-f-]+)\/thanks$/, thanksPage],
    [/^#\/orders\/([0-9a-f-]+)\/seats$/, seatsPage],
    [/^#\/find$/, findPage],
    [/^#\/admin$/, adminHome],
    [/^#\/admin\/new$/, adminCreate],
    [/^#\/admin\/conferences\/([0-9a-f-]+)$/, adminConference],
    [/^#\/admin\/conferences\/([0-9a-f-]+)\/orders$/, adminOrders],
];

// Pages are shown one after the other: a new route aborts the page still loading, then runs once it has stopped.
let routing = Promise.resolve();

function route() {
    controller.abort();
    routing = routing.then(showPage, showPage);
}

async function showPage() {
    controller = new AbortController();
    cleanups.forEach(f => f());
    cleanups = [];
    showProblem(null);
    const hash = location.hash || '#/';
    for (const [pattern, page] of routes) {
        const match = hash.match(pattern);
        if (match) {
            try {
                await page(...match.slice(1).map(decodeURIComponent));
            } catch (e) {
                if (e instanceof Superseded) return;
                if (app.textContent.trim() === 'Loading…' || app.querySelector('.waiting')) render('<h1>Sorry</h1>');
                showProblem(e);
            }
            document.body.dataset.page = page.name;
            return;
        }
    }
    render('<h1>Not found</h1><p><a href="#/">Conferences</a></p>');
}

window.addEventListener('hashchange', route);
route();
