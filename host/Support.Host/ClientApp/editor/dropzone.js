// Turns <div data-dropzone> around a file input into a drop area with a list of the chosen files.
// The real <input type="file"> stays the source of truth: the form posts it as it is, so the page
// works the same without script. Limits are only announced here; the server enforces them.
import { formatSize, labels } from './i18n.js';
import { icon } from './icons.js';

let counter = 0;

const sameFile = (a, b) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

function hasFiles(event) {
    return Array.from(event.dataTransfer?.types || []).includes('Files');
}

export function enhanceDropzone(zone) {
    const input = zone.querySelector('input[type="file"]');
    if (!input || zone.dataset.dropzoneReady) {
        return;
    }
    zone.dataset.dropzoneReady = 'true';
    counter += 1;
    const t = labels();
    const maxFiles = Number.parseInt(zone.dataset.maxFiles, 10) || 0;
    const maxBytes = Number.parseInt(zone.dataset.maxBytes, 10) || 0;
    const statusId = `${input.id || 'dropzone'}-status-${counter}`;

    // The browse button is the keyboard's way in; the input itself is kept out of the Tab order
    // but stays in the form and in the page so the browser can still report it (required...).
    const area = document.createElement('div');
    area.className = 'dropzone-area';
    const browse = document.createElement('button');
    browse.type = 'button';
    browse.className = 'btn btn-link p-0 align-baseline dropzone-browse';
    browse.textContent = t.browse;
    const labelElement = input.id ? zone.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
    if (labelElement) {
        if (!labelElement.id) {
            labelElement.id = `${input.id}-label-${counter}`;
        }
        browse.setAttribute('aria-describedby', `${labelElement.id} ${statusId}`);
    } else {
        browse.setAttribute('aria-describedby', statusId);
    }
    const text = document.createElement('p');
    text.className = 'mb-0';
    text.append(`${t.dropHere} `, browse);
    area.append(icon('upload'), text);

    const status = document.createElement('p');
    status.id = statusId;
    status.className = 'visually-hidden';
    status.setAttribute('aria-live', 'polite');

    const list = document.createElement('ul');
    list.className = 'list-group dropzone-files';

    input.classList.add('visually-hidden');
    input.tabIndex = -1;
    input.after(area, status, list);
    zone.classList.add('dropzone');

    // Remembered so that browsing again adds to the chosen files instead of replacing them, as a
    // drop does.
    let chosen = Array.from(input.files);

    function assign(files) {
        const transfer = new DataTransfer();
        for (const file of files) {
            transfer.items.add(file);
        }
        input.files = transfer.files;
        chosen = Array.from(input.files);
        render();
        // Other scripts on the page learn of the new selection as if the author had picked it.
        input.dispatchEvent(new Event('change', { bubbles: true }));
    }

    function add(files) {
        const merged = [...chosen];
        for (const file of files) {
            if (!merged.some((known) => sameFile(known, file))) {
                merged.push(file);
            }
        }
        assign(input.multiple ? merged : merged.slice(-1));
    }

    function render() {
        list.replaceChildren(...chosen.map((file, index) => {
            const item = document.createElement('li');
            item.className = 'list-group-item d-flex align-items-start gap-2';
            const body = document.createElement('div');
            body.className = 'flex-grow-1 text-break';
            const name = document.createElement('span');
            name.className = 'dropzone-file-name';
            name.textContent = file.name;
            const size = document.createElement('span');
            size.className = 'text-body-secondary small ms-2 dropzone-file-size';
            size.textContent = formatSize(file.size);
            body.append(name, size);

            const warnings = [];
            if (maxBytes && file.size > maxBytes) {
                warnings.push(t.tooLarge(formatSize(maxBytes)));
            }
            if (maxFiles && index >= maxFiles) {
                warnings.push(t.tooMany(maxFiles));
            }
            for (const warning of warnings) {
                const line = document.createElement('div');
                line.className = 'small text-danger dropzone-warning';
                line.append(icon('warning'), ` ${warning}`);
                body.append(line);
            }
            item.classList.toggle('list-group-item-warning', warnings.length > 0);

            const remove = document.createElement('button');
            remove.type = 'button';
            remove.className = 'btn btn-sm btn-outline-secondary dropzone-remove';
            remove.setAttribute('aria-label', t.removeFile(file.name));
            remove.title = t.removeFile(file.name);
            remove.append(icon('remove'));
            remove.addEventListener('click', () => {
                assign(chosen.filter((_, i) => i !== index));
                // Focus goes to the next file's button, or back to browse when none is left.
                const buttons = list.querySelectorAll('.dropzone-remove');
                (buttons[Math.min(index, buttons.length - 1)] || browse).focus();
            });
            item.append(body, remove);
            return item;
        }));
        status.textContent = t.filesChosen(chosen.length);
    }

    browse.addEventListener('click', () => input.click());
    // The whole area answers a mouse click, as drop areas usually do.
    area.addEventListener('click', (event) => {
        if (!event.target.closest('button')) {
            input.click();
        }
    });

    input.addEventListener('change', () => {
        // Our own change events carry the list already merged.
        const picked = Array.from(input.files);
        if (picked.length === chosen.length && picked.every((file, i) => file === chosen[i])) {
            return;
        }
        add(picked);
    });

    // Counting enter/leave pairs because dragleave also fires when moving over child elements.
    let depth = 0;
    zone.addEventListener('dragenter', (event) => {
        if (!hasFiles(event)) {
            return;
        }
        event.preventDefault();
        depth += 1;
        zone.classList.add('dropzone-over');
    });
    zone.addEventListener('dragover', (event) => {
        if (!hasFiles(event)) {
            return;
        }
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        zone.classList.add('dropzone-over');
    });
    zone.addEventListener('dragleave', () => {
        depth = Math.max(0, depth - 1);
        if (depth === 0) {
            zone.classList.remove('dropzone-over');
        }
    });
    zone.addEventListener('drop', (event) => {
        if (!hasFiles(event)) {
            return;
        }
        event.preventDefault();
        depth = 0;
        zone.classList.remove('dropzone-over');
        add(Array.from(event.dataTransfer.files));
    });

    render();
}
