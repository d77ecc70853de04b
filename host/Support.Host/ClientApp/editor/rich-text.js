// Turns a server-rendered <textarea data-rich-text> holding HTML into a TipTap editor. The textarea
// stays in the form, hidden, and always holds what the editor shows: the form posts it as before,
// and without script the page still works with the plain textarea.
import { Editor } from '@tiptap/core';
import { extensions } from './extensions.js';
import { labels } from './i18n.js';
import { filesOf, imagePicker, readImage } from './images.js';
import { createPrompt } from './prompt.js';
import { createToolbar } from './toolbar.js';
import { safeImageUrl, safeLinkUrl, videoEmbedUrl } from './urls.js';

let counter = 0;

function escapeHtml(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
}

// Messages written before the editor existed are plain text: keep their line breaks.
function initialHtml(value) {
    if (!value.trim() || /<[a-z][\s\S]*>/i.test(value)) {
        return value;
    }
    return value.split(/\r?\n\r?\n/).map((block) => `<p>${escapeHtml(block).replace(/\r?\n/g, '<br>')}</p>`).join('');
}

function labelOf(textarea) {
    const label = (textarea.id && document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`)) || textarea.closest('label');
    if (label && !label.id) {
        counter += 1;
        label.id = `${textarea.id || 'rich-text'}-label-${counter}`;
    }
    return label;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
const shortcut = (label, keys) => `${label} (${isMac ? keys.replace('Ctrl', '⌘') : keys})`;

export function enhanceRichText(textarea) {
    if (textarea.dataset.richTextReady) {
        return;
    }
    textarea.dataset.richTextReady = 'true';
    counter += 1;
    const t = labels();
    const editorId = `${textarea.id || 'rich-text'}-editor-${counter}`;
    const label = labelOf(textarea);

    const wrapper = document.createElement('div');
    wrapper.className = 'rich-text';
    const content = document.createElement('div');
    content.className = 'rich-text-body';
    const prompt = createPrompt(t, () => editor.view.focus());
    const picker = imagePicker();

    const attributes = {
        id: editorId,
        role: 'textbox',
        'aria-multiline': 'true',
        class: 'rich-text-area rich-content',
    };
    if (label) {
        attributes['aria-labelledby'] = label.id;
    } else if (textarea.getAttribute('aria-label')) {
        attributes['aria-label'] = textarea.getAttribute('aria-label');
    }
    if (textarea.getAttribute('aria-describedby')) {
        attributes['aria-describedby'] = textarea.getAttribute('aria-describedby');
    }
    // A hidden required field would stop the form with a message nobody can see; the editor says
    // it is required instead and the server still checks.
    if (textarea.required) {
        attributes['aria-required'] = 'true';
        textarea.required = false;
    }

    const say = (message) => prompt.say(message);
    // Built once the editor exists; the editor may report transactions before that.
    let toolbar = null;
    let settling = true;

    function insertImageFiles(files, position) {
        for (const file of files) {
            readImage(file, t).then(
                (src) => {
                    const image = { type: 'image', attrs: { src } };
                    const chain = editor.chain().focus();
                    (position === undefined ? chain.insertContent(image) : chain.insertContentAt(position, image)).cursorAfterBlock().run();
                },
                (error) => say(error.message),
            );
        }
    }

    const editor = new Editor({
        element: content,
        // TipTap would add its base styles in a <style> element, which the CSP blocks: editor.css
        // carries them instead.
        injectCSS: false,
        // A read-only or disabled field shows its text formatted but cannot be changed.
        editable: !textarea.readOnly && !textarea.disabled,
        extensions: extensions({ videoTitle: t.videoTitle }),
        content: initialHtml(textarea.value),
        editorProps: {
            attributes,
            handlePaste: (view, event) => {
                const files = filesOf(event.clipboardData);
                // Office suites put a picture of the copied text next to its HTML: the text wins.
                if (!files.length || event.clipboardData.types.includes('text/html')) {
                    return false;
                }
                insertImageFiles(files);
                return true;
            },
            handleDrop: (view, event, slice, moved) => {
                const files = filesOf(event.dataTransfer);
                if (moved || !files.length) {
                    return false;
                }
                event.preventDefault();
                insertImageFiles(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos);
                return true;
            },
            handleKeyDown: (view, event) => {
                // The usual shortcut of editors to reach their toolbar from the text.
                if (event.altKey && event.key === 'F10') {
                    event.preventDefault();
                    toolbar?.focus();
                    return true;
                }
                return false;
            },
        },
        onUpdate: () => {
            if (settling) {
                return;
            }
            textarea.value = editor.isEmpty ? '' : editor.getHTML();
            textarea.dispatchEvent(new Event('input', { bubbles: true }));
        },
        onTransaction: () => toolbar?.refresh(),
        onFocus: () => {
            wrapper.classList.add('is-focused');
            toolbar?.refresh();
        },
        onBlur: () => wrapper.classList.remove('is-focused'),
    });

    async function editLink() {
        const current = editor.getAttributes('link').href || '';
        const answer = await prompt.ask({
            prompt: t.linkPrompt,
            value: current,
            extra: current ? [{ name: 'remove', label: t.removeLink }] : [],
        });
        if (!answer) {
            editor.commands.focus();
            return;
        }
        const chain = editor.chain().focus().extendMarkRange('link');
        if (answer.action === 'remove' || !answer.value) {
            chain.unsetLink().run();
            return;
        }
        const href = safeLinkUrl(answer.value);
        if (!href) {
            chain.run();
            say(t.linkRefused);
            return;
        }
        if (editor.state.selection.empty && !editor.isActive('link')) {
            // Nothing selected: the address itself becomes the link's text.
            chain.insertContent({ type: 'text', text: answer.value, marks: [{ type: 'link', attrs: { href } }] }).run();
        } else {
            chain.setLink({ href }).run();
        }
    }

    async function addImage() {
        const answer = await prompt.ask({ prompt: t.imagePrompt, extra: [{ name: 'file', label: t.imageFromFile }] });
        if (answer?.action === 'file') {
            picker.click();
            return;
        }
        editor.commands.focus();
        if (!answer?.value) {
            return;
        }
        const src = safeImageUrl(answer.value);
        if (src) {
            editor.chain().focus().setImage({ src }).cursorAfterBlock().run();
        } else {
            say(t.imageUrlRefused);
        }
    }

    async function addVideo() {
        const answer = await prompt.ask({ prompt: t.videoPrompt });
        editor.commands.focus();
        if (!answer?.value) {
            return;
        }
        if (!videoEmbedUrl(answer.value) || !editor.chain().focus().setVideo(answer.value).cursorAfterBlock().run()) {
            say(t.videoRefused);
        }
    }

    picker.addEventListener('change', () => {
        insertImageFiles(Array.from(picker.files));
        picker.value = '';
    });

    const run = (command) => () => command(editor.chain().focus()).run();
    const inTable = () => editor.isActive('table');
    toolbar = createToolbar({
        label: t.toolbar,
        controls: editorId,
        groups: [
            {
                label: t.toolbar,
                buttons: [
                    { label: t.bold, title: shortcut(t.bold, 'Ctrl+B'), icon: 'bold', run: run((c) => c.toggleBold()), pressed: () => editor.isActive('bold') },
                    { label: t.italic, title: shortcut(t.italic, 'Ctrl+I'), icon: 'italic', run: run((c) => c.toggleItalic()), pressed: () => editor.isActive('italic') },
                    { label: t.underline, title: shortcut(t.underline, 'Ctrl+U'), icon: 'underline', run: run((c) => c.toggleUnderline()), pressed: () => editor.isActive('underline') },
                ],
            },
            {
                label: t.bulletList,
                buttons: [
                    { label: t.bulletList, icon: 'bulletList', run: run((c) => c.toggleBulletList()), pressed: () => editor.isActive('bulletList') },
                    { label: t.orderedList, icon: 'orderedList', run: run((c) => c.toggleOrderedList()), pressed: () => editor.isActive('orderedList') },
                    { label: t.outdent, title: shortcut(t.outdent, 'Ctrl+['), icon: 'outdent', run: run((c) => c.outdent()), enabled: () => editor.can().outdent() },
                    { label: t.indent, title: shortcut(t.indent, 'Ctrl+]'), icon: 'indent', run: run((c) => c.indent()), enabled: () => editor.can().indent() },
                ],
            },
            {
                label: t.link,
                buttons: [
                    { label: t.link, icon: 'link', run: editLink, pressed: () => editor.isActive('link') },
                    { label: t.image, icon: 'image', run: addImage },
                    { label: t.video, icon: 'video', run: addVideo },
                    { label: t.table, icon: 'table', run: run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true })), enabled: () => !inTable() },
                ],
            },
            {
                label: t.tableTools,
                visible: inTable,
                buttons: [
                    { label: t.addRow, text: t.addRowShort, run: run((c) => c.addRowAfter()) },
                    { label: t.addColumn, text: t.addColumnShort, run: run((c) => c.addColumnAfter()) },
                    { label: t.deleteRow, text: t.deleteRowShort, run: run((c) => c.deleteRow()) },
                    { label: t.deleteColumn, text: t.deleteColumnShort, run: run((c) => c.deleteColumn()) },
                    { label: t.deleteTable, text: t.deleteTableShort, run: run((c) => c.deleteTable()) },
                ],
            },
            {
                label: t.undo,
                buttons: [
                    { label: t.undo, title: shortcut(t.undo, 'Ctrl+Z'), icon: 'undo', run: run((c) => c.undo()), enabled: () => editor.can().undo() },
                    { label: t.redo, title: shortcut(t.redo, isMac ? 'Ctrl+Shift+Z' : 'Ctrl+Y'), icon: 'redo', run: run((c) => c.redo()), enabled: () => editor.can().redo() },
                ],
            },
        ],
    });

    // TipTap completes the document (an empty paragraph after a final table or video) on its first
    // transaction. Doing it now, outside the undo history, keeps Undo from "undoing" that
    // paragraph, and leaves the textarea as the server sent it until the author edits.
    editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false));
    settling = false;

    wrapper.append(toolbar.element, prompt.element, prompt.message, content, picker);
    textarea.before(wrapper);
    textarea.classList.add('d-none');
    toolbar.element.hidden = !editor.isEditable;
    toolbar.refresh();

    // Validation state set by the server (or later by script) shows on the editor too.
    const syncInvalid = () => {
        const invalid = textarea.classList.contains('is-invalid');
        wrapper.classList.toggle('is-invalid', invalid);
        editor.view.dom.setAttribute('aria-invalid', String(invalid));
    };
    syncInvalid();
    new MutationObserver(syncInvalid).observe(textarea, { attributes: true, attributeFilter: ['class'] });

    // The label points at the hidden textarea; a click on it should reach the text.
    label?.addEventListener('click', (event) => {
        event.preventDefault();
        editor.commands.focus();
    });

    // Other scripts (the knowledge-base search on a ticket page) insert a link at the cursor.
    textarea.addEventListener('rich-text:insert-link', (event) => {
        event.preventDefault();
        const { text, href } = event.detail;
        editor.chain().focus().insertContent([
            { type: 'text', text, marks: [{ type: 'link', attrs: { href } }] },
            { type: 'text', text: ' ' },
        ]).run();
    });

    // The browser resets the textarea after the reset event; the editor then shows what the
    // textarea holds (empty for a new message), and the reset cannot be undone into it.
    textarea.form?.addEventListener('reset', () => {
        window.setTimeout(() => {
            prompt.cancel();
            say('');
            editor.chain().setMeta('addToHistory', false).setContent(initialHtml(textarea.value), { emitUpdate: false }).run();
            textarea.value = editor.isEmpty ? '' : textarea.value;
        });
    });

    return editor;
}
