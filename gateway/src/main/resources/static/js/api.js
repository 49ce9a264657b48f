// The API client: every call goes to this origin's /api/{service}/... (the gateway). An answer that is not 2xx is
// thrown as a Problem (RFC 9457: its title, detail and field errors are what the page shows). The calls of the page
// being shown can be aborted when the registrant moves on: they then throw Superseded, which a page does not show.

export class Problem extends Error {
    constructor(status, body, headers) {
        super((body && (body.detail || body.title)) || ('The server answered ' + status));
        this.status = status;
        this.body = body || {};
        this.headers = headers || new Headers();
    }
}

/** What a page gets when the registrant has gone on to another page meanwhile: nothing to show. */
export class Superseded extends Error {
}

// The page being shown has its own AbortController: leaving the page aborts what it still waits for.
let calls = new AbortController();

/** Aborts the calls made so far (the page is being left). */
export function abortCalls() {
    calls.abort();
}

/** Calls from now on belong to a new page. */
export function newCalls() {
    calls = new AbortController();
}

/** Throws Superseded if the page that waits has been left. */
export function stillWanted() {
    if (calls.signal.aborted) throw new Superseded();
}

export function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Calls the API; answers {status, headers, body}; throws a Problem for 4xx/5xx. Nothing is cached unless the call
 * says so (`cache: 'default'` for an answer that says how long it keeps, such as the limits).
 */
export async function api(method, path, {body, headers = {}, cache = 'no-store'} = {}) {
    const signal = calls.signal;
    const init = {method, headers: {'Accept': 'application/json', 'Correlation-Id': uuid(), ...headers},
        cache, credentials: 'omit', signal};
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(path, init);
    } catch (e) {
        if (signal.aborted) throw new Superseded();
        throw new Problem(0, {title: 'No connection', detail: 'The platform did not answer: is it running?'});
    }
    const text = await response.text();
    if (signal.aborted) throw new Superseded();
    let json = null;
    if (text) {
        try { json = JSON.parse(text); } catch (e) { json = {detail: text}; }
    }
    if (!response.ok) throw new Problem(response.status, json, response.headers);
    return {status: response.status, headers: response.headers, body: json};
}

/** For a 503 that says when to come back (Retry-After, in seconds): how many milliseconds to wait; otherwise null. */
export function comeBackIn(e) {
    if (!(e instanceof Problem) || e.status !== 503) return null;
    const seconds = Number(e.headers.get('Retry-After'));
    return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) * 1000 : null;
}

/**
 * Sends a command again, unchanged, while the service answers 503 with Retry-After (it is stopping, its database is
 * away, the payment processor did not take a payment): when it says, up to `attempts` times, then the last answer
 * is thrown. Only for commands that name what they create (an id chosen here), which a service takes once however
 * often they come. `alsoAgain(problem)` names other answers worth the same wait (half a second).
 */
export async function sendUntilTaken(send, {attempts = 20, alsoAgain = () => false} = {}) {
    for (let attempt = 0; ; attempt++) {
        try {
            return await send();
        } catch (e) {
            const later = comeBackIn(e);
            if (attempt >= attempts || (later === null && !(e instanceof Problem && alsoAgain(e)))) throw e;
            await new Promise(r => setTimeout(r, later ?? 500));
            stillWanted();
        }
    }
}
