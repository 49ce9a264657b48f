// #/admin — an organiser opens a conference with the owner's email and access code, or creates one.
import {api} from '../api.js';
import {html} from '../html.js';
import {attempt, form, go, on, render} from '../page.js';
import {owners} from '../storage.js';

export async function adminHome() {
    render(html`<h1>For organisers</h1>
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
