// #/admin/conferences/{id}/dashboard — a conference's sales at a glance, for its owner (issue 17): seats sold / held /
// offered / available per seat type, orders and revenue over time (per hour or day, UTC), orders by status, promotional
// codes' uses and discounts, waitlist demand, cancellations, refunds (per state and reason); looked at again every few seconds while it is shown, and
// two buttons downloading the CSV exports. Charts are drawn by uPlot, served by the gateway from its WebJar (this
// origin: the CSP stays script-src 'self'), loaded only when this page is first opened; every chart has its table
// beside it, the text a screen reader (or anyone) reads — the charts are hidden from assistive technology.
import {api, Problem, uuid} from '../api.js';
import {html, money} from '../html.js';
import {attempt, fill, go, on, onLeave, render} from '../page.js';
import {lookAgain} from '../reads.js';
import {owners} from '../storage.js';

/** Where the gateway serves uPlot's WebJar (org.webjars.npm:uplot, the gateway's pom: same version). */
const UPLOT = '/webjars/uplot/1.6.30/dist/';
const REFRESH_SECONDS = 5;
const REFUND_STATES = {REQUESTED: 'Requested', COMPLETED: 'Completed', FAILED_WILL_RETRY: 'Failed, will be retried',
    GAVE_UP: 'Given up (failed for good)'};
const REFUND_REASONS = {ORDER_CANCELLED: 'Order cancelled', ORDER_EXPIRED: 'Paid after the order expired',
    ORDER_ALREADY_PAID: 'Order paid twice'};
const LAYERS = [['sold', 'Sold', '#2f855a'], ['held', 'Held (orders being paid)', '#d69e2e'],
    ['offered', 'Offered to the waitlist', '#805ad5'], ['available', 'Available', '#90cdf4']];

let library;

/** uPlot (the module's default export) and its stylesheet, loaded once. */
function chartLibrary() {
    if (!library) {
        const style = document.createElement('link');
        style.rel = 'stylesheet';
        style.href = UPLOT + 'uPlot.min.css';
        document.head.append(style);
        library = import(UPLOT + 'uPlot.esm.js').then(module => module.default, e => {
            library = undefined;
            throw e;
        });
    }
    return library;
}

export async function adminDashboard(id) {
    if (!owners.get(id)) return go('#/admin');
    const auth = owners.auth(id);
    const [{body: c}, uPlot] = await Promise.all([
        api('GET', '/api/management/conferences/' + id, {headers: auth}), chartLibrary()]);
    render(html`<h1>Dashboard: ${c.name}</h1>
        <p><a href="#/admin/conferences/${id}">Back to the conference</a> ·
            <a href="#/admin/conferences/${id}/orders">Orders and attendees</a></p>
        <p><button class="secondary" id="export-attendees">Download attendees (CSV)</button>
            <button class="secondary" id="export-orders">Download orders (CSV)</button></p>
        <p class="muted" id="updated"></p>
        <h2>Seats</h2>
        <p>${LAYERS.map(([, label, colour]) => html`<span style="display:inline-block;width:.9em;height:.9em;background:${colour};vertical-align:middle"></span>
            ${label} `)}</p>
        <div id="seats-chart" aria-hidden="true"></div>
        <div id="seats" class="table-scroll" tabindex="0" role="region" aria-label="Seats per seat type (table)"></div>
        <h2>Orders and revenue over time</h2>
        <fieldset id="bucket"><legend>Periods (UTC)</legend>
            <label><input type="radio" name="bucket" value="hour"> per hour</label>
            <label><input type="radio" name="bucket" value="day" checked> per day</label></fieldset>
        <div id="time-chart" aria-hidden="true"></div>
        <div id="over-time" class="table-scroll" tabindex="0" role="region" aria-label="Orders and revenue over time (table)"></div>
        <h2>Orders by status</h2>
        <div id="orders-by-status" class="table-scroll" tabindex="0" role="region" aria-label="Orders by status (table)"></div>
        <h2>Refunds</h2>
        <div id="refunds" class="table-scroll" tabindex="0" role="region" aria-label="Refunds by state and reason (table)"></div>
        <h2>Promotional codes</h2>
        <div id="codes" class="table-scroll" tabindex="0" role="region" aria-label="Promotional codes (table)"></div>
        <h2>Waitlist</h2>
        <div id="waitlist" class="table-scroll" tabindex="0" role="region" aria-label="Waitlist demand (table)"></div>`);
    on('export-attendees', 'click', () => attempt(() => download(id, 'attendees', auth)));
    on('export-orders', 'click', () => attempt(() => download(id, 'orders', auth)));

    const charts = new Charts(uPlot);
    onLeave(() => charts.destroy());
    const read = async () => (await api('GET', `/api/management/conferences/${id}/dashboard?bucket=${bucket()}`,
        {headers: auth})).body;
    const show = dashboard => {
        showTables(dashboard);
        charts.show(dashboard);
        document.getElementById('updated').textContent = 'Updated ' + new Date().toLocaleTimeString()
            + `; looked at again every ${REFRESH_SECONDS} seconds.`;
    };
    for (const input of document.querySelectorAll('#bucket input')) {
        input.addEventListener('change', () => attempt(async () => show(await read())));
    }
    await lookAgain(read, REFRESH_SECONDS, show, () => true);
}

