// The code every page loads: Bootstrap's components and the product's own styles.
import 'bootstrap/dist/css/bootstrap.min.css';
import './site.css';
import 'bootstrap';
import { enhanceKnowledgeBase } from './knowledge-base.js';

// Buttons marked data-copy copy the text of the element they name to the clipboard.
document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-copy]');
    if (!button) {
        return;
    }
    const source = document.querySelector(button.dataset.copy);
    if (source && navigator.clipboard) {
        await navigator.clipboard.writeText(source.textContent.trim());
        button.dataset.copied = 'true';
    }
});

// Forms marked data-confirm ask before submitting.
document.addEventListener('submit', (event) => {
    const message = event.target.dataset.confirm;
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

// Knowledge-base suggestions on the new-ticket form and the article search on a ticket page.

if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', enhanceKnowledgeBase);
} else {
    enhanceKnowledgeBase();
}
