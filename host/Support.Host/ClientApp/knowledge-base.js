// The knowledge base on the ticket pages: suggestions under the new-ticket form's subject as the
// customer types, and the search on an agent's ticket page that inserts an article's link into the
// reply. Results arrive as JSON and are written with textContent, never as HTML.

const DELAY_MS = 250;

// A random id for an opened suggestion (crypto.randomUUID needs a secure context; this does not).
function randomId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// The text of a field: the detail is the editor's HTML, of which only the words matter.
function textOf(field) {
    if (field.tagName === 'TEXTAREA' && field.dataset.richText !== undefined) {
        return new DOMParser().parseFromString(field.value, 'text/html').body.textContent || '';
    }
    return field.value;
}

async function fetchJson(source, query, signal) {
    const url = new URL(source, window.location.origin);
    url.searchParams.set('q', query);
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
    return response.ok ? response.json() : [];
}

function enhanceSuggestions(section) {
    const list = section.querySelector('[data-kb-suggestion-list]');
    const form = section.closest('form');
    const openings = form?.querySelector('[data-kb-openings]');
    const fields = section.dataset.inputs.split(',').map((selector) => document.querySelector(selector)).filter(Boolean);
    const storageKey = 'kb-suggestion-openings';
    let timer = 0;
    let controller = null;
    let lastQuery = '';

    // The openings survive a reload of the form (the article opens in a new tab, but a customer may come back).
    const remembered = (sessionStorage.getItem(storageKey) || '').split(',').filter(Boolean);
    if (openings && !openings.value && remembered.length) {
        openings.value = remembered.join(',');
    }

    function remember(id) {
        if (!openings) {
            return;
        }
        const ids = (openings.value || '').split(',').filter(Boolean);
        ids.push(id);
        openings.value = ids.slice(-50).join(',');
        sessionStorage.setItem(storageKey, openings.value);
    }

    function render(suggestions) {
        list.replaceChildren();
        for (const suggestion of suggestions) {
            const item = document.createElement('li');
            const link = document.createElement('a');
            const opening = randomId();
            link.href = `${suggestion.url}?opening=${opening}`;
            link.target = '_blank';
            link.rel = 'noopener';
            link.textContent = suggestion.title;
            link.addEventListener('click', () => remember(opening));
            item.append(link);
            if (suggestion.summary) {
                const summary = document.createElement('div');
                summary.className = 'small text-body-secondary';
                summary.textContent = suggestion.summary;
                item.append(summary);
            }
            list.append(item);
        }
        section.hidden = suggestions.length === 0;
    }

    async function refresh() {
        const query = fields.map(textOf).join(' ').replace(/\s+/g, ' ').trim().slice(0, 300);
        if (query === lastQuery) {
            return;
        }
        lastQuery = query;
        controller?.abort();
        if (query.length < 3) {
            render([]);
            return;
        }
        controller = new AbortController();
        try {
            render(await fetchJson(section.dataset.source, query, controller.signal));
        } catch (error) {
            if (error.name !== 'AbortError') {
                render([]);
            }
        }
    }

    for (const field of fields) {
        field.addEventListener('input', () => {
            window.clearTimeout(timer);
            timer = window.setTimeout(refresh, DELAY_MS);
        });
    }
    form?.addEventListener('submit', () => sessionStorage.removeItem(storageKey));
    if (fields.some((field) => field.value)) {
        refresh();
    }
}

function enhanceAgentSearch(panel) {
    const form = panel.querySelector('form');
    const input = panel.querySelector('[data-kb-query]');
    const results = panel.querySelector('[data-kb-results]');
    const target = document.querySelector(panel.dataset.target);

    function insertLink(title, url) {
        const href = new URL(url, window.location.origin).href;
        const event = new CustomEvent('rich-text:insert-link', { detail: { text: title, href }, cancelable: true });
        // Without the editor (no script for it), the link goes into the plain textarea as HTML text.
        if (target.dispatchEvent(event)) {
            target.value += `<p><a href="${href}">${title.replace(/[<>&"]/g, '')}</a></p>`;
        }
    }

    function render(articles) {
        results.replaceChildren();
        if (articles.length === 0) {
            const none = document.createElement('li');
            none.className = 'text-body-secondary small';
            none.textContent = results.dataset.noneLabel;
            results.append(none);
            return;
        }
        for (const article of articles) {
            const item = document.createElement('li');
            item.className = 'd-flex flex-wrap align-items-center gap-2 py-1 border-top';
            const link = document.createElement('a');
            link.href = article.edit;
            link.target = '_blank';
            link.rel = 'noopener';
            link.textContent = article.title;
            link.className = 'me-auto';
            item.append(link);
            if (article.isPublic) {
                const button = document.createElement('button');
                button.type = 'button';
                button.className = 'btn btn-sm btn-outline-primary';
                button.textContent = results.dataset.insertLabel;
                button.addEventListener('click', () => insertLink(article.title, article.url));
                item.append(button);
            } else {
                const badge = document.createElement('span');
                badge.className = 'badge text-bg-warning';
                badge.textContent = results.dataset.internalLabel;
                item.append(badge);
            }
            results.append(item);
        }
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (input.value.trim()) {
            render(await fetchJson(panel.dataset.source, input.value.trim()));
        }
    });
}

export function enhanceKnowledgeBase() {
    document.querySelectorAll('[data-kb-suggestions]').forEach(enhanceSuggestions);
    document.querySelectorAll('[data-kb-search]').forEach(enhanceAgentSearch);
}
