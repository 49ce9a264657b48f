// #/admin/conferences/{id} — a conference for its owner: details (edit), seat types (add; change the quantity,
// rename, delete: admin-seat-types.js), the waitlist of each seat type (admin-waitlist.js), promotional codes
// (admin-codes.js), publish / unpublish.
import {api, uuid} from '../api.js';
import {html} from '../html.js';
import {attempt, form, go, on, render} from '../page.js';
import {conferenceTokens, owners} from '../storage.js';
import {codesSection, wireCodes} from './admin-codes.js';
import {seatTypesSection, wireSeatTypes} from './admin-seat-types.js';
import {waitlistSection, wireWaitlist} from './admin-waitlist.js';
import {conferenceBody, conferenceFields, conferenceLimits} from './conference-form.js';

export async function adminConference(id) {
    if (!owners.get(id)) return go('#/admin');
    const [{body: c}, {body: codes}, {body: waitlist}, limits] = await Promise.all([
        api('GET', '/api/management/conferences/' + id, {headers: owners.auth(id)}),
        api('GET', `/api/management/conferences/${id}/promotional-codes`, {headers: owners.auth(id)}),
        api('GET', `/api/management/conferences/${id}/waitlist`, {headers: owners.auth(id)}), conferenceLimits()]);
    render(html`<h1><span id="conference-name">${c.name}</span> <span class="status" id="published">${c.published ? 'Published' : 'Not published'}</span></h1>
        <p>
            ${c.published ? html`<button id="unpublish" class="secondary">Unpublish</button>` : html`<button id="publish">Publish</button>`}
            <a class="button secondary" href="#/admin/conferences/${id}/orders">Orders and attendees, refunds</a>
            <a class="button secondary" href="#/admin/conferences/${id}/dashboard">Dashboard</a>
            ${c.published ? html`<a class="button secondary" id="public-page" href="#/conferences/${c.slug}">See the public page</a>` : ''}
        </p>
        <h2>Seat types</h2>
        ${seatTypesSection(c)}
        <form id="seat-type-form" class="card">
            <h3>Add a seat type</h3>
            <label><span>Name</span><input name="name" required></label>
            <label><span>Description</span><input name="description"></label>
            <label><span>Quantity</span><input name="quantity" type="number" min="0" required></label>
            <label><span>Price</span><input name="amount" type="number" min="0" step="0.01" required> <input name="currency" value="${(c.seatTypes[0] && c.seatTypes[0].price.currency) || 'EUR'}" size="3" required aria-label="Currency"></label>
            <button type="submit" id="add-seat-type">Add seat type</button>
        </form>
        ${waitlistSection(c, waitlist)}
        ${codesSection(c, codes)}
        <h2>Details</h2>
        <form id="conference-form">${conferenceFields(limits, c)}<button type="submit" id="save-conference">Save details</button></form>
        <p id="saved" aria-live="polite"></p>`);
    const auth = owners.auth(id);
    // The public page waits for the read model to show what the organiser just did: every change of the conference
    // (publication, details, seat types) answers with its token, kept for the conference's slug (the new one, renamed).
    const remember = answer => {
        conferenceTokens.put(c.slug, answer.headers.get('Consistency-Token'));
        return answer;
    };
    on('publish', 'click', () => attempt(async () => { remember(await api('POST', `/api/management/conferences/${id}/publish`, {headers: auth})); await adminConference(id); }));
    on('unpublish', 'click', () => attempt(async () => { remember(await api('POST', `/api/management/conferences/${id}/unpublish`, {headers: auth})); await adminConference(id); }));
    on('seat-type-form', 'submit', () => attempt(async () => {
        const v = form('seat-type-form');
        remember(await api('POST', `/api/management/conferences/${id}/seat-types`, {headers: auth,
            body: {id: uuid(), name: v.name, description: v.description, quantity: Number(v.quantity), price: {amount: v.amount, currency: v.currency}}}));
        await adminConference(id);
    }));
    // The API's PUT takes the whole seat type: what is not changed goes as it is.
    const saveSeatType = async (s, changes) => remember(await api('PUT', `/api/management/conferences/${id}/seat-types/${s.id}`,
        {headers: auth, body: {name: s.name, description: s.description, quantity: s.quantity, price: s.price, ...changes}}));
    const saveQuantity = (s, quantity) => saveSeatType(s, {quantity});
    wireSeatTypes(c, saveSeatType, async s => remember(await api('DELETE', `/api/management/conferences/${id}/seat-types/${s.id}`, {headers: auth})),
        () => adminConference(id));
    wireWaitlist(c, waitlist, saveQuantity, () => adminConference(id));
    wireCodes(id, codes, auth, () => adminConference(id));
    // Saved, the page is not drawn anew (which lost the focus): what the details show elsewhere is updated, the focus
    // stays on Save and the confirmation is said in a polite live region (emptied first, so a second save is heard).
    on('conference-form', 'submit', () => attempt(async () => {
        const saved = document.getElementById('saved');
        saved.textContent = '';
        const details = conferenceBody('conference-form');
        const answer = await api('PUT', '/api/management/conferences/' + id, {headers: auth, body: details});
        Object.assign(c, details);
        remember(answer);
        document.getElementById('conference-name').textContent = c.name;
        document.getElementById('public-page')?.setAttribute('href', '#/conferences/' + c.slug);
        saved.textContent = 'Details saved.';
    }));
}
