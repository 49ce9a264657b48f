// The development mailbox (the launcher's page, compose's Mailpit): when this deployment has one
// (GET front-end.json names it), a "Mailbox (development)" link in the navigation, so that a newcomer reads the mails
// the platform sent. Built with the DOM, no HTML written; the gateway accepts only an http(s) address for it.
export async function showMailboxLink() {
    let settings;
    try {
        const answer = await fetch('front-end.json', {headers: {Accept: 'application/json'}});
        if (!answer.ok) return;
        settings = await answer.json();
    } catch (e) {
        return; // no link: the pages work without it
    }
    if (!settings.mailboxUrl || !/^https?:\/\//i.test(settings.mailboxUrl)) return;
    const link = document.createElement('a');
    link.id = 'mailbox-link';
    link.href = settings.mailboxUrl;
    link.textContent = 'Mailbox (development)';
    document.querySelector('header nav').append(link);
}
