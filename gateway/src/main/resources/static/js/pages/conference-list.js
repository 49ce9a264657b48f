// #/ — the published conferences.
import {api} from '../api.js';
import {html} from '../html.js';
import {render} from '../page.js';

export async function conferenceList() {
    const {body: conferences} = await api('GET', '/api/read/conferences');
    render(html`<h1>Conferences</h1>${conferences.length ? conferences.map(c => html`
        <div class="card conference">
            <h2><a href="#/conferences/${c.slug}">${c.name}</a></h2>
            <p>${c.tagline || ''}</p>
            <p class="muted">${c.location} · ${c.startDate} – ${c.endDate}</p>
        </div>`) : html`<p>No conference is published yet.</p>`}`);
}
