// What this browser keeps between pages, in sessionStorage (gone when the tab closes). No secret ever goes in a URL.

/** What the tab keeps of things of one kind, by id: an object whose fields `put` adds to (or replaces). */
function kept(prefix) {
    const store = {
        get(id) { return JSON.parse(sessionStorage.getItem(prefix + id) || '{}'); },
        put(id, values) { sessionStorage.setItem(prefix + id, JSON.stringify({...store.get(id), ...values})); },
    };
    return store;
}

/**
 * The orders placed or found in this tab: access code and last consistency token. The access code opens the order's
 * views in the read model: it goes in a header, never in a URL.
 */
export const orders = kept('order:');

/**
 * The waitlist places joined or found in this tab: the access code (header `Waitlist-Access-Code`, never in a URL),
 * the entries that share it (`group`: an order's missing seats are waitlisted together), what the page names them by
 * (conference, seat types), and the order an offer was taken into.
 */
export const waitlists = kept('waitlist:');

/** The secret of each payment's payer link at the (simulated) processor: only its holder may answer. */
export const payerLinks = {
    get(paymentId) { return sessionStorage.getItem('payer-link:' + paymentId); },
    put(paymentId, secret) { if (secret) sessionStorage.setItem('payer-link:' + paymentId, secret); },
};

/** The organiser's credentials for a conference, sent as HTTP Basic. */
export const owners = {
    get(id) { return JSON.parse(sessionStorage.getItem('owner:' + id) || 'null'); },
    put(id, email, accessCode) { sessionStorage.setItem('owner:' + id, JSON.stringify({email, accessCode})); },
    auth(id) {
        const owner = owners.get(id);
        return owner ? {'Authorization': 'Basic ' + btoa(unescape(encodeURIComponent(owner.email + ':' + owner.accessCode)))} : {};
    },
};

/** The consistency token of an organiser's last publish/unpublish of a conference, for its public page. */
export const conferenceTokens = {
    get(slug) { return sessionStorage.getItem('conference-token:' + slug); },
    put(slug, token) { sessionStorage.setItem('conference-token:' + slug, token); },
};
