// The workflow designer, loaded only by the workflow definition page (after site.js). Without
// JavaScript, or if the designer cannot start, the page keeps its JSON editor.
import 'x6-styles';
import './designer/designer.css';
import { WorkflowDesigner, showLoadFailure } from './designer/designer.js';

async function start() {
    const form = document.querySelector('form[data-designer]');
    if (!form) return;
    try {
        const response = await fetch(form.dataset.activitiesUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        new WorkflowDesigner(form, await response.json()).start();
    } catch (error) {
        showLoadFailure(form, error);
    }
}

if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
} else {
    start();
}
