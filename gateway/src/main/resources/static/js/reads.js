// Reading the read model after a command, without blind polling: read-your-writes with consistency tokens. And
// looking again, seconds apart, at what changes without a command of ours.
import {api, comeBackIn, Problem, stillWanted, Superseded} from './api.js';
import {onLeave, showProblem} from './page.js';

/**
 * Reads a read-model view with a consistency token (`<stream>.<version>`): the read model answers once it has applied
 * that version of the stream, or after its bound with `Consistency: stale`, and then we ask again. While the view is
 * not yet what `accept` wants, we ask for the version after the one it showed: the read model holds the request until
 * the stream changes. Gives up after `seconds`. Without a token (a view no command of ours named), it looks again
 * every half second. `headers` go with every request (an order's access code).
 */
export async function readAtLeast(path, token, seconds = 60, accept = () => true, headers = {}) {
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
            // A 503 with Retry-After is the read model busy (or a view being rebuilt): ask again when it says.
            const later = comeBackIn(e);
            if (later !== null) {
                await new Promise(r => setTimeout(r, Math.min(later, Math.max(0, deadline - Date.now()))));
                stillWanted();
                continue;
            }
            // A 404 is "not there yet" unless the read model had reached the token's version: our own order is not
            // projected yet (the read model then answers as for an unknown order, without saying how far it got), or
            // its view is not ready.
            if (!(e instanceof Problem) || e.status !== 404 || (token && e.headers.get('Consistency') === 'reached')) throw e;
        }
        if (!token) await new Promise(r => setTimeout(r, 500));
        stillWanted();
    }
    if (last) return last;
    throw new Problem(504, {title: 'Still waiting', detail: 'Nothing changed within ' + seconds + ' s; reload to look again.'});
}

/**
 * The token of the version after `token`'s (`<stream>.<version + 1>`): what a page waits for when it knows the view at
 * `token` is not yet what it wants (an order just placed is always pending reservation), so it asks once instead of
 * reading the pending view first.
 */
export function nextVersion(token) {
    const dot = token.lastIndexOf('.');
    return token.substring(0, dot) + '.' + (Number(token.substring(dot + 1)) + 1);
}

/**
 * Looks at something that changes without a command of ours (a waitlist place moves as other people's orders come and
 * go, and nothing holds the request until it does): `read()` now, then again every `seconds` while the page is shown
 * and `goOn(answer)` holds. `show(answer)` gets the first answer and each one unlike the one before. A failure after
 * the first is shown above the page, and it looks again. Seconds apart, not a tight loop: each look is a read of the
 * write side. `show` should redraw what changed only (page.js `redraw`): the page is in use meanwhile. Each look done
 * is counted on the page's element (`data-looks`): what a test waits on to know that a look has passed. With
 * `forAtMost` (seconds), it stops looking that long after the first look, what it waits for not come, and calls
 * `stopped()`: a page that waits for something that may never happen does not read the write side forever.
 */
export async function lookAgain(read, seconds, show, goOn, {forAtMost = Infinity, stopped = () => {}} = {}) {
    const until = Date.now() + forAtMost * 1000;
    let last;
    let timer;
    onLeave(() => clearTimeout(timer));
    const later = () => {
        if (Date.now() < until) timer = setTimeout(again, seconds * 1000);
        else stopped();
    };
    const look = async () => {
        const answer = await read();
        const text = JSON.stringify(answer);
        if (text !== last) show(answer);
        last = text;
        counted();
        if (goOn(answer)) later();
    };
    const again = () => look().catch(e => {
        if (e instanceof Superseded) return;
        showProblem(e);
        later();
    });
    await look();
}

function counted() {
    const app = document.getElementById('app');
    if (app) app.dataset.looks = String(Number(app.dataset.looks || 0) + 1);
}