function bucket() {
    return document.querySelector('#bucket input:checked')?.value || 'day';
}

function showTables(d) {
    const amount = value => d.currency ? money({amount: value, currency: d.currency}) : String(value);
    fill(document.getElementById('seats'), html`<table id="seats-table"><caption class="muted">Seats per seat type</caption>
        <thead><tr><th>Seat type</th><th class="num">Quantity</th><th class="num">Sold</th><th class="num">Held</th>
            <th class="num">Offered</th><th class="num">Available</th>${d.seats.some(s => s.owed) ? html`<th class="num">Owed</th>` : ''}</tr></thead>
        <tbody>${d.seats.length ? d.seats.map(s => html`<tr id="seats-${s.seatTypeId}"><td>${s.name}</td>
            <td class="num">${s.quantity}</td><td class="num sold">${s.sold}</td><td class="num held">${s.held}</td>
            <td class="num">${s.offered}</td><td class="num available">${s.available}</td>
            ${d.seats.some(t => t.owed) ? html`<td class="num">${s.owed}</td>` : ''}</tr>`)
            : html`<tr><td colspan="6">No seat types yet.</td></tr>`}</tbody></table>`);
    fill(document.getElementById('over-time'), html`<table id="over-time-table"><caption class="muted">Orders and revenue per ${d.bucket} (UTC)</caption>
        <thead><tr><th>Period (UTC)</th><th class="num">Placed</th><th class="num">Confirmed</th><th class="num">Cancelled</th>
            <th class="num">Revenue</th><th class="num">Cancelled revenue</th></tr></thead>
        <tbody>${d.overTime.length ? d.overTime.map(p => html`<tr><td>${period(p.start, d.bucket)}</td>
            <td class="num">${p.placed}</td><td class="num">${p.confirmed}</td><td class="num">${p.cancelled}</td>
            <td class="num">${amount(p.revenue)}</td><td class="num">${amount(p.cancelledRevenue)}</td></tr>`)
            : html`<tr><td colspan="6">No orders yet.</td></tr>`}</tbody></table>`);
    fill(document.getElementById('orders-by-status'), html`<table id="orders-by-status-table">
        <thead><tr><th>Status</th><th class="num">Orders</th></tr></thead>
        <tbody>${[['Pending', d.orders.pending], ['Confirmed', d.orders.confirmed], ['Expired', d.orders.expired],
            ['Cancelled', d.orders.cancelled]].map(([status, n]) => html`<tr><td>${status}</td><td class="num">${n}</td></tr>`)}</tbody></table>
        <p id="cancellations">Cancellations: <strong>${d.cancellations}</strong></p>`);
    fill(document.getElementById('refunds'), html`<table id="refunds-table"><caption class="muted">Refunds by state and by reason</caption>
        <thead><tr><th>Refunds</th><th class="num">Count</th><th class="num">Amount</th></tr></thead>
        <tbody><tr><th scope="rowgroup" colspan="3">By state</th></tr>${refundRows(d.refunds.byState, REFUND_STATES, amount)}</tbody>
        <tbody><tr><th scope="rowgroup" colspan="3">By reason</th></tr>${refundRows(d.refunds.byReason, REFUND_REASONS, amount)}</tbody></table>`);
    fill(document.getElementById('codes'), d.codes.length ? html`<table id="codes-table">
        <thead><tr><th>Code</th><th class="num">Uses held</th><th class="num">Uses spent</th><th class="num">Orders</th>
            <th class="num">Discount given</th></tr></thead>
        <tbody>${d.codes.map(k => html`<tr><td>${k.code}</td><td class="num">${k.held}</td><td class="num">${k.used}</td>
            <td class="num">${k.orders}</td><td class="num">${amount(k.discount)}</td></tr>`)}</tbody></table>`
        : html`<p class="muted">No promotional codes.</p>`);
    fill(document.getElementById('waitlist'), html`<table id="waitlist-demand">
        <thead><tr><th>Seat type</th><th class="num">People</th><th class="num">Seats wanted</th><th class="num">Seats offered</th>
            <th class="num">Revenue</th></tr></thead>
        <tbody>${d.waitlist.map(w => html`<tr><td>${w.name}</td><td class="num">${w.people}</td><td class="num">${w.seatsWanted}</td>
            <td class="num">${w.seatsOffered}</td><td class="num">${money(w.revenue)}</td></tr>`)}</tbody></table>`);
}

