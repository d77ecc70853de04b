// A small address box under the toolbar, used for links, images and videos instead of
// window.prompt, plus a line for short refusals. It lives inside the page's form, so it has no
// name (never posted), is plain text (an invalid type="url" field would block the form's submit
// while hidden) and catches Enter so the form is not submitted.
let counter = 0;

// returnFocus puts the focus back into the text before the box hides, so keys typed right after
// closing it are not lost on the page's body.
export function createPrompt(t, returnFocus) {
    counter += 1;
    const inputId = `rich-text-prompt-${counter}`;

    const element = document.createElement('div');
    element.className = 'rich-text-prompt';
    element.hidden = true;

    const label = document.createElement('label');
    label.className = 'form-label small mb-1';
    label.htmlFor = inputId;

    const group = document.createElement('div');
    group.className = 'input-group input-group-sm';

    const input = document.createElement('input');
    input.type = 'text';
    input.id = inputId;
    input.className = 'form-control';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.inputMode = 'url';

    element.append(label, group);

    const message = document.createElement('div');
    message.className = 'rich-text-message small text-danger';
    message.setAttribute('role', 'status');

    let settle = null;
    let messageTimer = 0;

    function close(result) {
        if (!element.hidden && element.contains(document.activeElement)) {
            returnFocus();
        }
        element.hidden = true;
        const done = settle;
        settle = null;
        done?.(result);
    }

    function button(text, className, result) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = `btn ${className}`;
        b.textContent = text;
        b.addEventListener('click', () => close(result()));
        return b;
    }

    input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
            event.preventDefault();
            close({ action: 'ok', value: input.value.trim() });
        } else if (event.key === 'Escape') {
            event.preventDefault();
            close(null);
        }
    });

    // Opens the box and resolves with { action, value } or null when cancelled. Extra actions
    // (remove the link, pick a file) resolve with their own action name.
    function ask({ prompt, value = '', extra = [] }) {
        close(null);
        say('');
        label.textContent = prompt;
        input.value = value;
        group.replaceChildren(
            input,
            button(t.ok, 'btn-primary', () => ({ action: 'ok', value: input.value.trim() })),
            ...extra.map((action) => button(action.label, 'btn-outline-secondary', () => ({ action: action.name }))),
            button(t.cancel, 'btn-outline-secondary', () => null),
        );
        element.hidden = false;
        input.focus();
        input.select();
        return new Promise((resolve) => {
            settle = resolve;
        });
    }

    // Refusals are announced politely and fade after a while so they do not pile up.
    function say(text) {
        window.clearTimeout(messageTimer);
        message.textContent = text;
        if (text) {
            messageTimer = window.setTimeout(() => {
                message.textContent = '';
            }, 8000);
        }
    }

    return { element, message, ask, say, cancel: () => close(null) };
}
