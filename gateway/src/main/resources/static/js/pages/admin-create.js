// #/admin/new — a new conference; its access code is shown this once.
import {api, uuid} from '../api.js';
import {html} from '../html.js';
import {attempt, on, render} from '../page.js';
import {owners} from '../storage.js';
import {conferenceBody, conferenceFields, conferenceLimits} from './conference-form.js';

export async function adminCreate() {
    const limits = await conferenceLimits();
    render(html`<h1>Create a conference</h1><form id="conference-form">${conferenceFields(limits)}<button type="submit" id="create">Create</button></form>`);
    on('conference-form', 'submit', () => attempt(async () => {
        const body = {id: uuid(), ...conferenceBody('conference-form')};
        const {body: created} = await api('POST', '/api/management/conferences', {body});
        owners.put(created.conference.id, created.conference.ownerEmail, created.accessCode);
        render(html`<h1>Conference created</h1>
            <p>Keep this access code: with your email it opens the conference, and it is shown only this once.</p>
            <p><span class="access-code" id="owner-access-code">${created.accessCode}</span></p>
            <a class="button" id="manage" href="#/admin/conferences/${created.conference.id}">Manage the conference</a>`);
    }));
}