/** One row per state or reason: its words, how many refunds, their amount. */
function refundRows(tallies, words, amount) {
    return tallies.map(t => html`<tr id="refunds-${t.name}"><td>${words[t.name] || t.name}</td><td class="num">${t.refunds}</td>
        <td class="num">${amount(t.amount)}</td></tr>`);
}

/** A period's start as UTC text: "2026-03-01" for a day, "2026-03-01 09:00" for an hour. */
function period(start, bucket) {
    const iso = new Date(start).toISOString();
    return bucket === 'hour' ? iso.slice(0, 10) + ' ' + iso.slice(11, 16) : iso.slice(0, 10);
}

/** The two charts, drawn anew when the dashboard changes and resized with the window. */
class Charts {
    constructor(uPlot) {
        this.uPlot = uPlot;
        this.drawn = [];
        this.resize = () => this.drawn.forEach(chart => chart.setSize(size(chart.root.parentElement)));
        window.addEventListener('resize', this.resize);
    }

    show(d) {
        this.drawn.forEach(chart => chart.destroy());
        this.drawn = [];
        if (d.seats.length) this.draw(seatsChart(this.uPlot, d.seats), document.getElementById('seats-chart'));
        if (d.overTime.length) this.draw(timeChart(this.uPlot, d), document.getElementById('time-chart'));
    }

    draw([options, data], element) {
        this.drawn.push(new this.uPlot({...options, ...size(element)}, data, element));
    }

    destroy() {
        window.removeEventListener('resize', this.resize);
        this.drawn.forEach(chart => chart.destroy());
        this.drawn = [];
    }
}

function size(element) {
    return {width: Math.max(280, element.clientWidth || 600), height: 220};
}

/**
 * Stacked bars per seat type: each layer is drawn as a bar from zero to its top (sold, sold + held, …), the tallest
 * first, so each shorter one paints over the one below it.
 */
function seatsChart(uPlot, seats) {
    const x = seats.map((s, i) => i);
    const tops = LAYERS.map((layer, k) => seats.map(s => LAYERS.slice(0, k + 1).reduce((sum, [key]) => sum + s[key], 0)));
    const bars = uPlot.paths.bars({size: [0.6, 90]});
    const layers = LAYERS.map(([, label, colour], k) => ({label, fill: colour, stroke: colour, paths: bars,
        points: {show: false}, data: tops[k]})).reverse();
    return [{
        legend: {show: false},
        cursor: {show: false},
        scales: {x: {time: false, range: () => [-0.5, seats.length - 0.5]}, y: {range: (u, min, max) => [0, Math.max(1, max)]}},
        axes: [{splits: () => x, values: (u, splits) => splits.map(i => seats[i]?.name ?? '')}, {label: 'Seats'}],
        series: [{}, ...layers.map(({data, ...series}) => series)],
    }, [x, ...layers.map(layer => layer.data)]];
}

/** Orders placed and confirmed per period (bars), revenue (a line, on its own scale), in UTC. */
function timeChart(uPlot, d) {
    const x = d.overTime.map(p => Date.parse(p.start) / 1000);
    const width = d.bucket === 'hour' ? 3600 : 86400;
    return [{
        tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        scales: {x: {time: true, range: () => [x[0] - width, x[x.length - 1] + width]},
            orders: {range: (u, min, max) => [0, Math.max(1, max)]}, money: {range: (u, min, max) => [0, Math.max(1, max)]}},
        axes: [{}, {scale: 'orders', label: 'Orders'}, {scale: 'money', side: 1, label: 'Revenue' + (d.currency ? ' (' + d.currency + ')' : ''),
            grid: {show: false}}],
        series: [{label: 'Period (UTC)'},
            {label: 'Placed', scale: 'orders', fill: '#bee3f8', stroke: '#3182ce', paths: uPlot.paths.bars({size: [0.7, 60]}), points: {show: false}},
            {label: 'Confirmed', scale: 'orders', fill: '#2f855a', stroke: '#2f855a', paths: uPlot.paths.bars({size: [0.35, 30]}), points: {show: false}},
            {label: 'Revenue', scale: 'money', stroke: '#c05621', width: 2, points: {show: true, size: 6}}],
    }, [x, d.overTime.map(p => p.placed), d.overTime.map(p => p.confirmed), d.overTime.map(p => Number(p.revenue))]];
}

/**
 * Downloads an export: fetched with the owner's Basic header (a plain link cannot send it), then saved from the
 * answer's body under the name the service gives it.
 */
async function download(id, what, auth) {
    const response = await fetch(`/api/management/conferences/${id}/exports/${what}.csv`, {
        headers: {'Accept': 'text/csv, application/problem+json', 'Correlation-Id': uuid(), ...auth},
        cache: 'no-store', credentials: 'omit'});
    if (!response.ok) {
        const body = await response.json().catch(() => null);
        throw new Problem(response.status, body, response.headers);
    }
    const file = await response.blob();
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '')?.[1] || what + '.csv';
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
