// The rich-text editor and the attachment drop zone, loaded only by the pages that have a
// textarea[data-rich-text] or a [data-dropzone] (after site.js, which brings Bootstrap).
import './editor/editor.css';
import { enhanceDropzone } from './editor/dropzone.js';
import { enhanceRichText } from './editor/rich-text.js';

function start() {
    document.querySelectorAll('textarea[data-rich-text]').forEach(enhanceRichText);
    document.querySelectorAll('[data-dropzone]').forEach(enhanceDropzone);
}

if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
} else {
    start();
}
