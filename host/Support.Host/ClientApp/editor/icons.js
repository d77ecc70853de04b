// Toolbar icons: Bootstrap Icons' SVG sources, bundled as text so nothing is fetched at run time
// and no icon font or inline style is needed.
import bold from 'bootstrap-icons/icons/type-bold.svg';
import italic from 'bootstrap-icons/icons/type-italic.svg';
import underline from 'bootstrap-icons/icons/type-underline.svg';
import bulletList from 'bootstrap-icons/icons/list-ul.svg';
import orderedList from 'bootstrap-icons/icons/list-ol.svg';
import indent from 'bootstrap-icons/icons/indent.svg';
import outdent from 'bootstrap-icons/icons/unindent.svg';
import link from 'bootstrap-icons/icons/link-45deg.svg';
import image from 'bootstrap-icons/icons/image.svg';
import video from 'bootstrap-icons/icons/play-btn.svg';
import table from 'bootstrap-icons/icons/table.svg';
import undo from 'bootstrap-icons/icons/arrow-counterclockwise.svg';
import redo from 'bootstrap-icons/icons/arrow-clockwise.svg';
import upload from 'bootstrap-icons/icons/cloud-upload.svg';
import remove from 'bootstrap-icons/icons/x-lg.svg';
import warning from 'bootstrap-icons/icons/exclamation-triangle.svg';

const sources = { bold, italic, underline, bulletList, orderedList, indent, outdent, link, image, video, table, undo, redo, upload, remove, warning };

// The button's own label names it; the picture is decoration for screen readers.
export function icon(name) {
    const template = document.createElement('template');
    template.innerHTML = sources[name].trim();
    const svg = template.content.firstElementChild;
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    return svg;
}
