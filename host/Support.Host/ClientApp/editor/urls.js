// The addresses the editor lets into a message. The server sanitizes again with the same rules;
// checking here tells the author at once instead of silently losing a link on save.

function parse(value) {
    try {
        return new URL(String(value).trim());
    } catch {
        return null;
    }
}

// Links open outside the product, so only web pages and e-mail addresses: no javascript:, data:
// or relative links that would point into the product's own pages.
export function safeLinkUrl(value) {
    const url = parse(value);
    if (!url) {
        return null;
    }
    if (url.protocol === 'mailto:') {
        return url.pathname ? url.href : null;
    }
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url.href : null;
}

// Remote images must come over https so a message never turns a page into mixed content.
export function safeImageUrl(value) {
    const url = parse(value);
    return url && url.protocol === 'https:' && url.hostname ? url.href : null;
}

export const imageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
export const maxImageBytes = 1024 * 1024;

// Pasted images arrive as data: URIs; the same types and size as a picked file are accepted.
// Base64 holds 3 bytes in 4 characters.
export function safeImageDataUri(value) {
    const match = /^data:(image\/(?:png|jpeg|gif|webp));base64,([A-Za-z0-9+/]+={0,2})$/.exec(String(value));
    if (!match) {
        return null;
    }
    return Math.floor((match[2].length * 3) / 4) <= maxImageBytes ? value : null;
}

// Images already in a message: a remote https one or an embedded one.
export function safeImageSource(value) {
    return safeImageUrl(value) || safeImageDataUri(value);
}

const youTubeHosts = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const vimeoHosts = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

// Videos are embedded from the privacy-friendly player addresses whatever link the author pasted
// (watch page, short link, share link, an existing embed). Ids are checked strictly because they
// end up in a frame's address.
export function videoEmbedUrl(value) {
    const url = parse(value);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        return null;
    }
    const host = url.hostname.toLowerCase();
    const parts = url.pathname.split('/').filter(Boolean);
    let youTubeId = null;
    if (host === 'youtu.be') {
        youTubeId = parts[0];
    } else if (youTubeHosts.has(host)) {
        youTubeId = parts[0] === 'watch' ? url.searchParams.get('v') : ['embed', 'shorts', 'live', 'v'].includes(parts[0]) ? parts[1] : null;
    }
    if (youTubeId) {
        return /^[A-Za-z0-9_-]{11}$/.test(youTubeId) ? `https://www.youtube-nocookie.com/embed/${youTubeId}` : null;
    }
    if (vimeoHosts.has(host)) {
        const id = host === 'player.vimeo.com' ? (parts[0] === 'video' ? parts[1] : null) : parts.find((part) => /^\d+$/.test(part));
        return id && /^\d{1,12}$/.test(id) ? `https://player.vimeo.com/video/${id}` : null;
    }
    return null;
}
