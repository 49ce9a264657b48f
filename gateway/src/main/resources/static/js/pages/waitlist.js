// #/waitlist/{entryId} — a registrant's place on a waitlist, with the entries joined together with it (one code):
// where they are in line, an offer with its deadline (taken, it becomes an order of the seats offered, which goes on
// as any order), and leaving. Looked at again every few seconds while waiting or offered: places move as other
// people's orders come and go, and an offer appears or lapses without a command of ours.
import {api, uuid} from '../api.js';
import {html} from '../html.js';
import {attempt, countdown, go, on, redraw, render} from '../page.js';
import {lookAgain} from '../reads.js';
import {orders, waitlists} from '../storage.js';

const LOOK_EVERY_SECONDS = 3;
const OPEN = ['WAITING', 'OFFERED'];

export async function waitlistPage(entryId) {
    const known = waitlists.get(entryId);
    if (!known.accessCode) return unknownEntry();
    const ids = known.group || [entryId];
    const access = {'Waitlist-Access-Code': known.accessCode};
    const read = () => Promise.all(ids.map(id => api('GET', `/api/registration/waitlist/${encodeURIComponent(id)}`, {headers: access})
        .then(answer => answer.body)));
    let drawn = false;
    await lookAgain(read, LOOK_EVERY_SECONDS, entries => {
        if (!drawn) render(page(known, entries));
        drawn = true;
        show(entryId, known, entries);
    }, entries => entries.some(e => OPEN.includes(e.status)));
}

/**
 * Each look redraws only the parts of an entry that changed — its status, its offer, its buttons — into the page drawn
 * once (page()), so that the keyboard's focus and a screen reader's place stay where they were (issue 17). The status
 * is a polite live region: a new place in line or an offer is announced without interrupting.
 */
function show(entryId, known, entries) {
    entries.forEach((entry, i) => {
        redraw(document.getElementById('status-' + i), status(entry, known));
        const offered = entry.offer && entry.status === 'OFFERED';
        if (redraw(document.getElementById('offer-slot-' + i), offered ? offer(entry, i) : html``)) {
            if (offered) countdown('offer-countdown-' + i, entry.offer.expiresAt, 'the offer is over');
            on('take-offer-' + i, 'click', () => attempt(() => takeOffer(entryId, known, entry)));
        }
        if (redraw(document.getElementById('actions-' + i), actions(entry, i))) {
            on('leave-' + i, 'click', () => attempt(() => leave(known, entry)));
        }
    });
}

function page(known, entries) {
    return html`<h1>Your place on the waitlist</h1>
        <p>${known.conferenceName || ''}</p>
        <div id="waitlist-entries">${entries.map((entry, i) => entrySection(entry, i, known))}</div>
        ${known.fromOrder ? html`<p><a class="button secondary" id="back-to-order" href="#/orders/${known.fromOrder}">Back to your order</a> (the seats it holds)</p>` : ''}
        <p class="muted">To find your place again: waitlist ${entries.length === 1 ? 'number' : 'numbers'}
            ${entries.map((entry, i) => html`${i ? ', ' : ''}<code class="entry-number">${entry.entryId}</code>`)}, code
            <span class="access-code" id="waitlist-code">${known.accessCode}</span></p>`;
}

/** An entry's frame: its heading and the places show() fills. */
function entrySection(entry, i, known) {
    return html`<section class="card waitlist-entry" id="entry-${i}">
        <h2>${seatTypeName(known, entry.seatTypeId)}: ${entry.quantity} ${entry.quantity === 1 ? 'seat' : 'seats'}</h2>
        <p id="status-${i}" aria-live="polite"></p>
        <div id="offer-slot-${i}"></div>
        <div id="actions-${i}"></div>
    </section>`;
}

function actions(entry, i) {
    if (!OPEN.includes(entry.status)) return html``;
    return html`<button class="secondary" id="leave-${i}">${entry.status === 'OFFERED' ? 'Decline and leave the waitlist' : 'Leave the waitlist'}</button>`;
}

async function leave(known, entry) {
    await api('DELETE', `/api/registration/waitlist/${encodeURIComponent(entry.entryId)}`,
        {headers: {'Waitlist-Access-Code': known.accessCode}});
    go(location.hash);
}

function status(entry, known) {
    const order = (known.orders || {})[entry.entryId];
    switch (entry.status) {
        case 'WAITING':
            return entry.position ? html`You are number <strong id="position">${entry.position}</strong> in line. This page looks again every few seconds.`
                : html`<span class="waiting">Joining the waitlist…</span>`;
        case 'OFFERED': return html`Seats are offered to you.`;
        case 'ACCEPTED': return html`You took the offer.${order ? html` <a href="#/orders/${order}">Your order</a>` : ''}`;
        case 'LEFT': return html`You left the waitlist.`;
        case 'LAPSED': return html`The offer was not taken in time; its seats went to the next in line.`;
        default: return html`${entry.status}`;
    }
}

function offer(entry, i) {
    const {seats, expiresAt} = entry.offer;
    return html`<div class="notice" id="offer-${i}">
        <p><strong>${seats} ${seats === 1 ? 'seat is' : 'seats are'} held for you</strong> until ${new Date(expiresAt).toLocaleString()}
            (<span class="countdown" id="offer-countdown-${i}"></span> left). Nobody else can take ${seats === 1 ? 'it' : 'them'} meanwhile.</p>
        ${seats < entry.quantity ? html`<p>That is fewer than the ${entry.quantity} you asked for: seats that come back before
            you take the offer are added to it.</p>` : ''}
        <button id="take-offer-${i}">Take the offer</button>
    </div>`;
}

/** An order of the seats offered, placed holding them: it goes on as after placing an order (the order page). */
async function takeOffer(entryId, known, entry) {
    const orderId = uuid();
    const answer = await api('POST', `/api/registration/waitlist/${encodeURIComponent(entry.entryId)}/order`,
        {body: {orderId}, headers: {'Waitlist-Access-Code': known.accessCode}});
    orders.put(orderId, {accessCode: answer.body.accessCode, token: answer.headers.get('Consistency-Token'),
        justPlaced: true, conferenceId: entry.conferenceId, slug: known.slug, conferenceName: known.conferenceName,
        seatTypes: known.seatTypes});
    waitlists.put(entryId, {orders: {...known.orders, [entry.entryId]: orderId}});
    go('#/orders/' + orderId);
}

function seatTypeName(known, seatTypeId) {
    const type = (known.seatTypes || []).find(s => s.id === seatTypeId);
    return type ? type.name : 'Seats';
}

/** A place this tab has no code of (another tab, a link): find it first. */
function unknownEntry() {
    render(html`<h1>Waitlist</h1><p>This browser does not know this place on the waitlist. <a href="#/find">Find it</a>
        with its waitlist number and code.</p>`);
}
