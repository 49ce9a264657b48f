// The web front end: a few pages over the services' REST APIs, all through this origin's /api/{service}/... (the
// gateway). Hash routes (#/...), ES modules without a build step or library: this module routes, each page is a
// module of pages/, and api.js (calls and problems), reads.js (read-your-writes), html.js (escaping), page.js (the
// page shown) and storage.js (what the tab keeps) serve them. Problem answers (RFC 9457) are shown as messages; after
// a command, queries carry its Consistency-Token so the read model answers once it has caught up (read-your-writes),
// and waiting for the next change of an order asks for the next version of its stream: the read model holds the
// request until then (bounded), so there is no blind polling.
import {abortCalls, newCalls, Superseded} from './api.js';
import {html} from './html.js';
import {showMailboxLink} from './mailbox-link.js';
import {failed, leave, render, showProblem} from './page.js';
import {adminConference} from './pages/admin-conference.js';
import {adminCreate} from './pages/admin-create.js';
import {adminDashboard} from './pages/admin-dashboard.js';
import {adminHome} from './pages/admin-home.js';
import {adminOrders} from './pages/admin-orders.js';
import {conferencePage} from './pages/conference.js';
import {conferenceList} from './pages/conference-list.js';
import {findPage} from './pages/find.js';
import {orderPage} from './pages/order.js';
import {paymentPage} from './pages/payment.js';
import {seatsPage} from './pages/seats.js';
import {thanksPage} from './pages/thanks.js';
import {waitlistPage} from './pages/waitlist.js';

const routes = [
    [/^#?\/?$/, conferenceList],
    [/^#\/conferences\/([^/]+)$/, conferencePage],
    [/^#\/orders\/([0-9a-f-]+)$/, orderPage],
    [/^#\/orders\/([0-9a-f-]+)\/payment\/([0-9a-f-]+)$/, paymentPage],
    [/^#\/orders\/([0-9a-f-]+)\/thanks$/, thanksPage],
    [/^#\/orders\/([0-9a-f-]+)\/seats$/, seatsPage],
    [/^#\/waitlist\/([0-9a-f-]+)$/, waitlistPage],
    [/^#\/find$/, findPage],
    [/^#\/admin$/, adminHome],
    [/^#\/admin\/new$/, adminCreate],
    [/^#\/admin\/conferences\/([0-9a-f-]+)$/, adminConference],
    [/^#\/admin\/conferences\/([0-9a-f-]+)\/orders$/, adminOrders],
    [/^#\/admin\/conferences\/([0-9a-f-]+)\/dashboard$/, adminDashboard],
];

// Pages are shown one after the other: a new route aborts the page still loading, then runs once it has stopped.
let routing = Promise.resolve();

function route() {
    abortCalls();
    routing = routing.then(showPage, showPage);
}

async function showPage() {
    newCalls();
    leave();
    showProblem(null);
    const hash = location.hash || '#/';
    for (const [pattern, page] of routes) {
        const match = hash.match(pattern);
        if (match) {
            try {
                await page(...match.slice(1).map(decodeURIComponent));
            } catch (e) {
                if (e instanceof Superseded) return;
                failed(e);
            }
            document.body.dataset.page = page.name;
            focusHeading();
            return;
        }
    }
    render(html`<h1>Not found</h1><p><a href="#/">Conferences</a></p>`);
}

/**
 * A new page starts at its heading for the keyboard and a screen reader, as a new document would: the link or button
 * that led here is gone with the page before, and the focus would be lost at the top of the document.
 */
function focusHeading() {
    const heading = document.querySelector('#app h1');
    if (!heading || heading.contains(document.activeElement)) return;
    heading.tabIndex = -1;
    heading.focus({preventScroll: true});
}

window.addEventListener('hashchange', route);
route();
showMailboxLink();
